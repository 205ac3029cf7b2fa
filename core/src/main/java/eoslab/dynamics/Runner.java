package eoslab.dynamics;

import eoslab.model.State;
import java.util.List;

/**
 * Drives a {@link Stepper} until its {@link StopRule} fires, feeding observers, and measures what every run
 * reports: the outcome, the largest loss and the observed final rate. Allocates nothing per step.
 */
public final class Runner {
    /** Number of final steps over which the observed rate is measured. */
    public static final int RATE_WINDOW = 32;

    private Runner() {
    }

    /**
     * Runs the stepper (modified: it ends at the last accepted iterate).
     *
     * @param stepper   the model, method and state
     * @param rule      when to stop
     * @param observers receivers of each iterate, in order
     */
    @SuppressWarnings("unchecked")
    public static <S extends State> RunResult<S> run(Stepper<S> stepper, StopRule rule,
                                                     List<? extends StepObserver<? super S>> observers) {
        StepObserver<? super S>[] obs = observers.toArray(new StepObserver[0]);
        S live = stepper.state();
        S initial = stepper.snapshot();
        for (StepObserver<? super S> o : obs) {
            o.start(live);
        }
        double[] ring = new double[RATE_WINDOW + 1];
        double r = live.residualNorm();
        ring[0] = r;
        double maxResidual = r;
        long k = 0;
        Outcome outcome = Outcome.MAX_STEPS;
        if (rule.converged(r) && stepper.mayStop(0)) {
            outcome = Outcome.CONVERGED;
        } else {
            final long max = rule.maxSteps();
            final double tol = rule.tol();
            while (k < max) {
                if (!stepper.step()) {
                    outcome = Outcome.DIVERGED;
                    break;
                }
                k++;
                r = live.residualNorm();
                ring[(int) (k % ring.length)] = r;
                if (r > maxResidual) {
                    maxResidual = r;
                }
                for (StepObserver<? super S> o : obs) {
                    o.step(k, live);
                }
                if (r <= tol && stepper.mayStop(k)) {
                    outcome = Outcome.CONVERGED;
                    break;
                }
            }
        }
        for (StepObserver<? super S> o : obs) {
            o.finish(k, live, outcome);
        }
        return new RunResult<>(outcome, k, initial, stepper.snapshot(),
                live.minimumLoss() + 0.5 * maxResidual * maxResidual, observedRate(ring, k));
    }

    /** Geometric-mean contraction over the last min(k, window) steps; 0 when the last residual is exactly 0. */
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
