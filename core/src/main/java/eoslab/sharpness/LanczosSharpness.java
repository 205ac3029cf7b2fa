package eoslab.sharpness;

import dev.ludovic.netlib.arpack.ARPACK;
import dev.ludovic.netlib.arpack.JavaARPACK;
import eoslab.model.Model;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * The top k eigenvalues of ∇²L(θ) by the implicitly restarted Lanczos method of ARPACK (dsaupd/dseupd, the algorithm
 * of SciPy's {@code eigsh}), matrix-free: the Hessian enters only through Hessian-vector products.
 *
 * <h2>How ARPACK is driven</h2>
 * <ul>
 *   <li>The pure-Java (f2j) ARPACK of {@code dev.ludovic.netlib} ({@link JavaARPACK}), standard problem (bmat = I,
 *   mode 1, exact shifts ishift = 1), reverse communication: every request ido = ±1 is one Hessian-vector product
 *   from and into ARPACK's work array.</li>
 *   <li>which = "LA", the largest <em>algebraic</em> eigenvalues: the sharpness is the largest eigenvalue, which is
 *   negative where the Hessian is negative definite; a more negative eigenvalue of larger magnitude is not returned
 *   ("LM" would return it).</li>
 *   <li>Krylov dimension ncv = min(n, max(2k + 1, {@link #MIN_NCV})); when n ≤ max(2k + 1, 20) the problem is small
 *   enough that assembling the Hessian costs no more products than one Lanczos cycle, so the estimator uses
 *   {@link DenseSharpness} instead and the result's method is {@link Sharpness#DENSE}.</li>
 *   <li>tol is ARPACK's: a Ritz value θ is accepted when its Ritz estimate of ‖Hv − θv‖ is at most tol·|θ| (tol = 0
 *   means machine precision). maxIterations bounds the implicit restarts (iparam(3)).</li>
 *   <li>Vectors are always computed (dseupd with rvec, howmny = A), because the residuals ‖Hv_i − θ_i v_i‖ reported in
 *   the result are recomputed explicitly with one Hessian-vector product each.</li>
 *   <li>When ARPACK stops at maxIterations (info = 1), the result is built from its last Lanczos factorization
 *   H V = V T + f eᵀ instead (Rayleigh–Ritz: the top eigenpairs of the ncv×ncv tridiagonal T, vectors V s) and is
 *   marked not converged; its explicit residuals still bound the errors. Every other ARPACK error code raises an
 *   {@link ArpackException} that says what the code means.</li>
 * </ul>
 *
 * <h2>Warm start</h2>
 * The estimator remembers the eigenvectors of its last call and starts the next call from them (the sum of the k
 * previous unit eigenvectors, passed to dsaupd as the initial residual vector with info = 1): along a trajectory
 * where θ changes slowly, the new top eigenvectors are close to the old ones and far fewer products are needed. A
 * cold start (the first call, after {@link #reset()}, or when the dimension changes) uses a fixed pseudo-random vector
 * (SplitMix64 from a constant seed), never ARPACK's own generator, so a sequence of calls gives the same results in
 * every run. The warm start is kept across models of the same dimension (it is only a starting vector, so results
 * stay correct; it just helps less). ARPACK still draws a random vector from its own generator if the Krylov space
 * becomes invariant, which happens when the Hessian has fewer than ncv distinct eigenvalues (the shallow model has
 * four); results are then reproducible within a JVM only.
 *
 * <h2>Memory and threads</h2>
 * All work arrays (about n·(2·ncv + 10) doubles) are allocated on the first call and reused by the following calls of
 * the same dimension; a call then allocates its result (k values, k residuals, and the k vectors if requested) and
 * what the f2j ARPACK code allocates inside (small boxes and scratch arrays of a few elements in every dsaupd call:
 * a few kilobytes per estimate, independent of n; see the allocation test).
 * An estimator is stateful and not thread-safe: give each thread its own. Moreover the f2j translation of ARPACK keeps
 * Fortran SAVE variables in static fields, so two ARPACK runs must never interleave anywhere in the JVM: the ARPACK
 * phase of every estimate holds one JVM-wide lock, and Lanczos estimates on different threads run one at a time.
 */
public final class LanczosSharpness implements WarmStartedEstimator {
    /** The smallest Krylov dimension used (ncv = min(n, max(2k + 1, MIN_NCV))). */
    public static final int MIN_NCV = 20;

    /** Serializes all use of ARPACK in the JVM (its f2j code keeps state in static fields). */
    private static final Object ARPACK_LOCK = new Object();

    /** The pure-Java ARPACK (see {@link #loadJavaArpack()}). */
    private static final ARPACK ARPACK_JAVA = loadJavaArpack();

    private static final String BMAT = "I";
    private static final String WHICH = "LA";
    private static final String HOWMNY = "A";

    private final int k;
    private final double tol;
    private final int maxIterations;
    private final boolean wantVectors;
    private final int ncvNominal;

    private final int[] iparam = new int[11];
    private final int[] ipntr = new int[11];
    private final intW ido = new intW(0);
    private final intW info = new intW(0);
    private final intW nev = new intW(0);
    private final doubleW tolW = new doubleW(0);
    private final int[] order;
    private final double[] values;

    private int n = -1;
    private int ncv;
    private HessianOperator op;
    private double[] resid;
    private double[] v;
    private double[] workd;
    private double[] workl;
    private double[] d;
    private double[] z;
    private double[] warm;
    private double[] scratch;
    private double[] hv;
    private boolean[] select;
    private boolean haveWarm;

    /**
     * @param k             number of top eigenvalues (≥ 1)
     * @param tol           ARPACK's relative tolerance (≥ 0; 0 means machine precision)
     * @param maxIterations maximum number of implicit restarts (≥ 1)
     * @param wantVectors   whether the result keeps the eigenvectors
     */
    public LanczosSharpness(int k, double tol, int maxIterations, boolean wantVectors) {
        KrylovArguments.check(k, tol, maxIterations, "maxIterations");
        this.k = k;
        this.tol = tol;
        this.maxIterations = maxIterations;
        this.wantVectors = wantVectors;
        this.ncvNominal = Math.max(2 * k + 1, MIN_NCV);
        this.order = new int[k];
        this.values = new double[k];
    }

    /** The top eigenvalue, tol = 1e-10, at most 1000 restarts, no vectors. */
    public LanczosSharpness() {
        this(1, 1e-10, 1000, false);
    }

    /** The number of eigenvalues computed. */
    public int k() {
        return k;
    }

    /** ARPACK's tolerance. */
    public double tol() {
        return tol;
    }

    /** The maximum number of implicit restarts. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * The Krylov dimension used for a model of dimension n, or 0 when n is small enough for the dense fallback
     * (n ≤ max(2k + 1, 20)).
     */
    public int ncv(int n) {
        return n <= ncvNominal ? 0 : Math.min(n, ncvNominal);
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
        boolean converged;
        int iterations;
        synchronized (ARPACK_LOCK) {
            converged = runArpack();
            iterations = iparam[2];
        }
        return finish(converged, iterations);
    }

    private void ensureWorkspace(Model model, int dim) {
        if (dim == n) {
            return;
        }
        n = dim;
        ncv = ncv(dim);
        op = new HessianOperator(model, new double[dim]);
        resid = new double[n];
        v = new double[n * ncv];
        workd = new double[3 * n];
        workl = new double[ncv * (ncv + 8)];
        d = new double[ncv];
        z = new double[n * ncv];
        warm = new double[n];
        scratch = new double[n];
        hv = new double[n];
        select = new boolean[ncv];
        haveWarm = false;
    }

    /** One dsaupd/dseupd run; the Ritz pairs are left in d and z (columns), in any order. Returns convergence. */
    private boolean runArpack() {
        if (haveWarm) {
            System.arraycopy(warm, 0, resid, 0, n);
        } else {
            ColdStart.fill(resid, ColdStart.SEED);
        }
        Arrays.fill(v, 0);
        Arrays.fill(workd, 0);
        Arrays.fill(workl, 0);
        Arrays.fill(iparam, 0);
        Arrays.fill(ipntr, 0);
        iparam[0] = 1;
        iparam[2] = maxIterations;
        iparam[6] = 1;
        ido.val = 0;
        info.val = 1;
        tolW.val = tol;
        ARPACK arpack = ARPACK_JAVA;
        while (true) {
            arpack.dsaupd(ido, BMAT, n, WHICH, k, tolW, resid, ncv, v, n, iparam, ipntr, workd, workl, workl.length,
                    info);
            if (ido.val == -1 || ido.val == 1) {
                op.apply(workd, ipntr[0] - 1, workd, ipntr[1] - 1);
            } else if (ido.val == 99) {
                break;
            } else {
                throw new IllegalStateException("dsaupd requested ido = " + ido.val + ", which mode 1 never does");
            }
        }
        if (info.val == 1) {
            rayleighRitzFromFactorization();
            return false;
        }
        if (info.val != 0) {
            throw new ArpackException("dsaupd", info.val, info.val == -9999
                    ? " (size of the factorization built: " + iparam[4] + ")" : "");
        }
        nev.val = k;
        arpack.dseupd(true, HOWMNY, select, d, z, n, 0.0, BMAT, n, WHICH, nev, tol, resid, ncv, v, n, iparam, ipntr,
                workd, workl, workl.length, info);
        if (info.val != 0) {
            throw new ArpackException("dseupd", info.val, "");
        }
        if (iparam[4] < k) {
            throw new ArpackException("dseupd", -14, " (" + iparam[4] + " of " + k + " converged)");
        }
        return true;
    }

    /**
     * After info = 1: the top k Ritz pairs of the final factorization H V = V T + f eᵀ (ncv steps), into d and z.
     * T is stored by dsaupd in workl at ipntr(5) as ARPACK's H(ncv, 2): subdiagonal in column 1 from row 2, diagonal
     * in column 2. (This path allocates; it is taken only when the iteration budget runs out.)
     */
    private void rayleighRitzFromFactorization() {
        int ih = ipntr[4] - 1;
        double[] main = new double[ncv];
        double[] sub = new double[ncv - 1];
        for (int j = 0; j < ncv; j++) {
            main[j] = workl[ih + ncv + j];
        }
        for (int j = 1; j < ncv; j++) {
            sub[j - 1] = workl[ih + j];
        }
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(main, sub,
                EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
        double[] ritz = eig.getEigenvalues();
        for (int i = 0; i < k; i++) {
            d[i] = ritz[i];
            double[] s = eig.getEigenvector(i).toArray();
            int zi = i * n;
            Arrays.fill(z, zi, zi + n, 0);
            for (int j = 0; j < ncv; j++) {
                double c = s[j];
                int vj = j * n;
                for (int r = 0; r < n; r++) {
                    z[zi + r] += c * v[vj + r];
                }
            }
        }
    }

    /** Sorts the k pairs, computes the explicit residuals, keeps the warm start, builds the result. */
    private Sharpness finish(boolean converged, int iterations) {
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        for (int i = 1; i < k; i++) {
            int o = order[i];
            int j = i - 1;
            while (j >= 0 && d[order[j]] < d[o]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
        double[] residuals = new double[k];
        double[][] vectors = new double[wantVectors ? k : 0][];
        Arrays.fill(warm, 0);
        for (int i = 0; i < k; i++) {
            int src = order[i];
            values[i] = d[src];
            System.arraycopy(z, src * n, scratch, 0, n);
            residuals[i] = DenseSharpness.residual(op, scratch, values[i], hv);
            for (int r = 0; r < n; r++) {
                warm[r] += scratch[r];
            }
            if (wantVectors) {
                vectors[i] = scratch.clone();
            }
        }
        haveWarm = true;
        return new Sharpness(values, vectors, residuals, iterations, op.applications(), converged, Sharpness.ARPACK);
    }

    /**
     * The f2j ARPACK. Loading the library first probes for its optional native build and logs a warning through
     * java.util.logging when that is absent; we use the Java build by design, so the probe's logger is silenced while
     * it runs (its previous level is restored).
     */
    private static ARPACK loadJavaArpack() {
        Logger log = Logger.getLogger("dev.ludovic.netlib.arpack.InstanceBuilder");
        Level previous = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            return JavaARPACK.getInstance();
        } finally {
            log.setLevel(previous);
        }
    }
}
