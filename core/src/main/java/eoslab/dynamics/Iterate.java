package eoslab.dynamics;

import eoslab.model.shallow.Quantities;

/**
 * A read-only view of the current point of a dynamics: the scalar invariants of model.md §2. Views may be live
 * (a stepper's own state, valid until its next step); call {@link Snapshot#of(Iterate)} to keep one.
 */
public interface Iterate {
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
    default double loss() {
        return Quantities.loss(residual());
    }

    /** The largest Hessian eigenvalue (closed form, model.md §4). */
    default double sharpness() {
        return Quantities.sharpness(residual(), norm(), product());
    }

    /** √(4Φ² + Q²): the sharpness of the gradient-flow solution started here. */
    default double gfSharpness() {
        return Quantities.gfSharpness(phi(), imbalance());
    }
}
