package eoslab.gradientflow;

import eoslab.sharpness.Sharpness;

/**
 * The GF-solution sharpness (Kreisler et al. 2023): the sharpness at the point where gradient flow from θ reaches the
 * loss tolerance.
 *
 * <p>{@link #errorBound()} is the eigensolver's error bar at that point (an eigenvalue of the Hessian there lies
 * within it, see {@link Sharpness}). It does not include the truncation of the flow: the point is at distance O(τ)
 * from the flow's limit, so the sharpness differs from the limit's by O(τ) (for the shallow model, by about 2|ε|·|m|/λ
 * with |ε| ≤ τ).
 *
 * @param value            the largest Hessian eigenvalue at the end of the flow
 * @param errorBound       its error bar
 * @param flowTime         the time at which the flow reached the tolerance (the time limit if it did not)
 * @param reachedTolerance whether the flow reached L − L* ≤ τ²/2 within the time limit
 * @param sharpness        the eigensolver's full result
 * @param flow             the flow's result (its final point is where the sharpness was computed)
 */
public record GfsSharpness(double value, double errorBound, double flowTime, boolean reachedTolerance,
                           Sharpness sharpness, GradientFlowResult flow) {
}
