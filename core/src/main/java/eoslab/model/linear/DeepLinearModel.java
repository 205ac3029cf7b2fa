package eoslab.model.linear;

import eoslab.model.Layout;
import eoslab.model.Model;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The deep linear network f(x) = W_D ⋯ W_1 x (family {@code linear}), depth D ≥ 2, W_i ∈ ℝ^{h_i × h_{i−1}},
 * h_0 = p inputs, h_D = q outputs, on a least-squares loss in the end-to-end matrix W = W_D ⋯ W_1 given by its
 * {@link Moments}: L(θ) = ½ tr(W Σ Wᵀ) − tr(C Wᵀ) + ½ yy, either from a data set ((1/2n) Σᵢ ‖W xᵢ − yᵢ‖²) or a target
 * matrix (½‖W − Φ‖²_F). θ is W1, …, WD, each row-major, named {@code W1} … {@code WD} in the {@link #layout()}.
 * Widths are always given as one array {h_0 = p, h_1, …, h_{D−1}, h_D = q}.
 *
 * <p><b>Derivatives</b> (models.md §3). With G = ∂L/∂W = WΣ − C, P_{&gt;i} = W_D ⋯ W_{i+1} and
 * P_{&lt;i} = W_{i−1} ⋯ W_1: ∇_{W_i}L = P_{&gt;i}ᵀ G P_{&lt;i}ᵀ. It is computed as in back-propagation with the identity
 * as the batch of inputs: prefix products A_i = W_i ⋯ W_1, signals B_D = G, B_{i−1} = W_iᵀ B_i, and ∇_{W_i}L =
 * B_i A_{i−1}ᵀ. The Hessian-vector product along V = (V_1, …, V_D) differentiates the same recursions:
 * Ȧ_i = V_i A_{i−1} + W_i Ȧ_{i−1}, Ġ = Ẇ Σ with Ẇ = Ȧ_D, Ḃ_D = Ġ, Ḃ_{i−1} = V_iᵀ B_i + W_iᵀ Ḃ_i, and
 * (Hv)_i = Ḃ_i A_{i−1}ᵀ + B_i Ȧ_{i−1}ᵀ. When q &lt; p the same recursions run on the transposed network
 * Wᵀ = W_1ᵀ ⋯ W_Dᵀ, so that every product has min(p, q) columns: a gradient costs about 3·min(p, q)·n
 * multiply-adds (n = dim θ), plus the data term (2qpk, k = rank Σ, nothing for a target); a Hessian-vector product about
 * 6·min(p, q)·n at a θ whose gradient was just computed, 8·min(p, q)·n otherwise.
 *
 * <p><b>Matrix factorization.</b> At depth 2 on a target matrix, loss, gradient and Hessian-vector products run on
 * {@link FactorizationKernel}: the same derivatives regrouped around the narrow inner width (2qph multiply-adds per
 * product instead of 6qph; 2(p + q)h(h + r) for a target of numerical rank r, factored through its SVD) in loops that
 * compile to SIMD code. The general recursions below serve every other case.
 *
 * <p><b>Caching.</b> The instance remembers the last θ it evaluated (compared by content, so changing the array in
 * place is safe): the loss, gradient, Hessian-vector products, end-to-end matrix and conserved quantities at that θ
 * reuse the prefix products and signals instead of recomputing them.
 *
 * <p><b>Minimum.</b> {@link #minimumLoss()} is the reduced-rank regression minimum over end-to-end matrices of rank
 * ≤ r = min(h_0, …, h_D) (every such matrix is a product of layers of these widths):
 * L* = ½yy − ½ Σ_{j ≤ r} σ_j(C Σ^{+1/2})² (see {@link Moments#minimumLoss(int)}).
 *
 * <p><b>Conserved quantities</b> of gradient flow: Q_i = W_{i+1}ᵀW_{i+1} − W_iW_iᵀ ∈ ℝ^{h_i × h_i}, i = 1 … D−1
 * (since W_{i+1}ᵀ ∇_{W_{i+1}}L = P_{&gt;i}ᵀ G P_{&lt;i+1}ᵀ = (∇_{W_i}L) W_iᵀ, along θ̇ = −∇L both terms have the
 * derivative −(that matrix) − (its transpose)), flattened row-major one after the other by
 * {@link #conserved}; {@link #imbalance} is Σ_i ‖Q_i‖_* (nuclear norms). For D = 2, p = q = 1 (W_1 = a, W_2 = bᵀ)
 * ‖bbᵀ − aaᵀ‖_* = ‖a + b‖·‖a − b‖ = √(λ² − 4m²), the shallow model's imbalance Q: bbᵀ − aaᵀ has rank ≤ 2, trace
 * ‖b‖² − ‖a‖² and (from the 2×2 matrix [[bᵀb, bᵀa], [−aᵀb, −aᵀa]] with the same non-zero eigenvalues) eigenvalue
 * product m² − ‖a‖²‖b‖² ≤ 0, so its two eigenvalues have opposite signs and |μ₁| + |μ₂| = μ₁ − μ₂ =
 * √((‖b‖² − ‖a‖²)² + 4‖a‖²‖b‖² − 4m²) = √(λ² − 4m²).
 *
 * <p>Not thread-safe (workspaces and the cache belong to the instance): use {@link #copy()} per thread. The first call
 * of {@link #conserved} or {@link #imbalance} allocates their workspaces; after that no method allocates.
 */
public final class DeepLinearModel implements Model {
    private final int[] widths;
    private final int depth;
    private final Layout layout;
    private final Moments moments;
    private final int dimension;
    private final int rankBound;
    private final double minimumLoss;
    /** Whether the chain runs over the transposed network (batch q instead of p). */
    private final boolean transposed;
    /** Chain widths g_0 … g_D: chain layer j maps g_j → g_{j+1}. */
    private final int[] g;
    /** θ offsets of the network layers W_1 … W_D (index ℓ − 1). */
    private final int[] offsets;
    private final boolean identity;
    /** R (k × p), null for a target. */
    private final DMatrixRMaj r;
    /** Z oriented for the chain: q × k (or Φ, q × p) directly, k × q (or Φᵀ, p × q) transposed. */
    private final DMatrixRMaj zo;
    private final double residual;

    // workspaces (chain orientation)
    private final DMatrixRMaj[] m;
    private final DMatrixRMaj[] v;
    private final DMatrixRMaj[] a;
    private final DMatrixRMaj[] ad;
    private final DMatrixRMaj[] b;
    private final DMatrixRMaj[] bd;
    private final DMatrixRMaj[] gr;
    private final DMatrixRMaj[] hv;
    private final DMatrixRMaj e;
    private final DMatrixRMaj ed;
    /** Per chain layer j ≥ 1: B_j A_{j−1}ᵀ and its derivatives, in vectorizable form. */
    private final TransposedProduct[] layerProduct;
    /** T Rᵀ (data, direct chain), or null. */
    private final TransposedProduct dataProduct;
    /** The depth-2 target-matrix fast path (matrix factorization), or null. */
    private final FactorizationKernel kernel;
    private final double[] stateTheta;
    /** 0: nothing; 1: θ loaded; 2: forward (A, G, loss); 3: signals B; 4: gradient blocks. */
    private int state;
    private double stateLoss;
    private Conservation conservation;

    private DeepLinearModel(int[] widths, Moments moments) {
        this(widths, moments, true);
    }

    private DeepLinearModel(int[] widths, Moments moments, boolean fastPath) {
        if (widths == null || widths.length < 3) {
            throw new IllegalArgumentException("a deep linear network needs depth D ≥ 2: widths {p, h_1, …, q}");
        }
        this.widths = widths.clone();
        this.depth = widths.length - 1;
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("widths must be ≥ 1: " + Arrays.toString(widths));
            }
        }
        if (moments.inputs() != widths[0] || moments.outputs() != widths[depth]) {
            throw new IllegalArgumentException("widths " + Arrays.toString(widths) + " do not fit data with p = "
                    + moments.inputs() + ", q = " + moments.outputs());
        }
        this.moments = moments;
        Object[] triples = new Object[3 * depth];
        offsets = new int[depth];
        int n = 0;
        for (int l = 1; l <= depth; l++) {
            triples[3 * (l - 1)] = "W" + l;
            triples[3 * (l - 1) + 1] = widths[l];
            triples[3 * (l - 1) + 2] = widths[l - 1];
            offsets[l - 1] = n;
            n = Math.addExact(n, Math.multiplyExact(widths[l], widths[l - 1]));
        }
        this.layout = Layout.of(triples);
        this.dimension = n;
        int rb = Integer.MAX_VALUE;
        for (int w : widths) {
            rb = Math.min(rb, w);
        }
        this.rankBound = rb;
        this.minimumLoss = moments.minimumLoss(rb);
        int p = widths[0];
        int q = widths[depth];
        this.transposed = q < p;
        this.g = new int[depth + 1];
        for (int j = 0; j <= depth; j++) {
            g[j] = transposed ? widths[depth - j] : widths[j];
        }
        this.identity = moments.isTarget();
        this.r = moments.r();
        this.zo = transposed ? CommonOps_DDRM.transpose(moments.z(), null) : moments.z();
        this.residual = moments.leastSquaresLoss();
        this.m = new DMatrixRMaj[depth];
        this.v = new DMatrixRMaj[depth];
        this.a = new DMatrixRMaj[depth];
        this.ad = new DMatrixRMaj[depth];
        this.b = new DMatrixRMaj[depth];
        this.bd = new DMatrixRMaj[depth];
        this.gr = new DMatrixRMaj[depth];
        this.hv = new DMatrixRMaj[depth];
        this.e = identity ? null : new DMatrixRMaj(zo.numRows, zo.numCols);
        this.ed = identity ? null : new DMatrixRMaj(zo.numRows, zo.numCols);
        this.layerProduct = new TransposedProduct[depth];
        this.dataProduct = identity || transposed ? null : new TransposedProduct(zo.numRows, zo.numCols, g[0]);
        this.kernel = fastPath && depth == 2 && identity ? new FactorizationKernel(Dense.rows(moments.z()), widths[1])
                : null;
        this.stateTheta = new double[n];
        allocate();
    }

    private DeepLinearModel(DeepLinearModel o) {
        this.widths = o.widths;
        this.depth = o.depth;
        this.layout = o.layout;
        this.moments = o.moments;
        this.dimension = o.dimension;
        this.rankBound = o.rankBound;
        this.minimumLoss = o.minimumLoss;
        this.transposed = o.transposed;
        this.g = o.g;
        this.offsets = o.offsets;
        this.identity = o.identity;
        this.r = o.r;
        this.zo = o.zo;
        this.residual = o.residual;
        this.m = new DMatrixRMaj[depth];
        this.v = new DMatrixRMaj[depth];
        this.a = new DMatrixRMaj[depth];
        this.ad = new DMatrixRMaj[depth];
        this.b = new DMatrixRMaj[depth];
        this.bd = new DMatrixRMaj[depth];
        this.gr = new DMatrixRMaj[depth];
        this.hv = new DMatrixRMaj[depth];
        this.e = identity ? null : new DMatrixRMaj(zo.numRows, zo.numCols);
        this.ed = identity ? null : new DMatrixRMaj(zo.numRows, zo.numCols);
        this.layerProduct = new TransposedProduct[depth];
        this.dataProduct = identity || transposed ? null : new TransposedProduct(zo.numRows, zo.numCols, g[0]);
        this.kernel = o.kernel == null ? null : o.kernel.copy();
        this.stateTheta = new double[dimension];
        allocate();
    }

    private void allocate() {
        int batch = g[0];
        for (int j = 0; j < depth; j++) {
            m[j] = new DMatrixRMaj(g[j + 1], g[j]);
            v[j] = new DMatrixRMaj(g[j + 1], g[j]);
            b[j] = new DMatrixRMaj(g[j + 1], batch);
        }
        a[0] = m[0];
        ad[0] = v[0];
        gr[0] = b[0];
        for (int j = 1; j < depth; j++) {
            layerProduct[j] = new TransposedProduct(g[j + 1], g[j], batch);
            a[j] = new DMatrixRMaj(g[j + 1], batch);
            ad[j] = new DMatrixRMaj(g[j + 1], batch);
            gr[j] = new DMatrixRMaj(g[j + 1], g[j]);
            hv[j] = new DMatrixRMaj(g[j + 1], g[j]);
        }
        for (int j = 0; j < depth - 1; j++) {
            bd[j] = new DMatrixRMaj(g[j + 1], batch);
        }
        // For a target, Ġ = Ẇ: the derivative signal at the output is Ȧ_D itself.
        bd[depth - 1] = identity ? ad[depth - 1] : new DMatrixRMaj(g[depth], batch);
        hv[0] = bd[0];
    }

    /**
     * The network on a data set.
     *
     * @param widths {p, h_1, …, h_{D−1}, q}
     * @param x      inputs, n rows of p entries
     * @param y      outputs, n rows of q entries
     */
    public static DeepLinearModel fromData(int[] widths, double[][] x, double[][] y) {
        return new DeepLinearModel(widths, Moments.fromSamples(x, y));
    }

    /**
     * The network on given second moments (see {@link Moments#fromMoments} for what is checked).
     *
     * @param widths {p, h_1, …, h_{D−1}, q}
     * @param sigma  Σ = XᵀX/n, p × p
     * @param c      C = YᵀX/n, q × p
     * @param yy     (1/n) Σᵢ ‖yᵢ‖²
     */
    public static DeepLinearModel fromMoments(int[] widths, double[][] sigma, double[][] c, double yy) {
        return new DeepLinearModel(widths, Moments.fromMoments(sigma, c, yy));
    }

    /**
     * The network on the target-matrix loss ½‖W − Φ‖²_F.
     *
     * @param widths {p, h_1, …, h_{D−1}, q}
     * @param phi    Φ, q rows of p entries
     */
    public static DeepLinearModel target(int[] widths, double[][] phi) {
        return new DeepLinearModel(widths, Moments.target(phi));
    }

    /** The network on any {@link Moments}. */
    public static DeepLinearModel of(int[] widths, Moments moments) {
        return new DeepLinearModel(widths, moments);
    }

    /** The network without the depth-2 target fast path (the general recursions only; for tests). */
    static DeepLinearModel general(int[] widths, Moments moments) {
        return new DeepLinearModel(widths, moments, false);
    }

    @Override
    public String family() {
        return "linear";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    /** D, the number of layers. */
    public int depth() {
        return depth;
    }

    /** {h_0 = p, h_1, …, h_D = q} (a copy). */
    public int[] widths() {
        return widths.clone();
    }

    /** p. */
    public int inputs() {
        return widths[0];
    }

    /** q. */
    public int outputs() {
        return widths[depth];
    }

    /** r = min(h_0, …, h_D), the largest rank of an end-to-end matrix. */
    public int rankBound() {
        return rankBound;
    }

    /** The loss's data. */
    public Moments moments() {
        return moments;
    }

    @Override
    public double loss(double[] theta) {
        if (kernel != null) {
            checkLength(theta, "theta");
            return kernel.loss(theta);
        }
        load(theta);
        forward();
        return stateLoss;
    }

    @Override
    public double gradient(double[] theta, double[] grad) {
        checkLength(grad, "grad");
        if (kernel != null) {
            checkLength(theta, "theta");
            return kernel.gradient(theta, grad);
        }
        load(theta);
        forward();
        backward();
        if (state < 4) {
            for (int j = 1; j < depth; j++) {
                layerProduct[j].mult(b[j], a[j - 1], gr[j]);
            }
            state = 4;
        }
        for (int j = 0; j < depth; j++) {
            fromChain(gr[j], grad, j);
        }
        return stateLoss;
    }

    @Override
    public void hessianVector(double[] theta, double[] dir, double[] out) {
        checkLength(dir, "v");
        checkLength(out, "hv");
        if (kernel != null) {
            checkLength(theta, "theta");
            kernel.hessianVector(theta, dir, out);
            return;
        }
        load(theta);
        forward();
        backward();
        for (int j = 0; j < depth; j++) {
            toChain(dir, v[j], j);
        }
        for (int j = 1; j < depth; j++) {
            CommonOps_DDRM.mult(v[j], a[j - 1], ad[j]);
            CommonOps_DDRM.multAdd(m[j], ad[j - 1], ad[j]);
        }
        DMatrixRMaj wDot = ad[depth - 1];
        DMatrixRMaj gDot = bd[depth - 1];
        if (!identity) {
            if (transposed) {
                CommonOps_DDRM.mult(r, wDot, ed);
                CommonOps_DDRM.multTransA(r, ed, gDot);
            } else {
                dataProduct.mult(wDot, r, ed);
                CommonOps_DDRM.mult(ed, r, gDot);
            }
        }
        for (int j = depth - 1; j >= 1; j--) {
            CommonOps_DDRM.multTransA(v[j], b[j], bd[j - 1]);
            CommonOps_DDRM.multAddTransA(m[j], bd[j], bd[j - 1]);
            layerProduct[j].mult(bd[j], a[j - 1], hv[j]);
            layerProduct[j].multAdd(b[j], ad[j - 1], hv[j]);
        }
        for (int j = 0; j < depth; j++) {
            fromChain(hv[j], out, j);
        }
    }

    @Override
    public double minimumLoss() {
        return minimumLoss;
    }

    /**
     * Writes the end-to-end matrix W = W_D ⋯ W_1 (q × p, row-major) into {@code out}.
     *
     * @param theta the parameters (not modified)
     * @param out   output, length q·p (modified)
     */
    public void endToEnd(double[] theta, double[] out) {
        int p = widths[0];
        int q = widths[depth];
        if (out.length != p * q) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected " + p * q);
        }
        load(theta);
        forward();
        DMatrixRMaj t = a[depth - 1];
        if (transposed) {
            for (int i = 0; i < q; i++) {
                for (int c = 0; c < p; c++) {
                    out[i * p + c] = t.data[c * q + i];
                }
            }
        } else {
            System.arraycopy(t.data, 0, out, 0, p * q);
        }
    }

    /** ‖W_layer‖²_F, layer = 1 … D. */
    public double layerNormSquared(double[] theta, int layer) {
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException("layer " + layer + " is not in 1…" + depth);
        }
        return layout.blocks().get(layer - 1).normSquared(theta);
    }

    /**
     * σ_max(W_layer)², the squared spectral norm of a layer (layer = 1 … D; allocates an SVD). At a global minimum of
     * a depth-2 network on a target matrix the sharpness is σ_max(W_1)² + σ_max(W_2)² (models.md §3).
     */
    public double layerSpectralNormSquared(double[] theta, int layer) {
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException("layer " + layer + " is not in 1…" + depth);
        }
        checkLength(theta, "theta");
        Layout.Block block = layout.blocks().get(layer - 1);
        DMatrixRMaj w = new DMatrixRMaj(block.rows(), block.cols());
        System.arraycopy(theta, block.offset(), w.data, 0, block.size());
        double top = Dense.singularValues(w)[0];
        return top * top;
    }

    /** Σ_{i=1}^{D−1} h_i². */
    @Override
    public int conservedDimension() {
        long s = 0;
        for (int i = 1; i < depth; i++) {
            s += (long) widths[i] * widths[i];
        }
        return Math.toIntExact(s);
    }

    /** Writes Q_1, …, Q_{D−1} (Q_i = W_{i+1}ᵀW_{i+1} − W_iW_iᵀ, h_i × h_i, row-major) into {@code out}. */
    @Override
    public void conserved(double[] theta, double[] out) {
        if (out.length != conservedDimension()) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected " + conservedDimension());
        }
        load(theta);
        Conservation c = conservation();
        int off = 0;
        for (int i = 1; i < depth; i++) {
            DMatrixRMaj qi = c.direct(i);
            int h = widths[i];
            System.arraycopy(qi.data, 0, out, off, h * h);
            off += h * h;
        }
    }

    /**
     * Σ_{i=1}^{D−1} ‖W_{i+1}ᵀW_{i+1} − W_iW_iᵀ‖_*, the sum of the nuclear norms of the conserved matrices: 0 exactly
     * on balanced points, and for D = 2, p = q = 1 the shallow model's Q = ‖a+b‖‖a−b‖ (see the class comment). Each
     * Q_i = K J Kᵀ with K = [W_{i+1}ᵀ | W_i] and J = diag(I, −I) has rank ≤ m = h_{i+1} + h_{i−1}; when m &lt; h_i its
     * non-zero eigenvalues are those of the m × m matrix R J Rᵀ from the thin QR factorization K = QR, so a wide
     * hidden layer costs O(h_i m²), not O(h_i³).
     */
    @Override
    public double imbalance(double[] theta) {
        load(theta);
        Conservation c = conservation();
        double s = 0;
        for (int i = 1; i < depth; i++) {
            s += c.nuclear(i);
        }
        return s;
    }

    @Override
    public Model copy() {
        return new DeepLinearModel(this);
    }

    // ----- internals

    private void checkLength(double[] x, String name) {
        if (x.length != dimension) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", expected " + dimension);
        }
    }

    private void load(double[] theta) {
        checkLength(theta, "theta");
        if (state > 0 && Arrays.equals(theta, stateTheta)) {
            return;
        }
        state = 0;
        System.arraycopy(theta, 0, stateTheta, 0, dimension);
        for (int j = 0; j < depth; j++) {
            toChain(theta, m[j], j);
        }
        state = 1;
    }

    /** Network layer ℓ (1 … D) of chain layer j. */
    private int layerOf(int j) {
        return transposed ? depth - j : j + 1;
    }

    private void toChain(double[] src, DMatrixRMaj dst, int j) {
        int l = layerOf(j);
        int off = offsets[l - 1];
        int rows = widths[l];
        int cols = widths[l - 1];
        if (transposed) {
            double[] d = dst.data;
            for (int i = 0; i < rows; i++) {
                int base = off + i * cols;
                for (int c = 0; c < cols; c++) {
                    d[c * rows + i] = src[base + c];
                }
            }
        } else {
            System.arraycopy(src, off, dst.data, 0, rows * cols);
        }
    }

    private void fromChain(DMatrixRMaj src, double[] dst, int j) {
        int l = layerOf(j);
        int off = offsets[l - 1];
        int rows = widths[l];
        int cols = widths[l - 1];
        if (transposed) {
            double[] s = src.data;
            for (int i = 0; i < rows; i++) {
                int base = off + i * cols;
                for (int c = 0; c < cols; c++) {
                    dst[base + c] = s[c * rows + i];
                }
            }
        } else {
            System.arraycopy(src.data, 0, dst, off, rows * cols);
        }
    }

    /** A_j, the end-to-end T = A_{D−1}, G (= B_{D−1}) and the loss. */
    private void forward() {
        if (state >= 2) {
            return;
        }
        for (int j = 1; j < depth; j++) {
            CommonOps_DDRM.mult(m[j], a[j - 1], a[j]);
        }
        DMatrixRMaj t = a[depth - 1];
        DMatrixRMaj gamma = b[depth - 1];
        double loss;
        if (identity) {
            int len = t.getNumElements();
            double s = 0;
            for (int i = 0; i < len; i++) {
                double d = t.data[i] - zo.data[i];
                gamma.data[i] = d;
                s += d * d;
            }
            loss = 0.5 * s;
        } else {
            if (transposed) {
                CommonOps_DDRM.mult(r, t, e);
            } else {
                dataProduct.mult(t, r, e);
            }
            int len = e.getNumElements();
            double s = 0;
            for (int i = 0; i < len; i++) {
                double d = e.data[i] - zo.data[i];
                e.data[i] = d;
                s += d * d;
            }
            if (transposed) {
                CommonOps_DDRM.multTransA(r, e, gamma);
            } else {
                CommonOps_DDRM.mult(e, r, gamma);
            }
            loss = 0.5 * s + residual;
        }
        stateLoss = loss;
        state = 2;
    }

    /** The signals B_j = (M_{D−1} ⋯ M_{j+1})ᵀ G. */
    private void backward() {
        if (state >= 3) {
            return;
        }
        for (int j = depth - 1; j >= 1; j--) {
            CommonOps_DDRM.multTransA(m[j], b[j], b[j - 1]);
        }
        state = 3;
    }

    private Conservation conservation() {
        if (conservation == null) {
            conservation = new Conservation();
        }
        return conservation;
    }

    /** Workspaces for the conserved quantities, allocated on first use. */
    private final class Conservation {
        private final DMatrixRMaj outer;
        private final DMatrixRMaj inner;
        private final Hidden[] hidden = new Hidden[depth];

        /** The workspaces of one hidden layer's nuclear norm. */
        private final class Hidden {
            /** K = [W_{i+1}ᵀ | W_i] (h × m), its R (m × m), R·J, R J Rᵀ: the low-rank path (m &lt; h); else null. */
            DMatrixRMaj k;
            DMatrixRMaj rk;
            DMatrixRMaj rj;
            DMatrixRMaj small;
            QRDecomposition<DMatrixRMaj> qr;
            /** Q_i itself (h × h): the direct path. */
            DMatrixRMaj big;
            SingularValueDecomposition_F64<DMatrixRMaj> svd;
        }

        Conservation() {
            int hmax = 0;
            for (int i = 1; i < depth; i++) {
                hmax = Math.max(hmax, widths[i]);
            }
            outer = new DMatrixRMaj(hmax, hmax);
            inner = new DMatrixRMaj(hmax, hmax);
            for (int i = 1; i < depth; i++) {
                int h = widths[i];
                int mm = widths[i + 1] + widths[i - 1];
                Hidden w = new Hidden();
                if (mm < h) {
                    w.k = new DMatrixRMaj(h, mm);
                    w.rk = new DMatrixRMaj(mm, mm);
                    w.rj = new DMatrixRMaj(mm, mm);
                    w.small = new DMatrixRMaj(mm, mm);
                    w.qr = DecompositionFactory_DDRM.qr(h, mm);
                    w.svd = DecompositionFactory_DDRM.svd(mm, mm, false, false, true);
                } else {
                    w.big = new DMatrixRMaj(h, h);
                    w.svd = DecompositionFactory_DDRM.svd(h, h, false, false, true);
                }
                hidden[i] = w;
            }
        }

        /** Q_i in {@code inner} (valid until the next call), from the loaded chain layers. */
        DMatrixRMaj direct(int i) {
            if (transposed) {
                CommonOps_DDRM.multOuter(m[depth - i - 1], outer); // W_{i+1}ᵀ W_{i+1}
                CommonOps_DDRM.multInner(m[depth - i], inner); // W_i W_iᵀ
            } else {
                CommonOps_DDRM.multInner(m[i], outer);
                CommonOps_DDRM.multOuter(m[i - 1], inner);
            }
            CommonOps_DDRM.subtract(outer, inner, inner);
            return inner;
        }

        double nuclear(int i) {
            Hidden w = hidden[i];
            DMatrixRMaj sym;
            if (w.k != null) {
                int h = widths[i];
                int next = widths[i + 1];
                int prev = widths[i - 1];
                int mm = next + prev;
                double[] kd = w.k.data;
                int offNext = offsets[i];
                int offThis = offsets[i - 1];
                for (int row = 0; row < h; row++) {
                    for (int c = 0; c < next; c++) {
                        kd[row * mm + c] = stateTheta[offNext + c * h + row];
                    }
                    System.arraycopy(stateTheta, offThis + row * prev, kd, row * mm + next, prev);
                }
                // EJML reports failure when a column is exactly dependent on the previous ones (K rank-deficient, e.g.
                // a = b): it then uses the identity as that column's reflector, so K = QR still holds with R_jj = 0,
                // which is all that is needed here.
                w.qr.decompose(w.k);
                w.qr.getR(w.rk, true);
                w.rj.setTo(w.rk);
                for (int row = 0; row < mm; row++) {
                    for (int c = next; c < mm; c++) {
                        w.rj.data[row * mm + c] = -w.rj.data[row * mm + c];
                    }
                }
                CommonOps_DDRM.multTransB(w.rj, w.rk, w.small);
                sym = w.small;
            } else {
                w.big.setTo(direct(i));
                sym = w.big;
            }
            if (!w.svd.decompose(sym)) {
                return Double.NaN;
            }
            double[] s = w.svd.getSingularValues();
            int ns = w.svd.numberOfSingularValues();
            double sum = 0;
            for (int j = 0; j < ns; j++) {
                sum += s[j];
            }
            return sum;
        }
    }
}
