package eoslab.model.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * C = X Yᵀ (or C += X Yᵀ) for fixed shapes X ∈ ℝ^{r×K}, Y ∈ ℝ^{c×K}, in the form whose innermost loop the JIT
 * vectorizes. EJML's {@code multTransB} computes every entry as a dot product of length K, a serial chain of
 * floating-point additions (Java may not reorder them), so it runs at the latency of one addition per term; its
 * {@code mult} instead adds multiples of rows of the right factor to rows of the result ("row axpy"), which compiles to
 * SIMD code. This class transposes one factor into a preallocated buffer (r·K or c·K copies, small next to the r·c·K
 * multiply-adds) and multiplies in row-axpy form: C = X (Yᵀ) when the result's rows (length c) are long enough for
 * EJML's row-axpy kernel, else Cᵀ = Y (Xᵀ), transposed back. Allocates nothing after construction; not thread-safe.
 */
final class TransposedProduct {
    /** EJML switches to its row-axpy kernel from this many result columns ({@code EjmlParameters.MULT_COLUMN_SWITCH}). */
    private static final int ROW_AXPY_COLUMNS = 15;

    private final boolean direct;
    private final DMatrixRMaj factorT;
    private final DMatrixRMaj resultT;

    /**
     * @param rows  r, the rows of X and of C
     * @param cols  c, the rows of Y and the columns of C
     * @param inner K, the common number of columns of X and Y
     */
    TransposedProduct(int rows, int cols, int inner) {
        this.direct = cols >= ROW_AXPY_COLUMNS || cols >= rows;
        this.factorT = direct ? new DMatrixRMaj(inner, cols) : new DMatrixRMaj(inner, rows);
        this.resultT = direct ? null : new DMatrixRMaj(cols, rows);
    }

    /** C = X Yᵀ. */
    void mult(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj c) {
        apply(x, y, c, false);
    }

    /** C += X Yᵀ. */
    void multAdd(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj c) {
        apply(x, y, c, true);
    }

    private void apply(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj c, boolean add) {
        if (direct) {
            CommonOps_DDRM.transpose(y, factorT);
            if (add) {
                CommonOps_DDRM.multAdd(x, factorT, c);
            } else {
                CommonOps_DDRM.mult(x, factorT, c);
            }
            return;
        }
        CommonOps_DDRM.transpose(x, factorT);
        CommonOps_DDRM.mult(y, factorT, resultT);
        double[] ct = resultT.data;
        double[] cd = c.data;
        int rows = c.numRows;
        int cols = c.numCols;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            if (add) {
                for (int j = 0; j < cols; j++) {
                    cd[base + j] += ct[j * rows + i];
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    cd[base + j] = ct[j * rows + i];
                }
            }
        }
    }
}
