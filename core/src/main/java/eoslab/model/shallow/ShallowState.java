package eoslab.model.shallow;

import eoslab.model.State;

/**
 * The state of the shallow model at a point: the scalar invariants of docs/model.md §2, from which every other
 * quantity follows in closed form. Views may be live (a stepper's own state, valid until its next step); call
 * {@link ShallowSnapshot#of(ShallowState)} to keep one.
 */
public interface ShallowState extends State {
    /** The target Φ. */
    double phi();

    /** m = aᵀb. */
    double product();

    /** λ = ‖a‖² + ‖b‖². */
    double norm();

    /** Q = ‖a + b‖·‖a − b‖. */
    double imbalance();

    /** ε = m − Φ, computed as accurately as the dynamics allows. */
    double residual();

    /** ½ε². */
    @Override
    default double loss() {
        return Quantities.loss(residual());
    }

    /** |ε|. */
    @Override
    default double residualNorm() {
        return Math.abs(residual());
    }

    /** λ = ‖θ‖². */
    @Override
    default double normSquared() {
        return norm();
    }

    /** 0: every Φ is reached by some a, b. */
    @Override
    default double minimumLoss() {
        return 0.0;
    }

    /** The largest Hessian eigenvalue (closed form, docs/model.md §4). */
    default double sharpness() {
        return Quantities.sharpness(residual(), norm(), product());
    }

    /** √(4Φ² + Q²): the sharpness of the gradient-flow solution started here. */
    default double gfSharpness() {
        return Quantities.gfSharpness(phi(), imbalance());
    }
}
