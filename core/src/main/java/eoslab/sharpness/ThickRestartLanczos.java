package eoslab.sharpness;

import eoslab.model.Model;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The top k eigenvalues of ∇²L(θ) by thick-restart Lanczos (K. Wu and H. Simon, SIAM J. Matrix Anal. Appl. 22, 2000)
 * with full reorthogonalization, matrix-free, in vectorizable Java: the estimator eoslab uses to track the sharpness
 * along a trajectory.
 *
 * <h2>Algorithm</h2>
 * A Krylov basis v_0 … v_{m−1} (m = min(n, max(2k + 1, {@link #MIN_NCV})), ARPACK's default ncv) is built from a start
 * vector: each new Hessian-vector product w = H v_i is orthogonalized against every basis vector by classical
 * Gram–Schmidt, repeated when the first pass cancels more than half of w (the DGKS criterion; orthogonal to working
 * precision), and its coefficients fill column i of the
 * projected matrix T = VᵀHV; then v_{i+1} = w/‖w‖. The Ritz pairs (θ_j, V s_j) are the eigenpairs of T, and
 * ‖H V s_j − θ_j V s_j‖ = ‖w‖·|s_j(i)| (the Lanczos relation H V = V T + w e_iᵀ). When the basis is full, the top
 * p = k + ⌊(m − k)/2⌋ Ritz vectors replace it, the last residual direction w/‖w‖ follows them, and T becomes
 * diag(θ_1 … θ_p) bordered by the next column (the thick restart: for a symmetric matrix mathematically the same as
 * ARPACK's implicit restart with exact shifts). A Ritz value counts as converged when its residual estimate is at most
 * tol·max(|θ|, ε^{2/3}) (ARPACK's test; tol = 0 means machine precision).
 *
 * <h2>Why not ARPACK here</h2>
 * The result is the same algorithm as {@link LanczosSharpness}, with two differences that matter along a trajectory:
 * the convergence test runs after every other product from the {@link #minSteps()}-th on, so a warm start that is already
 * close to the top eigenvectors stops after a few products instead of always building the full basis; and the work on
 * the basis (the reorthogonalization, the restart) runs in loops the JIT vectorizes, where the f2j translation of
 * ARPACK calls unvectorized Fortran-style BLAS (its dgemv dominates the cost of a call below some 10⁴ parameters, see
 * the README's performance section). ARPACK stays available ({@code --sharpness arpack}) and the tests compare the
 * two.
 *
 * <h2>Warm start, results, memory</h2>
 * As {@link LanczosSharpness}: the next call starts from the sum of the previous call's unit eigenvectors (a fixed
 * SplitMix64 vector on a cold start, so calls are reproducible), every eigenvalue carries its explicit residual
 * ‖Hv − θv‖ (one extra product each), and problems with n ≤ max(2k + 1, 20) go to {@link DenseSharpness}. The basis
 * and four vectors of length n are allocated on the first call of a dimension and reused: (m + 4)·n doubles; above
 * {@link #LARGE_DIMENSION} parameters m shrinks to max(2k + 2, {@link #minSteps()} + 2), 10 for k ≤ 4 (1.1 GB at
 * n = 10⁷ instead of 1.9 GB with m = 20). A call allocates its result and O(m²) for the small eigenproblems. Not
 * thread-safe; no lock is needed (nothing static is shared).
 */
public final class ThickRestartLanczos implements WarmStartedEstimator {
    /** The smallest Krylov dimension used (m = min(n, max(2k + 1, MIN_NCV))). */
    public static final int MIN_NCV = 20;
    /** Dimension above which the basis is kept small to save memory (see {@link #ncv(int)}). */
    public static final int LARGE_DIMENSION = 2_000_000;
    /** Vector entries processed together by the blocked Gram–Schmidt and restart loops. */
    private static final int CHUNK = 1024;
    private static final double EPS23 = Math.pow(Math.ulp(1.0) / 2, 2.0 / 3.0);
    /** Gram–Schmidt is repeated when a pass shrinks w below this fraction of its norm (the DGKS criterion, 1/√2). */
    private static final double REORTHOGONALIZE = Math.sqrt(0.5);

    private final int k;
    private final double tol;
    private final int maxRestarts;
    private final boolean wantVectors;
    private final int ncvNominal;
    private final int minSteps;

    private int n = -1;
    private int m;
    private HessianOperator op;
    private double[][] basis;
    private double[] w;
    private double[] warm;
    private double[] y;
    private double[] hv;
    private double[][] t;
    private double[] coeff;
    private double[][] block;
    private double[] chunk;
    private boolean haveWarm;

    /**
     * @param k           number of top eigenvalues (≥ 1)
     * @param tol         relative tolerance on the Ritz residual estimates (≥ 0; 0 means machine precision)
     * @param maxRestarts maximum number of thick restarts (≥ 1)
     * @param wantVectors whether the result keeps the eigenvectors
     */
    public ThickRestartLanczos(int k, double tol, int maxRestarts, boolean wantVectors) {
        KrylovArguments.check(k, tol, maxRestarts, "maxRestarts");
        this.k = k;
        this.tol = tol > 0 ? tol : Math.ulp(1.0) / 2;
        this.maxRestarts = maxRestarts;
        this.wantVectors = wantVectors;
        this.ncvNominal = Math.max(2 * k + 1, MIN_NCV);
        this.minSteps = Math.max(k + 2, 8);
    }

    /** The top eigenvalue, tol = 1e-10, at most 1000 restarts, no vectors. */
    public ThickRestartLanczos() {
        this(1, 1e-10, 1000, false);
    }

    /** The number of eigenvalues computed. */
    public int k() {
        return k;
    }

    /** The basis size from which convergence is tested after every product (smaller bases are not trusted). */
    public int minSteps() {
        return minSteps;
    }

    /**
     * The Krylov dimension for a model of dimension n, or 0 when n is small enough for the dense fallback: the
     * nominal max(2k + 1, {@link #MIN_NCV}), and above {@link #LARGE_DIMENSION} parameters the smallest basis the
     * restart works with, max(2k + 2, {@link #minSteps()} + 2) (fewer vectors of length n held, more restarts).
     */
    public int ncv(int dim) {
        if (dim <= ncvNominal) {
            return 0;
        }
        return dim > LARGE_DIMENSION ? Math.min(ncvNominal, Math.max(2 * k + 2, minSteps + 2)) : Math.min(dim,
                ncvNominal);
    }

    /** Forgets the warm start: the next call starts cold. */
    public void reset() {
        haveWarm = false;
    }

    /** Whether the next call of the current dimension starts from the previous eigenvectors. */
    public boolean hasWarmStart() {
        return haveWarm;
    }

    @Override
    public Sharpness estimate(Model model, double[] theta) {
        int dim = model.dimension();
        if (theta.length != dim) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", the model dimension is " + dim);
        }
        if (ncv(dim) == 0) {
            return new DenseSharpness(k, wantVectors).estimate(model, theta);
        }
        ensureWorkspace(model, dim);
        op.moveTo(model, theta);
        op.resetApplications();
        if (!(haveWarm && start(warm))) {
            ColdStart.fill(basis[0], ColdStart.SEED);
            start(basis[0]);
        }
        for (double[] row : t) {
            Arrays.fill(row, 0);
        }
        int size = 1;
        int cycles = 1;
        double beta = 0;
        while (true) {
            boolean converged = false;
            for (int i = size - 1; i < m; i++) {
                op.apply(basis[i], w);
                double before = norm(w);
                orthogonalize(i);
                if (norm(w) < REORTHOGONALIZE * before) {
                    orthogonalize(i);
                }
                for (int l = 0; l < i; l++) {
                    t[i][l] = t[l][i];
                }
                beta = norm(w);
                size = i + 1;
                double scale = Math.abs(t[0][0]);
                for (int l = 0; l <= i; l++) {
                    scale = Math.max(scale, Math.abs(t[l][l]));
                }
                boolean invariant = !(beta > 1e-14 * Math.max(scale, Double.MIN_NORMAL));
                boolean test = size == m || size >= minSteps && (size - minSteps) % 2 == 0;
                if (size >= k && test && converged(size, beta)) {
                    converged = true;
                    break;
                }
                if (invariant) {
                    // the Krylov space is invariant: its Ritz pairs are exact, but eigenvalues outside it are unseen,
                    // so the basis goes on from a fixed pseudo-random direction (as ARPACK does)
                    beta = 0;
                    ColdStart.fill(w, ColdStart.SEED + size);
                    orthogonalize(i, false);
                    orthogonalize(i, false);
                    if (!(norm(w) > 0)) {
                        converged = true;
                        break;
                    }
                }
                if (i + 1 < m) {
                    double inv = 1.0 / norm(w);
                    double[] next = basis[i + 1];
                    for (int r = 0; r < n; r++) {
                        next[r] = w[r] * inv;
                    }
                }
            }
            if (converged || cycles > maxRestarts) {
                return finish(size, converged, cycles);
            }
            restart(beta);
            size = k + (m - k) / 2 + 1;
            cycles++;
        }
    }

    /** Normalizes v into basis[0]; false when it has no usable direction. */
    private boolean start(double[] v) {
        double s = norm(v);
        if (!(s > 0) || !Double.isFinite(s)) {
            return false;
        }
        double inv = 1.0 / s;
        double[] b0 = basis[0];
        for (int r = 0; r < n; r++) {
            b0[r] = v[r] * inv;
        }
        return true;
    }

    private void ensureWorkspace(Model model, int dim) {
        if (dim == n) {
            return;
        }
        n = dim;
        m = ncv(dim);
        op = new HessianOperator(model, new double[dim]);
        basis = new double[m][n];
        w = new double[n];
        warm = new double[n];
        y = new double[n];
        hv = new double[n];
        t = new double[m][m];
        coeff = new double[m];
        block = new double[m][CHUNK];
        chunk = new double[CHUNK];
        haveWarm = false;
    }

    /** One Gram–Schmidt pass of w against basis[0 … i], adding the coefficients to column i of T. */
    private void orthogonalize(int i) {
        orthogonalize(i, true);
    }

    private void orthogonalize(int i, boolean record) {
        Arrays.fill(coeff, 0, i + 1, 0);
        for (int a = 0; a < n; a += CHUNK) {
            int b = Math.min(n, a + CHUNK);
            for (int l = 0; l <= i; l++) {
                coeff[l] += dot(basis[l], w, a, b);
            }
        }
        for (int a = 0; a < n; a += CHUNK) {
            int b = Math.min(n, a + CHUNK);
            for (int l = 0; l <= i; l++) {
                double c = coeff[l];
                double[] v = basis[l];
                for (int r = a; r < b; r++) {
                    w[r] -= c * v[r];
                }
            }
        }
        if (record) {
            for (int l = 0; l <= i; l++) {
                t[l][i] += coeff[l];
            }
        }
    }

    /** Whether the top k Ritz values of the leading size × size block of T have converged. */
    private boolean converged(int size, double beta) {
        EigenDecompositionSymmetric eig = eigen(size);
        double[] theta = eig.getEigenvalues();
        for (int j = 0; j < k; j++) {
            double last = eig.getEigenvector(j).getEntry(size - 1);
            if (!(Math.abs(beta * last) <= tol * Math.max(Math.abs(theta[j]), EPS23))) {
                return false;
            }
        }
        return true;
    }

    private EigenDecompositionSymmetric eigen(int size) {
        double[][] tt = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(t[i], 0, tt[i], 0, size);
        }
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(tt, false),
                EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
    }

    /**
     * The thick restart after a full basis: basis[0 … p−1] ← the top p Ritz vectors (in place, by blocks of entries),
     * basis[p] ← w/‖w‖, T ← diag(θ_1 … θ_p) (its column p is filled by the next product).
     */
    private void restart(double beta) {
        int p = k + (m - k) / 2;
        EigenDecompositionSymmetric eig = eigen(m);
        double[] theta = eig.getEigenvalues();
        double[][] s = new double[p][];
        for (int j = 0; j < p; j++) {
            s[j] = eig.getEigenvector(j).toArray();
        }
        for (int a = 0; a < n; a += CHUNK) {
            int b = Math.min(n, a + CHUNK);
            int len = b - a;
            for (int l = 0; l < m; l++) {
                System.arraycopy(basis[l], a, block[l], 0, len);
            }
            for (int j = 0; j < p; j++) {
                double[] sj = s[j];
                Arrays.fill(chunk, 0, len, 0);
                for (int l = 0; l < m; l++) {
                    double c = sj[l];
                    double[] src = block[l];
                    for (int r = 0; r < len; r++) {
                        chunk[r] += c * src[r];
                    }
                }
                System.arraycopy(chunk, 0, basis[j], a, len);
            }
        }
        double inv = beta > 0 ? 1.0 / norm(w) : 0;
        double[] next = basis[p];
        for (int r = 0; r < n; r++) {
            next[r] = w[r] * inv;
        }
        if (!(beta > 0)) {
            ColdStart.fill(next, ColdStart.SEED + m);
            for (int pass = 0; pass < 2; pass++) {
                System.arraycopy(next, 0, w, 0, n);
                orthogonalize(p - 1, false);
                System.arraycopy(w, 0, next, 0, n);
            }
            double nn = norm(next);
            for (int r = 0; r < n; r++) {
                next[r] /= nn;
            }
        }
        for (double[] row : t) {
            Arrays.fill(row, 0);
        }
        for (int j = 0; j < p; j++) {
            t[j][j] = theta[j];
        }
    }

    /** The top k Ritz pairs of the current basis, their explicit residuals, the warm start, the result. */
    private Sharpness finish(int size, boolean converged, int cycles) {
        EigenDecompositionSymmetric eig = eigen(size);
        double[] theta = eig.getEigenvalues();
        double[] values = new double[k];
        double[] residuals = new double[k];
        double[][] vectors = new double[wantVectors ? k : 0][];
        Arrays.fill(warm, 0);
        for (int j = 0; j < k; j++) {
            double[] sj = eig.getEigenvector(j).toArray();
            Arrays.fill(y, 0);
            for (int l = 0; l < size; l++) {
                double c = sj[l];
                double[] v = basis[l];
                for (int r = 0; r < n; r++) {
                    y[r] += c * v[r];
                }
            }
            values[j] = theta[j];
            residuals[j] = DenseSharpness.residual(op, y, theta[j], hv);
            for (int r = 0; r < n; r++) {
                warm[r] += y[r];
            }
            if (wantVectors) {
                vectors[j] = y.clone();
            }
        }
        haveWarm = true;
        return new Sharpness(values, vectors, residuals, cycles, op.applications(), converged, Sharpness.LANCZOS);
    }

    private double norm(double[] x) {
        return Math.sqrt(dot(x, x, 0, n));
    }

    /** Σ_{r∈[a,b)} x_r y_r with four independent partial sums (the additions pipeline). */
    private static double dot(double[] x, double[] y, int a, int b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = a;
        for (; r + 3 < b; r += 4) {
            s0 += x[r] * y[r];
            s1 += x[r + 1] * y[r + 1];
            s2 += x[r + 2] * y[r + 2];
            s3 += x[r + 3] * y[r + 3];
        }
        for (; r < b; r++) {
            s0 += x[r] * y[r];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
