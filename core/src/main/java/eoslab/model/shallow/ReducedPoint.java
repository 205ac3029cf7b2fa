package eoslab.model.shallow;

/**
 * The exact width-independent coordinates of docs/model.md §3, kept signed: s = a + b = p·ŝ and r = a − b = q·r̂
 * with fixed unit vectors ŝ, r̂, so U = ‖s‖² = p² and V = ‖r‖² = q². GD multiplies p by (1 − ηε) and q by
 * (1 + ηε); the signs let the vectors be reconstructed exactly. Immutable.
 *
 * @param p signed length of a + b
 * @param q signed length of a − b
 */
public record ReducedPoint(double p, double q) {

    /**
     * The canonical width-1 point with aᵀb = m and ‖a‖² + ‖b‖² = λ (requires λ ≥ 2|m|).
     *
     * @throws IllegalArgumentException if λ &lt; 2|m| or either value is not finite
     */
    public static ReducedPoint canonical(double product, double norm) {
        if (!Double.isFinite(product) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("m0 and lambda0 must be finite");
        }
        if (norm < 2.0 * Math.abs(product)) {
            throw new IllegalArgumentException(
                    "lambda0 must be at least 2|m0| (got lambda0=" + norm + ", m0=" + product + ")");
        }
        return new ReducedPoint(Math.sqrt(norm + 2.0 * product), Math.sqrt(Math.max(0.0, norm - 2.0 * product)));
    }

    /** U = ‖a + b‖². */
    public double u() {
        return p * p;
    }

    /** V = ‖a − b‖². */
    public double v() {
        return q * q;
    }

    /** m = (U − V)/4. */
    public double product() {
        return 0.25 * (p * p - q * q);
    }

    /** λ = (U + V)/2. */
    public double norm() {
        return 0.5 * (p * p + q * q);
    }

    /** Q = √(UV). */
    public double imbalance() {
        return Math.abs(p * q);
    }

    /** The width-1 vectors a = (p + q)/2, b = (p − q)/2 of this point. */
    public VectorPoint toVectors() {
        return VectorPoint.of(new double[] {0.5 * (p + q)}, new double[] {0.5 * (p - q)});
    }
}
