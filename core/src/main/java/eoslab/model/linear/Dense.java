package eoslab.model.linear;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Dense-matrix helpers shared by the linear models and their starts (set-up code: these allocate). */
final class Dense {
    private Dense() {
    }

    /** A rows × cols matrix from row arrays, checking that every row has {@code cols} finite entries. */
    static DMatrixRMaj matrix(String name, double[][] rows, int cols) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        DMatrixRMaj m = new DMatrixRMaj(rows.length, cols);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != cols) {
                throw new IllegalArgumentException(name + ": row " + i + " does not have " + cols + " entries");
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is not finite");
                }
                m.unsafe_set(i, j, rows[i][j]);
            }
        }
        return m;
    }

    /** The row arrays of m. */
    static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }

    /** ‖m‖²_F. */
    static double normSquared(DMatrixRMaj m) {
        double s = 0;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            s += m.data[i] * m.data[i];
        }
        return s;
    }

    /**
     * A rows × cols matrix (rows ≥ cols) with orthonormal columns, Haar-distributed: a Gaussian matrix drawn from
     * {@code rnd} row-major with {@code nextGaussian()}, orthonormalized by Householder QR, with each column's sign
     * chosen so that R has a non-negative diagonal (Mezzadri's fix, which makes the distribution exactly Haar). Only
     * {@code sqrt} and the four operations are involved, so the result is the same on every Java platform.
     */
    static DMatrixRMaj randomOrthonormal(int rows, int cols, Random rnd) {
        if (cols > rows) {
            throw new IllegalArgumentException("cannot have " + cols + " orthonormal columns in dimension " + rows);
        }
        DMatrixRMaj g = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            g.data[i] = rnd.nextGaussian();
        }
        if (cols == 0) {
            return g;
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < cols; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < rows; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    /**
     * The compact SVD m = U diag(s) Vᵀ with singular values in descending order.
     *
     * @return {U (rows × k), V (cols × k)} with k = min(rows, cols); the values go into {@code s} (length ≥ k)
     */
    static DMatrixRMaj[] svd(DMatrixRMaj m, double[] s) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, true, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int k = Math.min(m.numRows, m.numCols);
        for (int j = 0; j < k; j++) {
            s[j] = w.get(j, j);
        }
        return new DMatrixRMaj[] {u, v};
    }

    /** Singular values of m, descending. */
    static double[] singularValues(DMatrixRMaj m) {
        double[] s = new double[Math.min(m.numRows, m.numCols)];
        svd(m, s);
        return s;
    }

    /** The columns {@code from … to−1} of m. */
    static DMatrixRMaj columns(DMatrixRMaj m, int from, int to) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, to - from);
        CommonOps_DDRM.extract(m, 0, m.numRows, from, to, out, 0, 0);
        return out;
    }
}
