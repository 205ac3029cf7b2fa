package eoslab.sharpness;

import eoslab.model.Model;
import java.util.Objects;

/**
 * The matrix-free linear operator v ↦ ∇²L(θ)·v of a {@link Model} at a fixed point θ, counting its applications.
 *
 * <p>The operator keeps its own copy of θ (so later changes to the caller's array do not move it) and two scratch
 * vectors for the offset form {@link #apply(double[], int, double[], int)}; applying it allocates nothing. It uses the
 * model instance it was given, which is not thread-safe, so neither is the operator: give each thread its own (with its
 * own {@link Model#copy()}).
 */
public final class HessianOperator {
    private Model model;
    private final double[] theta;
    private final double[] in;
    private final double[] out;
    private long applications;

    /**
     * The operator of {@code model} at {@code theta}.
     *
     * @param model the model (kept, used for every application)
     * @param theta the point, length {@code model.dimension()} (copied)
     */
    public HessianOperator(Model model, double[] theta) {
        int n = model.dimension();
        if (n < 1) {
            throw new IllegalArgumentException("model dimension must be positive, got " + n);
        }
        this.theta = new double[n];
        this.in = new double[n];
        this.out = new double[n];
        moveTo(model, theta);
    }

    /**
     * Moves the operator to another point of a model of the same dimension, without allocating. The application count
     * is kept.
     *
     * @param model the model (kept)
     * @param theta the new point (copied)
     */
    public void moveTo(Model model, double[] theta) {
        Objects.requireNonNull(model, "model");
        if (model.dimension() != this.theta.length) {
            throw new IllegalArgumentException("model dimension " + model.dimension() + " differs from the operator's "
                    + this.theta.length);
        }
        if (theta.length != this.theta.length) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", the model dimension is "
                    + this.theta.length);
        }
        this.model = model;
        System.arraycopy(theta, 0, this.theta, 0, theta.length);
    }

    /** Moves the operator to another point of the same model (θ copied). */
    public void moveTo(double[] theta) {
        moveTo(model, theta);
    }

    /** n = dim θ. */
    public int dimension() {
        return theta.length;
    }

    /** The model. */
    public Model model() {
        return model;
    }

    /** A copy of the point θ. */
    public double[] point() {
        return theta.clone();
    }

    /**
     * Writes ∇²L(θ)·v into {@code hv} (one application).
     *
     * @param v  the direction, length n (not modified)
     * @param hv output, length n (modified; must not be {@code v})
     */
    public void apply(double[] v, double[] hv) {
        if (v.length != theta.length || hv.length != theta.length) {
            throw new IllegalArgumentException("vectors must have length " + theta.length);
        }
        if (v == hv) {
            throw new IllegalArgumentException("input and output must be different arrays");
        }
        model.hessianVector(theta, v, hv);
        applications++;
    }

    /**
     * Writes ∇²L(θ)·v into {@code dst[dstOffset … dstOffset+n)}, v being {@code src[srcOffset … srcOffset+n)} (one
     * application; the two ranges may overlap, the input is copied first). The form reverse-communication eigensolvers
     * use, whose vectors live inside one work array.
     */
    public void apply(double[] src, int srcOffset, double[] dst, int dstOffset) {
        int n = theta.length;
        System.arraycopy(src, srcOffset, in, 0, n);
        model.hessianVector(theta, in, out);
        applications++;
        System.arraycopy(out, 0, dst, dstOffset, n);
    }

    /** The number of applications since construction or the last {@link #resetApplications()}. */
    public long applications() {
        return applications;
    }

    /** Sets the application count to zero. */
    public void resetApplications() {
        applications = 0;
    }
}
