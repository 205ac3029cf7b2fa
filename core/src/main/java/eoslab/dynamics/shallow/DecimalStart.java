package eoslab.dynamics.shallow;

import eoslab.model.shallow.VectorPoint;
import java.math.BigDecimal;

/**
 * The exact decimal inputs of a decimal-arithmetic run of the shallow model: Φ, η, and the start as
 * U = ‖a + b‖² and V = ‖a − b‖² (docs/model.md §3), each as the decimal number the user gave rather than its double
 * rounding. Immutable.
 *
 * @param phi the target Φ
 * @param eta the step η on the model
 * @param u   U = ‖a₀ + b₀‖² ≥ 0
 * @param v   V = ‖a₀ − b₀‖² ≥ 0
 */
public record DecimalStart(BigDecimal phi, BigDecimal eta, BigDecimal u, BigDecimal v) {
    /** Validates U, V ≥ 0. */
    public DecimalStart {
        if (u.signum() < 0 || v.signum() < 0) {
            throw new IllegalArgumentException("U and V must be non-negative");
        }
    }

    /**
     * The exact binary values of double inputs: Φ, η and the vectors a, b as the doubles they are (U and V summed
     * exactly), for starts that have no decimal text of their own.
     */
    public static DecimalStart ofDoubles(double phi, double eta, VectorPoint start) {
        BigDecimal u = BigDecimal.ZERO;
        BigDecimal v = BigDecimal.ZERO;
        for (int i = 0; i < start.width(); i++) {
            BigDecimal a = new BigDecimal(start.a(i));
            BigDecimal b = new BigDecimal(start.b(i));
            BigDecimal s = a.add(b);
            BigDecimal r = a.subtract(b);
            u = u.add(s.multiply(s));
            v = v.add(r.multiply(r));
        }
        return new DecimalStart(new BigDecimal(phi), new BigDecimal(eta), u, v);
    }
}
