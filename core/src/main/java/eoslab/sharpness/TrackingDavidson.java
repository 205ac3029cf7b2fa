package eoslab.sharpness;

import eoslab.model.Model;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The top k eigenvalues of ∇²L(θ) along a trajectory by a Krylov method seeded with the eigenvectors of the last few
 * calls: restarted Lanczos written in Davidson's form (the basis V and its products HV are both kept), so that a start
 * block of several vectors costs nothing extra to carry.
 *
 * <h2>Algorithm</h2>
 * The basis starts from the previous call's k eigenvectors and the top eigenvectors of the {@link #HISTORY} − 1 calls
 * before it, orthonormalized (directions that add less than {@link #NEW_DIRECTION} are dropped, so a converged
 * trajectory, whose eigenvectors no longer move, starts from one vector). Each step computes the Rayleigh–Ritz pairs
 * (θ_j, u_j = V s_j) of T = VᵀHV, their residuals r_j = (HV)s_j − θ_j u_j from the stored products, and, while some
 * ‖r_j‖ exceeds tol·max(|θ_j|, ε^{2/3}) (ARPACK's test), appends the first unconverged residual, orthogonalized by
 * classical Gram–Schmidt (a second pass when the first cancels most of it), and its product. Without a preconditioner the residual lies in the Krylov space of the seeds,
 * so from one seed this is Lanczos with full reorthogonalization; the extra seeds span what the last steps learned
 * about the top of the spectrum, which along a slowly moving Hessian with a clustered top (matrix factorization) needs
 * far fewer products than a single warm vector. When the basis holds m = max(2k + 1, {@link #NCV}) vectors it
 * restarts from its top p = k + ⌊(m − k)/2⌋ Ritz vectors and their products (V ← VS_p, HV ← (HV)S_p: no products).
 *
 * <h2>Results, memory</h2>
 * Every eigenvalue carries its residual ‖Hv − θv‖ computed from Hessian-vector products (those of the basis, so no
 * extra product), the restart count and the product count; a cold start (first call, {@link #reset()}, new
 * dimension) begins from a fixed SplitMix64 vector, so calls are reproducible. Holding V, HV, the restart's p rows
 * and the seeds costs 2m + p + {@link #HISTORY} + k + 3 vectors of length n (39 for k = 1: 0.6 MB at n = 2000);
 * {@link ThickRestartLanczos} holds m + 4 and is the choice above {@link #MAX_DIMENSION} parameters. Problems with
 * n ≤ m go to {@link DenseSharpness}. A call allocates its result and the small eigenproblems (O(m²) per product),
 * never a vector of length n after the first call of a dimension; not thread-safe.
 */
public final class TrackingDavidson implements WarmStartedEstimator {
    /** The basis size for k ≤ 5 (m = max(2k + 1, NCV)). */
    public static final int NCV = 12;
    /** How many calls' top eigenvectors seed the next call. */
    public static final int HISTORY = 5;
    /** The largest dimension for which {@code --sharpness lanczos} uses this estimator (above: thick restart). */
    public static final int MAX_DIMENSION = 200_000;
    /** A seed is kept when Gram–Schmidt leaves at least this fraction of it. */
    static final double NEW_DIRECTION = 1e-7;
    private static final double EPS23 = Math.pow(Math.ulp(1.0) / 2, 2.0 / 3.0);
    private static final double REORTHOGONALIZE = Math.sqrt(0.5);

    private final int k;
    private final double tol;
    private final int maxRestarts;
    private final boolean wantVectors;
    private final int mNominal;

    private int n = -1;
    private int m;
    private HessianOperator op;
    private double[][] v;
    private double[][] hv;
    private double[][] t;
    private double[][] last;
    private double[][] past;
    private int pastCount;
    private int lastCount;
    private double[] w;
    private double[] u;
    private double[] hu;
    private double[] coeff;
    private double[] scaled;
    private double[][] spare;

    /**
     * @param k           number of top eigenvalues (≥ 1)
     * @param tol         relative tolerance on the residuals (≥ 0; 0 means machine precision)
     * @param maxRestarts maximum number of restarts (≥ 1)
     * @param wantVectors whether the result keeps the eigenvectors
     */
    public TrackingDavidson(int k, double tol, int maxRestarts, boolean wantVectors) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and non-negative, got " + tol);
        }
        if (maxRestarts < 1) {
            throw new IllegalArgumentException("maxRestarts must be at least 1, got " + maxRestarts);
        }
        this.k = k;
        this.tol = tol > 0 ? tol : Math.ulp(1.0) / 2;
        this.maxRestarts = maxRestarts;
        this.wantVectors = wantVectors;
        this.mNominal = Math.max(2 * k + 1, NCV);
    }

    /** The number of eigenvalues computed. */
    public int k() {
        return k;
    }

    /** Forgets the seeds: the next call starts cold. */
    public void reset() {
        lastCount = 0;
        pastCount = 0;
    }

    /** Whether the next call of the current dimension starts from earlier eigenvectors. */
    public boolean hasWarmStart() {
        return lastCount > 0;
    }

    @Override
    public Sharpness estimate(Model model, double[] theta) {
        int dim = model.dimension();
        if (theta.length != dim) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", the model dimension is " + dim);
        }
        if (dim <= mNominal) {
            return new DenseSharpness(k, wantVectors).estimate(model, theta);
        }
        ensureWorkspace(model, dim);
        op.moveTo(model, theta);
        op.resetApplications();
        int size = seed();
        int restarts = 0;
        int p = k + (m - k) / 2;
        while (true) {
            EigenDecompositionSymmetric eig = eigen(size);
            double[] values = eig.getEigenvalues();
            int expand = -1;
            double expandNorm = 0;
            for (int j = 0; j < Math.min(k, size) && expand < 0; j++) {
                double r = residual(eig.getEigenvector(j).toArray(), values[j], size);
                if (!(r <= tol * Math.max(Math.abs(values[j]), EPS23))) {
                    expand = j;
                    expandNorm = r;
                }
            }
            if (size >= k && expand < 0) {
                return finish(eig, size, true, restarts);
            }
            if (expand < 0) {
                // fewer basis vectors than k, all converged: widen from a fixed pseudo-random direction
                ColdStart.fill(w, ColdStart.SEED + size);
                expandNorm = norm(w);
            }
            if (size == m) {
                if (restarts == maxRestarts) {
                    return finish(eig, size, false, restarts);
                }
                restart(eig, p);
                size = p;
                restarts++;
                // the residual in w is orthogonal to the kept Ritz vectors too: it stays the expansion vector
            }
            if (!append(size, expandNorm)) {
                ColdStart.fill(w, ColdStart.SEED + 31L * size + restarts);
                if (!append(size, norm(w))) {
                    return finish(eigen(size), size, false, restarts);
                }
            }
            size++;
        }
    }

    private void ensureWorkspace(Model model, int dim) {
        if (dim == n) {
            return;
        }
        n = dim;
        m = Math.min(dim, mNominal);
        op = new HessianOperator(model, new double[dim]);
        v = new double[m][n];
        hv = new double[m][n];
        t = new double[m][m];
        last = new double[k][n];
        past = new double[HISTORY][n];
        w = new double[n];
        u = new double[n];
        hu = new double[n];
        coeff = new double[m];
        scaled = new double[m];
        spare = new double[k + (m - k) / 2][n];
        lastCount = 0;
        pastCount = 0;
    }

    /** Orthonormalizes the seeds into the basis with their products and the projected matrix; returns its size. */
    private int seed() {
        int size = 0;
        if (lastCount == 0) {
            ColdStart.fill(w, ColdStart.SEED);
            append(0, norm(w));
            return 1;
        }
        int seeds = lastCount + Math.max(0, pastCount - 1);
        for (int j = 0; j < seeds && size < m - 1; j++) {
            double[] s = j < lastCount ? last[j] : past[j - lastCount + 1];
            System.arraycopy(s, 0, w, 0, n);
            if (append(size, norm(w))) {
                size++;
            }
        }
        if (size == 0) {
            ColdStart.fill(w, ColdStart.SEED);
            append(0, norm(w));
            size = 1;
        }
        return size;
    }

    /**
     * Orthogonalizes w (of norm before) against basis[0 … size−1] (twice when the first pass cancels most of it), and
     * when a new direction remains, stores it as basis vector size with its product and column of T.
     */
    private boolean append(int size, double before) {
        if (!(before > 0) || !Double.isFinite(before)) {
            return false;
        }
        double norm = before;
        for (int pass = 0; pass < 2; pass++) {
            orthogonalize(size);
            double after = norm(w);
            boolean enough = after >= REORTHOGONALIZE * norm;
            norm = after;
            if (enough) {
                break;
            }
        }
        if (!(norm > NEW_DIRECTION * before)) {
            return false;
        }
        double inv = 1.0 / norm;
        double[] x = v[size];
        for (int r = 0; r < n; r++) {
            x[r] = w[r] * inv;
        }
        op.apply(x, hv[size]);
        dots(hv[size], v, size + 1, coeff);
        for (int l = 0; l <= size; l++) {
            t[l][size] = coeff[l];
            t[size][l] = coeff[l];
        }
        return true;
    }

    /** One classical Gram–Schmidt pass of w against basis[0 … size−1]. */
    private void orthogonalize(int size) {
        dots(w, v, size, coeff);
        for (int l = 0; l < size; l++) {
            coeff[l] = -coeff[l];
        }
        addCombination(coeff, v, size, w);
    }

    /** w = (HV)s − θVs in two passes over the rows (neither Vs nor (HV)s is formed); returns ‖w‖. */
    private double residual(double[] s, double theta, int size) {
        for (int l = 0; l < size; l++) {
            scaled[l] = -theta * s[l];
        }
        Arrays.fill(w, 0);
        addCombination(s, hv, size, w);
        addCombination(scaled, v, size, w);
        return norm(w);
    }

    /** u = Vs, hu = (HV)s, w = hu − θu; returns ‖w‖. */
    private double ritz(double[] s, double theta, int size) {
        combine(v, s, size, u);
        combine(hv, s, size, hu);
        for (int r = 0; r < n; r++) {
            w[r] = hu[r] - theta * u[r];
        }
        return norm(w);
    }

    /** out = Σ_{l<size} s_l·rows[l]. */
    private void combine(double[][] rows, double[] s, int size, double[] out) {
        Arrays.fill(out, 0);
        addCombination(s, rows, size, out);
    }

    /** y += Σ_{l<count} c_l·rows[l], four rows per pass over y. */
    private void addCombination(double[] c, double[][] rows, int count, double[] y) {
        int l = 0;
        for (; l + 3 < count; l += 4) {
            double a0 = c[l];
            double a1 = c[l + 1];
            double a2 = c[l + 2];
            double a3 = c[l + 3];
            double[] x0 = rows[l];
            double[] x1 = rows[l + 1];
            double[] x2 = rows[l + 2];
            double[] x3 = rows[l + 3];
            for (int r = 0; r < n; r++) {
                y[r] = Math.fma(a3, x3[r], Math.fma(a2, x2[r], Math.fma(a1, x1[r], Math.fma(a0, x0[r], y[r]))));
            }
        }
        for (; l < count; l++) {
            double a = c[l];
            double[] x = rows[l];
            for (int r = 0; r < n; r++) {
                y[r] = Math.fma(a, x[r], y[r]);
            }
        }
    }

    /** out_l = rows[l]·x for l &lt; count: eight (then four) dot products per pass over x, one chain each. */
    private void dots(double[] x, double[][] rows, int count, double[] out) {
        int l = 0;
        for (; l + 7 < count; l += 8) {
            double[] y0 = rows[l];
            double[] y1 = rows[l + 1];
            double[] y2 = rows[l + 2];
            double[] y3 = rows[l + 3];
            double[] y4 = rows[l + 4];
            double[] y5 = rows[l + 5];
            double[] y6 = rows[l + 6];
            double[] y7 = rows[l + 7];
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double a4 = 0;
            double a5 = 0;
            double a6 = 0;
            double a7 = 0;
            for (int r = 0; r < n; r++) {
                double xr = x[r];
                a0 = Math.fma(xr, y0[r], a0);
                a1 = Math.fma(xr, y1[r], a1);
                a2 = Math.fma(xr, y2[r], a2);
                a3 = Math.fma(xr, y3[r], a3);
                a4 = Math.fma(xr, y4[r], a4);
                a5 = Math.fma(xr, y5[r], a5);
                a6 = Math.fma(xr, y6[r], a6);
                a7 = Math.fma(xr, y7[r], a7);
            }
            out[l] = a0;
            out[l + 1] = a1;
            out[l + 2] = a2;
            out[l + 3] = a3;
            out[l + 4] = a4;
            out[l + 5] = a5;
            out[l + 6] = a6;
            out[l + 7] = a7;
        }
        for (; l + 3 < count; l += 4) {
            double[] y0 = rows[l];
            double[] y1 = rows[l + 1];
            double[] y2 = rows[l + 2];
            double[] y3 = rows[l + 3];
            double a = 0;
            double b = 0;
            double c = 0;
            double d = 0;
            for (int r = 0; r < n; r++) {
                double xr = x[r];
                a = Math.fma(xr, y0[r], a);
                b = Math.fma(xr, y1[r], b);
                c = Math.fma(xr, y2[r], c);
                d = Math.fma(xr, y3[r], d);
            }
            out[l] = a;
            out[l + 1] = b;
            out[l + 2] = c;
            out[l + 3] = d;
        }
        for (; l < count; l++) {
            out[l] = dot(rows[l], x);
        }
    }

    private EigenDecompositionSymmetric eigen(int size) {
        double[][] tt = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(t[i], 0, tt[i], 0, size);
        }
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(tt, false),
                EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
    }

    /** V ← V S_p and HV ← (HV) S_p (top p Ritz vectors), T ← diag(θ_1 … θ_p); w is kept. */
    private void restart(EigenDecompositionSymmetric eig, int p) {
        double[] values = eig.getEigenvalues();
        double[][] s = new double[p][];
        for (int j = 0; j < p; j++) {
            s[j] = eig.getEigenvector(j).toArray();
        }
        rotate(v, s, p);
        rotate(hv, s, p);
        for (double[] row : t) {
            Arrays.fill(row, 0);
        }
        for (int j = 0; j < p; j++) {
            t[j][j] = values[j];
        }
    }

    /** rows[0 … p−1] ← Σ_l s_j(l)·rows[l], through the spare rows (which then hold the old basis rows). */
    private void rotate(double[][] rows, double[][] s, int p) {
        for (int j = 0; j < p; j++) {
            double[] out = spare[j];
            Arrays.fill(out, 0);
            addCombination(s[j], rows, m, out);
        }
        for (int j = 0; j < p; j++) {
            double[] old = rows[j];
            rows[j] = spare[j];
            spare[j] = old;
        }
    }

    /** The top k Ritz pairs and their residuals from the stored products; updates the seeds. */
    private Sharpness finish(EigenDecompositionSymmetric eig, int size, boolean converged, int restarts) {
        double[] theta = eig.getEigenvalues();
        int found = Math.min(k, size);
        double[] values = new double[k];
        double[] residuals = new double[k];
        double[][] vectors = new double[wantVectors ? k : 0][];
        for (int j = 0; j < found; j++) {
            values[j] = theta[j];
            residuals[j] = ritz(eig.getEigenvector(j).toArray(), theta[j], size);
            System.arraycopy(u, 0, last[j], 0, n);
            if (wantVectors) {
                vectors[j] = u.clone();
            }
        }
        lastCount = found;
        double[] oldest = past[HISTORY - 1];
        System.arraycopy(past, 0, past, 1, HISTORY - 1);
        past[0] = oldest;
        System.arraycopy(last[0], 0, oldest, 0, n);
        pastCount = Math.min(HISTORY, pastCount + 1);
        // the seeds are last[0 … k−1] and past[1 … pastCount−1] (past[0] is last[0])
        return new Sharpness(values, vectors, residuals, restarts + 1, op.applications(), converged, Sharpness.LANCZOS);
    }

    private double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** Σ x_r y_r with eight independent partial sums. */
    private double dot(double[] x, double[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int r = 0;
        for (; r + 7 < n; r += 8) {
            s0 = Math.fma(x[r], y[r], s0);
            s1 = Math.fma(x[r + 1], y[r + 1], s1);
            s2 = Math.fma(x[r + 2], y[r + 2], s2);
            s3 = Math.fma(x[r + 3], y[r + 3], s3);
            s4 = Math.fma(x[r + 4], y[r + 4], s4);
            s5 = Math.fma(x[r + 5], y[r + 5], s5);
            s6 = Math.fma(x[r + 6], y[r + 6], s6);
            s7 = Math.fma(x[r + 7], y[r + 7], s7);
        }
        for (; r < n; r++) {
            s0 = Math.fma(x[r], y[r], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
