package eoslab.gradientflow;

import java.util.OptionalDouble;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * An ODE event for a function g of the state that decreases through zero once (a log-distance from a tolerance):
 * records the time of the first crossing, located by Hipparchus' Brent-type solver, and then stops the integration
 * or lets it continue. Not thread-safe; one per integration.
 */
public abstract class FirstCrossing implements ODEEventDetector {
    private final double maxCheck;
    private final double absoluteAccuracy;
    private final boolean stop;
    private double time = Double.NaN;

    /**
     * @param maxCheck         largest interval between checks of g (no crossing may hide inside it)
     * @param absoluteAccuracy absolute accuracy of the located time
     * @param stop             stop the integration at the crossing
     */
    protected FirstCrossing(double maxCheck, double absoluteAccuracy, boolean stop) {
        this.maxCheck = maxCheck;
        this.absoluteAccuracy = absoluteAccuracy;
        this.stop = stop;
    }

    /** The time of the first crossing, if there was one. */
    public OptionalDouble time() {
        return Double.isNaN(time) ? OptionalDouble.empty() : OptionalDouble.of(time);
    }

    @Override
    public AdaptableInterval getMaxCheckInterval() {
        return AdaptableInterval.of(maxCheck);
    }

    @Override
    public int getMaxIterationCount() {
        return 1000;
    }

    @Override
    public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
        return new BracketingNthOrderBrentSolver(1e-15, absoluteAccuracy, 1e-300, 5);
    }

    @Override
    public ODEEventHandler getHandler() {
        return (state, detector, increasing) -> {
            if (Double.isNaN(time)) {
                time = state.getTime();
                return stop ? Action.STOP : Action.CONTINUE;
            }
            return Action.CONTINUE;
        };
    }
}
