package eoslab.model;

/**
 * An immutable state of any model with the parameters it was taken at.
 *
 * @param loss         L(θ)
 * @param residualNorm √(2(L − L*))
 * @param normSquared  ‖θ‖²
 * @param minimumLoss  L*
 * @param theta        θ (a private copy; {@link #theta()} returns a copy)
 */
public record PointSnapshot(double loss, double residualNorm, double normSquared, double minimumLoss, double[] theta)
        implements State {

    /** Copies θ. */
    public PointSnapshot {
        theta = theta.clone();
    }

    /** A copy of θ. */
    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** The residual norm √(2(L − L*)) of a loss, 0 when rounding puts L below L*. */
    public static double residualNorm(double loss, double minimumLoss) {
        return Math.sqrt(Math.max(0.0, 2.0 * (loss - minimumLoss)));
    }
}
