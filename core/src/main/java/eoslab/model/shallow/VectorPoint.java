package eoslab.model.shallow;

import java.util.Arrays;

/**
 * An immutable pair of weight vectors (a, b) ∈ ℝᵈ × ℝᵈ. Factories copy their arguments; accessors return copies.
 */
public final class VectorPoint {
    private final double[] a;
    private final double[] b;

    private VectorPoint(double[] a, double[] b) {
        this.a = a;
        this.b = b;
    }

    /**
     * A point from explicit vectors (copied, not modified).
     *
     * @throws IllegalArgumentException if the vectors are empty, of different lengths, or not finite
     */
    public static VectorPoint of(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("vectors a and b must not be empty");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "vectors a and b must have the same length (got " + a.length + " and " + b.length + ")");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("vector entries must be finite (index " + i + ")");
            }
        }
        return new VectorPoint(a.clone(), b.clone());
    }

    /** The width d. */
    public int width() {
        return a.length;
    }

    /** A copy of a. */
    public double[] a() {
        return a.clone();
    }

    /** A copy of b. */
    public double[] b() {
        return b.clone();
    }

    /** aᵢ, without copying. */
    public double a(int i) {
        return a[i];
    }

    /** bᵢ, without copying. */
    public double b(int i) {
        return b[i];
    }

    /** m = aᵀb. */
    public double product() {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m += a[i] * b[i];
        }
        return m;
    }

    /** λ = ‖a‖² + ‖b‖². */
    public double norm() {
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] * a[i] + b[i] * b[i];
        }
        return n;
    }

    /** U = ‖a + b‖². */
    public double sumSquared() {
        double u = 0;
        for (int i = 0; i < a.length; i++) {
            double s = a[i] + b[i];
            u += s * s;
        }
        return u;
    }

    /** V = ‖a − b‖². */
    public double differenceSquared() {
        double v = 0;
        for (int i = 0; i < a.length; i++) {
            double r = a[i] - b[i];
            v += r * r;
        }
        return v;
    }

    /** Q = ‖a + b‖·‖a − b‖. */
    public double imbalance() {
        return Math.sqrt(sumSquared() * differenceSquared());
    }

    /**
     * The point whose a + b is cs·(a + b) and whose a − b is cr·(a − b) of this point: where GD and GF move it, since
     * both keep the directions of a + b and a − b (docs/model.md §3, §5). This point is not modified.
     */
    public VectorPoint scaleSumAndDifference(double cs, double cr) {
        double[] na = new double[a.length];
        double[] nb = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = cs * (a[i] + b[i]);
            double r = cr * (a[i] - b[i]);
            na[i] = 0.5 * (s + r);
            nb[i] = 0.5 * (s - r);
        }
        return new VectorPoint(na, nb);
    }

    /** The reduced coordinates (p, q) = (‖a + b‖, ‖a − b‖) of this point (docs/model.md §3). */
    public ReducedPoint toReduced() {
        return new ReducedPoint(Math.sqrt(sumSquared()), Math.sqrt(differenceSquared()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorPoint other && Arrays.equals(a, other.a) && Arrays.equals(b, other.b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(a) + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "VectorPoint[d=" + a.length + ", m=" + product() + ", lambda=" + norm() + "]";
    }
}
