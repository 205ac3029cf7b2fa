package eoslab.flow;

import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.VectorPoint;
import java.util.ArrayList;
import java.util.List;

/** {@link FlowSolver} from the closed form ({@link ClosedFormFlow}). */
final class ExactFlowSolver implements FlowSolver {
    @Override
    public String method() {
        return "exact";
    }

    @Override
    public FlowSolution solve(double phi, VectorPoint initial, FlowSpec spec) {
        ClosedFormFlow flow = ClosedFormFlow.from(phi, initial);
        int n = spec.sampleCount();
        List<FlowSample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = spec.sampleTime(i);
            samples.add(new FlowSample(t, flow.at(t)));
        }
        return new FlowSolution(method(), samples, flow.timeToTol(spec.tol()), flow.limit(), flow.limitPoint(),
                Double.POSITIVE_INFINITY);
    }
}
