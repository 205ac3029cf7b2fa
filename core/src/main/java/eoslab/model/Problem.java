package eoslab.model;

/**
 * A target Φ for the loss L(a,b) = ½(aᵀb − Φ)².
 *
 * @param phi the target Φ (finite)
 */
public record Problem(double phi) {
    /** Validates Φ. */
    public Problem {
        if (!Double.isFinite(phi)) {
            throw new IllegalArgumentException("phi must be finite, got " + phi);
        }
    }
}
