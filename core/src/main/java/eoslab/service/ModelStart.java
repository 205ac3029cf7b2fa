package eoslab.service;

import eoslab.gradientflow.GfsSharpness;

/**
 * A resolved problem with what is measured once at its start: the GF-solution sharpness λ_GF, the residual tolerance
 * and the time limit of the run's gradient flows. Shared by the runs of one start at different step sizes.
 *
 * @param problem       the model and start
 * @param gfs           λ_GF with its error bar, or null (not computed, or the flow did not reach the tolerance)
 * @param gfsTolerance  the residual tolerance of the run's gradient flows
 * @param flowTimeLimit the time limit of the run's gradient flows
 * @param residualScale what a relative tolerance is relative to ({@link ModelRuns#residualScale})
 */
public record ModelStart(ModelProblem problem, GfsSharpness gfs, double gfsTolerance, double flowTimeLimit,
                         double residualScale) {
}
