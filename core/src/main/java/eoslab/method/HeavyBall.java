package eoslab.method;

import eoslab.model.Model;

/**
 * Heavy-ball momentum θ_{k+1} = θ_k − η_k ∇L(θ_k) + β(θ_k − θ_{k−1}), with θ₋₁ = θ₀. A minimum of sharpness λ is
 * linearly stable iff ηλ &lt; 2(1 + β) (docs/models.md §2).
 *
 * @param beta     the momentum, 0 ≤ β &lt; 1
 * @param schedule the step sizes
 */
public record HeavyBall(double beta, Schedule schedule) implements Method {
    /** Validates β. */
    public HeavyBall {
        Method.requireBeta(beta);
    }

    @Override
    public String name() {
        return "heavy-ball";
    }

    @Override
    public double edgeFactor() {
        return 1.0 + beta;
    }

    @Override
    public double stabilityEdge(long step) {
        return stabilityEdgeOf(eta(step));
    }

    @Override
    public double stabilityEdgeOf(double eta) {
        return 2.0 * (1.0 + beta) / eta;
    }

    /** The larger root modulus of μ² − (1 + β − ηλ)μ + β. */
    @Override
    public double linearRate(double eta, double lambda) {
        return Method.spectralRadius(-(1.0 + beta - eta * lambda), beta);
    }

    @Override
    public void advance(long step, Model model, double[] theta, double[] previous, double[] gradient) {
        model.gradient(theta, gradient);
        double eta = eta(step);
        for (int i = 0; i < theta.length; i++) {
            double t = theta[i];
            theta[i] = t - eta * gradient[i] + beta * (t - previous[i]);
            previous[i] = t;
        }
    }

    @Override
    public boolean hasMemory() {
        return true;
    }
}
