package eoslab.method;

import eoslab.model.Model;

/**
 * Nesterov momentum: y = θ_k + β(θ_k − θ_{k−1}), θ_{k+1} = y − η_k ∇L(y), with θ₋₁ = θ₀. A minimum of sharpness λ is
 * linearly stable iff ηλ(1 + 2β) &lt; 2(1 + β) (docs/models.md §2).
 *
 * @param beta     the momentum, 0 ≤ β &lt; 1
 * @param schedule the step sizes
 */
public record Nesterov(double beta, Schedule schedule) implements Method {
    /** Validates β. */
    public Nesterov {
        Method.requireBeta(beta);
    }

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    public double edgeFactor() {
        return (1.0 + beta) / (1.0 + 2.0 * beta);
    }

    @Override
    public double stabilityEdge(long step) {
        return stabilityEdgeOf(eta(step));
    }

    @Override
    public double stabilityEdgeOf(double eta) {
        return 2.0 * (1.0 + beta) / ((1.0 + 2.0 * beta) * eta);
    }

    /** The larger root modulus of μ² − (1 − ηλ)(1 + β)μ + (1 − ηλ)β. */
    @Override
    public double linearRate(double eta, double lambda) {
        double g = 1.0 - eta * lambda;
        return Method.spectralRadius(-g * (1.0 + beta), g * beta);
    }

    @Override
    public void advance(long step, Model model, double[] theta, double[] previous, double[] gradient) {
        for (int i = 0; i < theta.length; i++) {
            double t = theta[i];
            theta[i] = t + beta * (t - previous[i]);
            previous[i] = t;
        }
        model.gradient(theta, gradient);
        double eta = eta(step);
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= eta * gradient[i];
        }
    }

    @Override
    public boolean hasMemory() {
        return true;
    }
}
