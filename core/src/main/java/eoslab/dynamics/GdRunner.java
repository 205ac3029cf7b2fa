package eoslab.dynamics;

import java.util.List;

/**
 * Drives a {@link GdStepper} until its {@link StopRule} fires, feeding observers, and measures what every run
 * reports: the outcome, the largest loss and the observed final rate. Allocates nothing per step.
 */
public final class GdRunner {
    /** Number of final steps over which the observed rate is measured. */
    public static final int RATE_WINDOW = 32;

    private GdRunner() {
    }

    /**
     * Runs the stepper (modified: it ends at the last accepted iterate).
     *
     * @param stepper   the method and its state
     * @param rule      when to stop
     * @param observers receivers of each iterate, in order
     */
    public static GdResult run(GdStepper stepper, StopRule rule, List<? extends StepObserver> observers) {
        StepObserver[] obs = observers.toArray(new StepObserver[0]);
        Snapshot initial = Snapshot.of(stepper);
        for (StepObserver o : obs) {
            o.start(stepper);
        }
        double[] ring = new double[RATE_WINDOW + 1];
        double eps = stepper.residual();
        ring[0] = Math.abs(eps);
        double maxAbsEps = Math.abs(eps);
        long k = 0;
        Outcome outcome = Outcome.MAX_STEPS;
        if (rule.converged(eps)) {
            outcome = Outcome.CONVERGED;
        } else {
            final long max = rule.maxSteps();
            while (k < max) {
                if (!stepper.step()) {
                    outcome = Outcome.DIVERGED;
                    break;
                }
                k++;
                eps = stepper.residual();
                double ae = Math.abs(eps);
                ring[(int) (k % ring.length)] = ae;
                if (ae > maxAbsEps) {
                    maxAbsEps = ae;
                }
                for (StepObserver o : obs) {
                    o.step(k, stepper);
                }
                if (ae <= rule.tol()) {
                    outcome = Outcome.CONVERGED;
                    break;
                }
            }
        }
        for (StepObserver o : obs) {
            o.finish(k, stepper, outcome);
        }
        return new GdResult(outcome, k, initial, Snapshot.of(stepper), 0.5 * maxAbsEps * maxAbsEps,
                observedRate(ring, k));
    }

    /** Geometric-mean contraction of |ε| over the last min(k, window) steps; 0 when the last residual is exactly 0. */
    private static double observedRate(double[] ring, long k) {
        int w = (int) Math.min(k, RATE_WINDOW);
        if (w == 0) {
            return 0.0;
        }
        double end = ring[(int) (k % ring.length)];
        double begin = ring[(int) ((k - w) % ring.length)];
        if (end == 0.0) {
            return 0.0;
        }
        return Math.exp((Math.log(end) - Math.log(begin)) / w);
    }
}
