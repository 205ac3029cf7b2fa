package eoslab.model.shallow;

/**
 * Closed-form quantities of docs/model.md §2 and §4, as pure functions of the scalar invariants.
 * All arguments are read only; nothing is allocated.
 */
public final class Quantities {
    private Quantities() {
    }

    /** Loss ½ε². */
    public static double loss(double residual) {
        return 0.5 * residual * residual;
    }

    /**
     * Sharpness S = ½[λ + √(λ² + 4ε(ε + 2m))], the largest Hessian eigenvalue at any width (docs/model.md §4).
     *
     * @param residual ε = m − Φ
     * @param norm     λ = ‖a‖² + ‖b‖²
     * @param product  m = aᵀb
     */
    public static double sharpness(double residual, double norm, double product) {
        double disc = norm * norm + 4.0 * residual * (residual + 2.0 * product);
        return 0.5 * (norm + Math.sqrt(Math.max(0.0, disc)));
    }

    /** Sharpness of the gradient-flow solution from a point of imbalance Q: √(4Φ² + Q²) (docs/model.md §5). */
    public static double gfSharpness(double phi, double imbalance) {
        return Math.hypot(2.0 * phi, imbalance);
    }
}
