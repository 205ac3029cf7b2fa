package eoslab.method;

import eoslab.model.Model;

/**
 * Gradient descent θ_{k+1} = θ_k − η_k ∇L(θ_k). Stability edge 2/η_k.
 *
 * @param schedule the step sizes
 */
public record GradientDescent(Schedule schedule) implements Method {
    /** Gradient descent with a constant step η. */
    public static GradientDescent constant(double eta) {
        return new GradientDescent(new Schedule.Constant(eta));
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public double beta() {
        return 0.0;
    }

    @Override
    public double edgeFactor() {
        return 1.0;
    }

    @Override
    public double stabilityEdge(long step) {
        return 2.0 / eta(step);
    }

    @Override
    public double stabilityEdgeOf(double eta) {
        return 2.0 / eta;
    }

    @Override
    public double linearRate(double eta, double lambda) {
        return Math.abs(1.0 - eta * lambda);
    }

    @Override
    public double clockFactor() {
        return 1.0;
    }

    @Override
    public void advance(long step, Model model, double[] theta, double[] previous, double[] gradient) {
        model.gradient(theta, gradient);
        double eta = eta(step);
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= eta * gradient[i];
        }
    }

    @Override
    public boolean hasMemory() {
        return false;
    }
}
