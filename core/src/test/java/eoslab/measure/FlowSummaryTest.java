package eoslab.measure;

import eoslab.EoslabTest;
import eoslab.flow.FlowSolution;
import eoslab.flow.FlowSolver;
import eoslab.flow.FlowSpec;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link FlowSummary}: outcomes converged, saddle and max_time, the limit's values and the listed vectors. */
class FlowSummaryTest extends EoslabTest {
    private static final List<String> KEYS = List.of("outcome", "method", "phi", "width", "time_to_tol", "t_max",
            "limit_time", "loss", "residual", "product", "norm", "imbalance", "sharpness", "gf_sharpness");

    @Test
    void exactFlowConvergesToItsClosedFormLimit() {
        VectorPoint start = new StartSpec.Gaussian(3, 0.5, 0.3, 8).point();
        ClosedFormFlow flow = ClosedFormFlow.from(1.2, start);
        FlowSolution sol = FlowSolver.exact().solve(1.2, start, new FlowSpec(10, 1, 1e-12));
        Map<String, Object> s = FlowSummary.of(sol, true, flow.gfSharpness(), 10, true);
        List<String> keys = new ArrayList<>(KEYS);
        keys.addAll(List.of("a", "b"));
        assertThat(new ArrayList<>(s.keySet())).isEqualTo(keys);
        ShallowSnapshot lim = flow.limit();
        assertThat(s).containsEntry("outcome", "converged").containsEntry("method", "exact").containsEntry("phi", 1.2)
                .containsEntry("width", 3).containsEntry("t_max", 10.0).containsEntry("limit_time", "infinity")
                .containsEntry("loss", 0.0).containsEntry("residual", 0.0).containsEntry("product", 1.2)
                .containsEntry("norm", lim.norm()).containsEntry("imbalance", lim.imbalance())
                .containsEntry("sharpness", lim.sharpness()).containsEntry("gf_sharpness", flow.gfSharpness());
        assertThat((double) s.get("time_to_tol")).isEqualTo(flow.timeToTol(1e-12).getAsDouble());
        assertThat((double) s.get("norm")).as("λ∞ = λ_GF").isCloseTo(flow.gfSharpness(), within(1e-12));
        assertThat((double[]) s.get("a")).containsExactly(flow.limitPoint().a());
        assertThat((double[]) s.get("b")).containsExactly(flow.limitPoint().b());
        assertThat(FlowSummary.of(sol, true, flow.gfSharpness(), 10, false)).doesNotContainKeys("a", "b");
    }

    @Test
    void aStartOnTheSaddleSetIsASaddle() {
        VectorPoint start = VectorPoint.of(new double[] {1, 2}, new double[] {-1, -2});
        FlowSolution sol = FlowSolver.exact().solve(1.0, start, new FlowSpec(5, 1, 1e-12));
        ClosedFormFlow flow = ClosedFormFlow.from(1.0, start);
        assertThat(flow.reachesMinimum()).isFalse();
        Map<String, Object> s = FlowSummary.of(sol, flow.reachesMinimum(), flow.gfSharpness(), 5, true);
        assertThat(s).containsEntry("outcome", "saddle").containsEntry("limit_time", "infinity")
                .containsEntry("time_to_tol", null).containsEntry("gf_sharpness", null);
        assertThat((double) s.get("sharpness")).as("the saddle a = b = 0 has sharpness |ε| = |Φ|").isEqualTo(1.0);
        assertThat((double) s.get("product")).as("a + b stays 0: m∞ ≤ 0").isLessThanOrEqualTo(0.0);
        assertThat((double) s.get("residual")).isCloseTo((double) s.get("product") - 1.0, within(1e-15));
    }

    @Test
    void anOdeThatStopsShortIsOutOfTime() {
        VectorPoint start = new StartSpec.Canonical(0.1, 5).point();
        FlowSolution sol = FlowSolver.ode(1e-12, 1e-14).solve(1.0, start, new FlowSpec(0.5, 0.1, 1e-12));
        Map<String, Object> s = FlowSummary.of(sol, true, 5.38, 0.5, true);
        assertThat(s).containsEntry("outcome", "max_time").containsEntry("method", "ode")
                .containsEntry("limit_time", 0.5).containsEntry("time_to_tol", null);
        ShallowSnapshot exact = ClosedFormFlow.from(1.0, start).at(0.5);
        assertThat((double) s.get("residual")).isCloseTo(exact.residual(), within(1e-10));
        assertThat((double) s.get("norm")).isCloseTo(exact.norm(), within(1e-10));
    }

    @Test
    void anOdeThatReachesTheToleranceConverges() {
        VectorPoint start = new StartSpec.Canonical(0.1, 5).point();
        ClosedFormFlow flow = ClosedFormFlow.from(1.0, start);
        double t = flow.timeToTol(1e-8).getAsDouble();
        FlowSolution sol = FlowSolver.ode(1e-12, 1e-14).solve(1.0, start, new FlowSpec(2 * t, t / 10, 1e-8));
        Map<String, Object> s = FlowSummary.of(sol, true, flow.gfSharpness(), 2 * t, true);
        assertThat(s).containsEntry("outcome", "converged").containsEntry("limit_time", 2 * t);
        assertThat((double) s.get("time_to_tol")).isCloseTo(t, within(1e-6 * t));
    }

    @Test
    void vectorsAreListedUpToWidth100() {
        for (int d : new int[] {100, 101}) {
            VectorPoint start = new StartSpec.Gaussian(d, 0.1, 0.1, 1).point();
            FlowSolution sol = FlowSolver.exact().solve(1.0, start, new FlowSpec(1, 1, 1e-12));
            Map<String, Object> s = FlowSummary.of(sol, true, 1, 1, true);
            assertThat(s.containsKey("a") && s.containsKey("b")).as("width %d", d).isEqualTo(d <= 100);
        }
    }
}
