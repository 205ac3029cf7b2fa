package eoslab.service;

import eoslab.gradientflow.GfsSharpness;
import eoslab.gradientflow.GradientFlow;
import eoslab.gradientflow.GradientFlowSpec;
import eoslab.measure.GfsTrack;
import eoslab.model.Model;
import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.ScalarChain;
import eoslab.sharpness.Sharpness;
import eoslab.sharpness.SharpnessEstimator;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * The GF-solution sharpness of a problem at any point: in closed form where it is known (the scalar chain, whose flow
 * limit is a one-dimensional root find; a network of widths {1, d, 1} on a scalar target, the shallow model, where
 * gradient flow conserves the imbalance Q and ends with sharpness √(4Φ² + Q²)), otherwise by integrating gradient flow
 * (DP853, {@link #REL_TOL}, {@link #ABS_TOL}, at most {@link #MAX_EVALUATIONS} gradients) until L − L* ≤ τ²/2 and
 * estimating the top Hessian eigenvalue there.
 * One instance per thread (it owns a model instance and an estimator).
 */
public final class GfsComputer implements GfsTrack.Function {
    /** Relative tolerance of the flow. */
    public static final double REL_TOL = GradientFlowSpec.DEFAULT_REL_TOL;
    /** Absolute tolerance of the flow. */
    public static final double ABS_TOL = GradientFlowSpec.DEFAULT_ABS_TOL;
    /** Gradient evaluations allowed per flow; a flow that needs more is reported as not reaching the tolerance. */
    public static final int MAX_EVALUATIONS = 500_000;

    private final Model model;
    private final SharpnessEstimator estimator;
    private final GradientFlowSpec spec;
    private final ScalarChain chain;
    private final double shallowPhi;

    /**
     * @param problem   the problem
     * @param tolerance the flow's residual tolerance τ (&gt; 0)
     * @param timeLimit the flow's time limit
     * @param estimator the estimator at the flow's end (used by this instance only)
     */
    public GfsComputer(ModelProblem problem, double tolerance, double timeLimit, SharpnessEstimator estimator) {
        this.model = problem.model().copy();
        this.estimator = estimator;
        this.spec = GradientFlowSpec.toTolerance(tolerance, timeLimit).withOdeTolerances(REL_TOL, ABS_TOL)
                .withMaxEvaluations(MAX_EVALUATIONS);
        this.chain = problem.chain();
        this.shallowPhi = shallowPhi(model);
    }

    /** The flow's specification. */
    public GradientFlowSpec spec() {
        return spec;
    }

    @Override
    public GfsSharpness at(double[] theta) {
        if (chain != null) {
            ScalarChain.Limit limit = chain.gradientFlowLimit(theta);
            if (!limit.saddle()) {
                return closedForm(ScalarChain.sharpnessAtMinimum(limit.w()));
            }
        } else if (!Double.isNaN(shallowPhi)) {
            double q = model.imbalance(theta);
            return closedForm(Math.sqrt(4 * shallowPhi * shallowPhi + q * q));
        }
        try {
            GfsSharpness g = GradientFlow.gfsSharpness(model, theta, spec, estimator);
            return g.reachedTolerance() ? g : null;
        } catch (MathIllegalStateException e) {
            return null;
        }
    }

    private static GfsSharpness closedForm(double value) {
        return new GfsSharpness(value, 0, Double.POSITIVE_INFINITY, true, Sharpness.closedForm(value), null);
    }

    /** Φ of a network of widths {1, d, 1} on a scalar target (the shallow model), else NaN. */
    private static double shallowPhi(Model m) {
        if (m instanceof DeepLinearModel d && d.depth() == 2 && d.inputs() == 1 && d.outputs() == 1
                && d.moments().isTarget()) {
            return d.moments().cross()[0][0];
        }
        return Double.NaN;
    }
}
