package eoslab.model.linear;

import java.util.Arrays;

/**
 * The depth-D scalar chain: all widths 1, f = w_1 ⋯ w_D, loss L = ½(∏ w_i − Φ)² ({@link #model()} is this
 * {@link DeepLinearModel} with widths {1, …, 1} and target Φ), with its gradient-flow limit in closed form
 * (models.md §3).
 *
 * <p><b>Gradient flow.</b> ẇ_i = −ε ∏_{j≠i} w_j (ε = π − Φ, π = ∏ w_j), so d(w_i²)/dt = −2επ is the same for every i:
 * w_i(t)² = w_{i,0}² + c(t) with one shared c(t), and the limit is w_i² = w_{i,0}² + c with ∏ √(w_{i,0}² + c) = |Φ|.
 * With d_i = w_{i,0}² − min_j w_{j,0}² ≥ 0 and x = c + min_j w_{j,0}² ≥ 0 this reads Σ ln(d_i + x) = 2 ln|Φ|, a
 * function of ln x that is increasing and convex (its slope is ≥ 1, from the coordinate with d_i = 0), so Newton's
 * method from x = |Φ|^{2/D} (where the left side is ≥ 2 ln|Φ|) decreases monotonically to the unique root: the
 * robust bracket is [0, |Φ|^{2/D}].
 *
 * <p><b>Branches (signs).</b> A coordinate can change sign only by passing through 0, which needs c = −w_{k,0}², so
 * only a coordinate of smallest magnitude k can flip. If the start's product has the sign of Φ, c moves monotonically
 * to its limit without reaching −w_{k,0}² (the product reaches Φ first): every sign is kept. If it has the wrong sign
 * (or is 0 because one coordinate is 0), ε·π &gt; 0 drives c down until w_k passes through 0 in finite time (there
 * ẇ_k = Φ ∏_{j≠k} w_j ≠ 0), after which the product has the sign of Φ and the flow converges as before. So the limit is
 * w_i = σ_i √(w_{i,0}² + c) with σ_i = sign(w_{i,0}) except for the smallest coordinate, whose sign is whatever gives
 * ∏ σ_i = sign Φ. The exceptions, flagged {@link Limit#saddle()}: a wrong-sign start whose smallest magnitude is
 * shared by two or more coordinates (they reach 0 together and the flow ends at the saddle π = 0, c = −min w²). For
 * Φ = 0 the limit is c = −min w² (the smallest coordinate goes to 0, a global minimum).
 *
 * <p><b>Sharpness.</b> At a minimum (ε = 0) the Hessian is ∇π∇πᵀ, so the sharpness is ‖∇π‖² = Σ_i ∏_{j≠i} w_j²,
 * which is Φ² Σ 1/w_i² for Φ ≠ 0. By AM–GM under ∏|w_i| = |Φ| the flattest minima are the balanced ones,
 * |w_i| = |Φ|^{1/D}, with sharpness D·|Φ|^{2−2/D}.
 */
public final class ScalarChain {
    private final int depth;
    private final double phi;

    /**
     * @param depth D ≥ 2
     * @param phi   the target Φ
     */
    public ScalarChain(int depth, double phi) {
        if (depth < 2) {
            throw new IllegalArgumentException("depth must be ≥ 2");
        }
        if (!Double.isFinite(phi)) {
            throw new IllegalArgumentException("Φ must be finite");
        }
        this.depth = depth;
        this.phi = phi;
    }

    /**
     * The limit of gradient flow.
     *
     * @param w      the limit point
     * @param shift  c, with w_i² = w_{i,0}² + c
     * @param saddle whether the flow ends at the saddle π = 0 instead of a global minimum
     */
    public record Limit(double[] w, double shift, boolean saddle) {
    }

    /** D. */
    public int depth() {
        return depth;
    }

    /** Φ. */
    public double phi() {
        return phi;
    }

    /** The model: widths {1, …, 1}, target Φ. */
    public DeepLinearModel model() {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, 1);
        return DeepLinearModel.target(widths, new double[][] {{phi}});
    }

    /** The limit of gradient flow from w0 (see the class comment for the branch it lands on). */
    public Limit gradientFlowLimit(double[] w0) {
        if (w0.length != depth) {
            throw new IllegalArgumentException("need " + depth + " coordinates, got " + w0.length);
        }
        int k = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < depth; i++) {
            if (!Double.isFinite(w0[i])) {
                throw new IllegalArgumentException("coordinates must be finite");
            }
            double sq = w0[i] * w0[i];
            if (sq < min) {
                min = sq;
                k = i;
            }
        }
        int ties = 0;
        double others = 1;
        double[] d = new double[depth];
        for (int i = 0; i < depth; i++) {
            d[i] = w0[i] * w0[i] - min;
            if (d[i] == 0) {
                ties++;
            }
            if (i != k) {
                others *= Math.signum(w0[i]);
            }
        }
        double targetSign = Math.signum(phi);
        boolean wrongSign = phi != 0 && Math.signum(w0[k]) * others != targetSign;
        double[] w = new double[depth];
        if (phi == 0 || (wrongSign && ties >= 2)) {
            for (int i = 0; i < depth; i++) {
                w[i] = Math.signum(w0[i]) * Math.sqrt(d[i]) + 0.0; // + 0.0: a coordinate at 0 is +0
            }
            return new Limit(w, -min, phi != 0);
        }
        double x = root(d, phi, depth);
        for (int i = 0; i < depth; i++) {
            double sign = i == k ? targetSign * others : Math.signum(w0[i]);
            if (sign == 0) {
                sign = 1; // a zero coordinate that is not the flipping one: cannot happen (it would be the smallest)
            }
            w[i] = sign * Math.sqrt(d[i] + x);
        }
        return new Limit(w, x - min, false);
    }

    /** ‖∇π‖² = Σ_i ∏_{j≠i} w_j²: the sharpness at a minimum (Φ² Σ 1/w_i² when Φ ≠ 0). */
    public static double sharpnessAtMinimum(double[] w) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double prod = 1;
            for (int j = 0; j < w.length; j++) {
                if (j != i) {
                    prod *= w[j] * w[j];
                }
            }
            s += prod;
        }
        return s;
    }

    /** D·|Φ|^{2−2/D}, the smallest sharpness of a global minimum. */
    public double flattestSharpness() {
        return depth * Math.pow(Math.abs(phi), 2.0 - 2.0 / depth);
    }

    /** A flattest (balanced) minimum: every |w_i| = |Φ|^{1/D}, the first coordinate carrying the sign of Φ. */
    public double[] flattestMinimum() {
        double[] w = new double[depth];
        Arrays.fill(w, Math.pow(Math.abs(phi), 1.0 / depth));
        if (phi < 0) {
            w[0] = -w[0];
        }
        return w;
    }

    /** The root x ≥ 0 of Σ ln(d_i + x) = 2 ln|Φ|, by Newton's method in y = ln x from above. */
    static double root(double[] d, double phi, int depth) {
        double target = 2 * Math.log(Math.abs(phi));
        double y = (2.0 / depth) * Math.log(Math.abs(phi));
        double x = Math.exp(y);
        for (int iter = 0; iter < 200; iter++) {
            double h = -target;
            double slope = 0;
            for (double di : d) {
                h += Math.log(di + x);
                slope += x / (di + x);
            }
            if (!(h > 0)) {
                break;
            }
            double next = y - h / slope;
            if (!(next < y)) {
                break;
            }
            y = next;
            x = Math.exp(y);
        }
        // polish in x, keeping a step only if it reduces |h|
        double hx = excess(d, x, target);
        for (int iter = 0; iter < 4 && hx != 0; iter++) {
            double slope = 0;
            for (double di : d) {
                slope += 1 / (di + x);
            }
            double next = x - hx / slope;
            if (!(next > 0)) {
                break;
            }
            double hn = excess(d, next, target);
            if (!(Math.abs(hn) < Math.abs(hx))) {
                break;
            }
            x = next;
            hx = hn;
        }
        return x;
    }

    private static double excess(double[] d, double x, double target) {
        double h = -target;
        for (double di : d) {
            h += Math.log(di + x);
        }
        return h;
    }
}
