package eoslab.sharpness;

import eoslab.linalg.Rows;
import eoslab.model.Model;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

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
 * and the seeds costs 2m + p + {@link #HISTORY} + k + 1 vectors of length n (37 for k = 1: 0.6 MB at n = 2000);
 * {@link ThickRestartLanczos} holds m + 4 and is the choice above {@link #MAX_DIMENSION} parameters. Problems with
 * n ≤ m go to {@link DenseSharpness}. A call allocates its result and at most O(m²) in the small eigenproblems (one
 * reused EJML decomposition per size), never a vector of length n after the first call of a dimension; not
 * thread-safe.
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
    private double[] coeff;
    private double[] scaled;
    private double[][] spare;
    private DMatrixRMaj[] small;
    private EigenDecomposition_F64<DMatrixRMaj>[] smallEigen;
    private double[] ritzValues;
    private double[][] ritzVectors;
    private int[] order;

    /**
     * @param k           number of top eigenvalues (≥ 1)
     * @param tol         relative tolerance on the residuals (≥ 0; 0 means machine precision)
     * @param maxRestarts maximum number of restarts (≥ 1)
     * @param wantVectors whether the result keeps the eigenvectors
     */
    public TrackingDavidson(int k, double tol, int maxRestarts, boolean wantVectors) {
        KrylovArguments.check(k, tol, maxRestarts, "maxRestarts");
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
            eigen(size);
            int expand = -1;
            double expandNorm = 0;
            for (int j = 0; j < Math.min(k, size) && expand < 0; j++) {
                double r = residual(ritzVectors[j], ritzValues[j], size);
                if (!(r <= tol * Math.max(Math.abs(ritzValues[j]), EPS23))) {
                    expand = j;
                    expandNorm = r;
                }
            }
            if (size >= k && expand < 0) {
                return finish(size, true, restarts);
            }
            if (expand < 0) {
                // fewer basis vectors than k, all converged: widen from a fixed pseudo-random direction
                ColdStart.fill(w, ColdStart.SEED + size);
                expandNorm = norm(w);
            }
            if (size == m) {
                if (restarts == maxRestarts) {
                    return finish(size, false, restarts);
                }
                restart(p);
                size = p;
                restarts++;
                // the residual in w is orthogonal to the kept Ritz vectors too: it stays the expansion vector
            }
            if (!append(size, expandNorm)) {
                ColdStart.fill(w, ColdStart.SEED + 31L * size + restarts);
                if (!append(size, norm(w))) {
                    eigen(size);
                    return finish(size, false, restarts);
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
        coeff = new double[m];
        scaled = new double[m];
        spare = new double[k + (m - k) / 2][n];
        small = new DMatrixRMaj[m + 1];
        smallEigen = newDecompositions(m + 1);
        for (int size = 1; size <= m; size++) {
            small[size] = new DMatrixRMaj(size, size);
            smallEigen[size] = DecompositionFactory_DDRM.eig(size, true, true);
        }
        ritzValues = new double[m];
        ritzVectors = new double[m][m];
        order = new int[m];
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
        Rows.dots(hv[size], v, size + 1, n, coeff);
        for (int l = 0; l <= size; l++) {
            t[l][size] = coeff[l];
            t[size][l] = coeff[l];
        }
        return true;
    }

    /** One classical Gram–Schmidt pass of w against basis[0 … size−1]. */
    private void orthogonalize(int size) {
        Rows.dots(w, v, size, n, coeff);
        for (int l = 0; l < size; l++) {
            coeff[l] = -coeff[l];
        }
        Rows.addCombination(coeff, 0, v, size, w, n);
    }

    /** w = (HV)s − θVs in two passes over the rows (neither Vs nor (HV)s is formed); returns ‖w‖. */
    private double residual(double[] s, double theta, int size) {
        for (int l = 0; l < size; l++) {
            scaled[l] = -theta * s[l];
        }
        Arrays.fill(w, 0);
        Rows.addCombination(s, 0, hv, size, w, n);
        Rows.addCombination(scaled, 0, v, size, w, n);
        return norm(w);
    }

    /** out = Σ_{l<size} s_l·rows[l]. */
    private void combine(double[][] rows, double[] s, int size, double[] out) {
        Arrays.fill(out, 0);
        Rows.addCombination(s, 0, rows, size, out, n);
    }

    /**
     * The Ritz pairs of T (size × size) by EJML's symmetric QR algorithm, in decreasing order of the eigenvalue, into
     * ritzValues and ritzVectors (row j holds s_j). One decomposition per size: EJML's does not survive a change of
     * size (0.44: its eigenvector extraction indexes the larger size's storage).
     */
    private void eigen(int size) {
        DMatrixRMaj tt = small[size];
        EigenDecomposition_F64<DMatrixRMaj> eig = smallEigen[size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(t[i], 0, tt.data, i * size, size);
        }
        if (!eig.decompose(tt)) {
            throw new IllegalStateException("the symmetric QR algorithm did not converge on a " + size + " × " + size
                    + " projected matrix");
        }
        for (int i = 0; i < size; i++) {
            double value = eig.getEigenvalue(i).real;
            int j = i;
            for (; j > 0 && ritzValues[j - 1] < value; j--) {
                ritzValues[j] = ritzValues[j - 1];
                order[j] = order[j - 1];
            }
            ritzValues[j] = value;
            order[j] = i;
        }
        for (int j = 0; j < size; j++) {
            System.arraycopy(eig.getEigenVector(order[j]).data, 0, ritzVectors[j], 0, size);
        }
    }

    /** V ← V S_p and HV ← (HV) S_p (top p Ritz vectors), T ← diag(θ_1 … θ_p); w is kept. */
    private void restart(int p) {
        rotate(v, ritzVectors, p);
        rotate(hv, ritzVectors, p);
        for (double[] row : t) {
            Arrays.fill(row, 0);
        }
        for (int j = 0; j < p; j++) {
            t[j][j] = ritzValues[j];
        }
    }

    /** rows[0 … p−1] ← Σ_l s_j(l)·rows[l], through the spare rows (which then hold the old basis rows). */
    private void rotate(double[][] rows, double[][] s, int p) {
        for (int j = 0; j < p; j++) {
            double[] out = spare[j];
            Arrays.fill(out, 0);
            Rows.addCombination(s[j], 0, rows, m, out, n);
        }
        for (int j = 0; j < p; j++) {
            double[] old = rows[j];
            rows[j] = spare[j];
            spare[j] = old;
        }
    }

    /** The top k Ritz pairs and their residuals from the stored products; updates the seeds. */
    private Sharpness finish(int size, boolean converged, int restarts) {
        double[] theta = ritzValues;
        int found = Math.min(k, size);
        double[] values = new double[k];
        double[] residuals = new double[k];
        double[][] vectors = new double[wantVectors ? k : 0][];
        for (int j = 0; j < found; j++) {
            values[j] = theta[j];
            double[] sj = ritzVectors[j];
            residuals[j] = residual(sj, theta[j], size);
            combine(v, sj, size, last[j]);
            if (wantVectors) {
                vectors[j] = last[j].clone();
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

    @SuppressWarnings("unchecked")
    private static EigenDecomposition_F64<DMatrixRMaj>[] newDecompositions(int count) {
        return (EigenDecomposition_F64<DMatrixRMaj>[]) new EigenDecomposition_F64<?>[count];
    }

    private double norm(double[] x) {
        return Math.sqrt(Rows.dot(x, x, n));
    }

}
