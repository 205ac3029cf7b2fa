package eoslab.theory;

import eoslab.dynamics.StepObserver;
import eoslab.model.shallow.ShallowState;

/**
 * What the claims need from one GD run, gathered in one pass without allocation: the largest η|ε_t| over the steps
 * taken, the accumulated loss Σ_{t&lt;T} L_t, whether the GF-solution sharpness √(4Φ² + Q_t²) moved as docs/model.md §7
 * says at every step (down while η|ε_t| ≤ √2, up while η|ε_t| &gt; √2), and, when a claim-1 rate ρ̄ is given, the
 * worst relative slack of |ε_t| ≤ ρ̄ᵗ|ε₀|. Not thread-safe; one instance per run.
 */
public final class ClaimTrace implements StepObserver<ShallowState> {
    /** Relative rounding allowance when comparing consecutive imbalances (a few ulps of one step's product). */
    public static final double IMBALANCE_ULPS = 8 * Math.ulp(1.0);
    /** Below this imbalance the coordinates p, q may be subnormal and the comparison loses its precision. */
    public static final double MIN_IMBALANCE = 1e-250;
    private static final double SQRT2 = Math.sqrt(2.0);

    private final double eta;
    private final double logRho;
    private final double roundoff;
    private double logE0;
    private double prevEps;
    private double prevQ;
    private double maxEtaEps;
    private double sumLoss;
    private long gfsStepsChecked;
    private long gfsViolations;
    private long firstGfsViolation = -1;
    private long gfsIncreases;
    private long firstGfsIncrease = -1;
    private double gfsMargin = Double.POSITIVE_INFINITY;
    private double rateMargin = Double.POSITIVE_INFINITY;
    private long worstRateStep = -1;

    /**
     * A trace for a run with step η.
     *
     * @param rhoBar   the claim-1 rate to check along the run, or NaN for none
     * @param roundoff absolute rounding allowance on |ε_t| in the claim-1 check (the residual is a difference of
     *                 numbers of size |Φ| and λ, so it is known only to a few of their ulps)
     */
    public ClaimTrace(double eta, double rhoBar, double roundoff) {
        this.eta = eta;
        this.logRho = Double.isNaN(rhoBar) ? Double.NaN : Math.log(rhoBar);
        this.roundoff = roundoff;
    }

    @Override
    public void start(ShallowState stepper) {
        prevEps = stepper.residual();
        prevQ = stepper.imbalance();
        logE0 = Math.log(Math.abs(prevEps));
        maxEtaEps = eta * Math.abs(prevEps);
    }

    @Override
    public void step(long k, ShallowState it) {
        double eps = it.residual();
        double q = it.imbalance();
        double x = eta * Math.abs(prevEps);
        sumLoss += 0.5 * prevEps * prevEps;
        if (prevQ >= MIN_IMBALANCE && x > 0) {
            gfsStepsChecked++;
            double change = (prevQ - q) / prevQ;
            if (change < -IMBALANCE_ULPS) {
                gfsIncreases++;
                if (firstGfsIncrease < 0) {
                    firstGfsIncrease = k - 1;
                }
            }
            boolean down = x <= SQRT2;
            double slack = down ? change : -change;
            if (slack < -IMBALANCE_ULPS) {
                gfsViolations++;
                if (firstGfsViolation < 0) {
                    firstGfsViolation = k - 1;
                }
            }
            gfsMargin = Math.min(gfsMargin, slack);
        }
        if (!Double.isNaN(logRho)) {
            double excess = Math.max(0.0, Math.abs(eps) - roundoff);
            double ratio = Math.exp(Math.log(excess) - logE0 - k * logRho);
            double slack = 1.0 - ratio;
            if (slack < rateMargin) {
                rateMargin = slack;
                worstRateStep = k;
            }
        }
        maxEtaEps = Math.max(maxEtaEps, eta * Math.abs(eps));
        prevEps = eps;
        prevQ = q;
    }

    /** max_t η|ε_t| over the run, including its start and its last iterate. */
    public double maxEtaResidual() {
        return maxEtaEps;
    }

    /** Σ_{t&lt;T} L_t: the loss accumulated over the steps taken. */
    public double accumulatedLoss() {
        return sumLoss;
    }

    /** Steps at which the GF-solution sharpness was checked (Q_t ≥ {@link #MIN_IMBALANCE} and ε_t ≠ 0). */
    public long gfsStepsChecked() {
        return gfsStepsChecked;
    }

    /** Steps at which it moved against docs/model.md §7 by more than {@link #IMBALANCE_ULPS}. */
    public long gfsViolations() {
        return gfsViolations;
    }

    /** The first step t at which it moved the wrong way, or −1. */
    public long firstGfsViolation() {
        return firstGfsViolation;
    }

    /** Checked steps at which the GF-solution sharpness rose (Q grew by more than {@link #IMBALANCE_ULPS}). */
    public long gfsIncreases() {
        return gfsIncreases;
    }

    /** The first step t at which the GF-solution sharpness rose, or −1. */
    public long firstGfsIncrease() {
        return firstGfsIncrease;
    }

    /** Worst relative change of Q in the predicted direction (positive: moved as predicted); +∞ if none checked. */
    public double gfsMargin() {
        return gfsMargin;
    }

    /** Worst 1 − (|ε_t| − roundoff)₊/(ρ̄ᵗ|ε₀|) over steps t ≥ 1 (+∞ when no rate was given or no step was taken). */
    public double rateMargin() {
        return rateMargin;
    }

    /** The step of {@link #rateMargin()}, or −1. */
    public long worstRateStep() {
        return worstRateStep;
    }
}
