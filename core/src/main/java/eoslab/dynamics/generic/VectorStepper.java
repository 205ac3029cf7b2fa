package eoslab.dynamics.generic;

import eoslab.dynamics.Stepper;
import eoslab.method.Method;
import eoslab.model.Model;
import eoslab.model.PointSnapshot;
import eoslab.model.State;

/**
 * Any {@link Method} on any {@link Model}, on the flat parameter vector: the general engine, and the reference the
 * fast paths are checked against. Keeps ∇L at the current iterate (one gradient per iteration for methods that use
 * the gradient at the iterate), so its state's loss is exact at every step. A step whose ‖θ‖² would exceed
 * {@link Stepper#DIVERGENCE_NORM} or overflow is undone from a copy. Owns its arrays; allocates nothing per step.
 */
public final class VectorStepper implements Stepper<State>, State {
    private final Model model;
    private final Method method;
    private final double minimumLoss;
    private final double[] theta;
    private final double[] previous;
    private final double[] gradient;
    private final double[] savedTheta;
    private final double[] savedPrevious;
    private double loss;
    private double normSquared;
    private long step;

    /**
     * The method on the model from θ₀ (copied; the method's memory starts at θ₋₁ = θ₀).
     *
     * @param model its own instance (the stepper uses its workspaces)
     * @throws IllegalArgumentException if θ₀ has the wrong length or is not finite
     */
    public VectorStepper(Model model, Method method, double[] theta0) {
        if (theta0.length != model.dimension()) {
            throw new IllegalArgumentException("θ₀ has " + theta0.length + " entries, the model " + model.dimension());
        }
        for (double v : theta0) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("θ₀ must be finite");
            }
        }
        this.model = model;
        this.method = method;
        this.minimumLoss = model.minimumLoss();
        this.theta = theta0.clone();
        this.previous = theta0.clone();
        this.gradient = new double[theta.length];
        this.savedTheta = new double[theta.length];
        this.savedPrevious = method.hasMemory() ? new double[theta.length] : null;
        this.loss = model.gradient(theta, gradient);
        this.normSquared = norm(theta);
    }

    @Override
    public boolean step() {
        System.arraycopy(theta, 0, savedTheta, 0, theta.length);
        if (savedPrevious != null) {
            System.arraycopy(previous, 0, savedPrevious, 0, theta.length);
        }
        method.advance(step, model, theta, previous, gradient);
        double n = norm(theta);
        double l = Double.NaN;
        if (n <= DIVERGENCE_NORM) {
            l = model.gradient(theta, gradient);
        }
        if (!(n <= DIVERGENCE_NORM) || !Double.isFinite(l)) {
            System.arraycopy(savedTheta, 0, theta, 0, theta.length);
            if (savedPrevious != null) {
                System.arraycopy(savedPrevious, 0, previous, 0, theta.length);
            }
            model.gradient(theta, gradient);
            return false;
        }
        loss = l;
        normSquared = n;
        step++;
        return true;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public State state() {
        return this;
    }

    @Override
    public PointSnapshot snapshot() {
        return new PointSnapshot(loss, residualNorm(), normSquared, minimumLoss, theta);
    }

    @Override
    public void theta(double[] out) {
        System.arraycopy(theta, 0, out, 0, theta.length);
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public double residualNorm() {
        return PointSnapshot.residualNorm(loss, minimumLoss);
    }

    @Override
    public double normSquared() {
        return normSquared;
    }

    @Override
    public double minimumLoss() {
        return minimumLoss;
    }
}
