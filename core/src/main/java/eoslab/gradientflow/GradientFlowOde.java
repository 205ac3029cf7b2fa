package eoslab.gradientflow;

import eoslab.model.Model;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * Gradient flow θ̇ = −∇L(θ) of any {@link Model} as a Hipparchus ODE. {@link #computeDerivatives} writes the gradient
 * into one preallocated array, negates it in place and returns that array, which the next call overwrites: Hipparchus
 * wraps every equation in an {@code ExpandableODE} that copies the returned derivative into an array of its own at
 * once, so this is safe with every Hipparchus integrator; a caller using the adapter directly must copy.
 * Not thread-safe (nor is the model).
 */
public final class GradientFlowOde implements OrdinaryDifferentialEquation {
    private final Model model;
    private final double[] derivative;
    private long evaluations;

    /** The flow of {@code model} (kept). */
    public GradientFlowOde(Model model) {
        this.model = model;
        this.derivative = new double[model.dimension()];
    }

    @Override
    public int getDimension() {
        return derivative.length;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        model.gradient(y, derivative);
        for (int i = 0; i < derivative.length; i++) {
            derivative[i] = -derivative[i];
        }
        evaluations++;
        return derivative;
    }

    /** The number of gradient evaluations so far. */
    public long evaluations() {
        return evaluations;
    }
}
