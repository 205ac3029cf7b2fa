package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matrix factorization ½‖ABᵀ − Φ‖²_F (D = 2 on a target, A = W2, Bᵀ = W1): at a global minimum the sharpness, the top
 * eigenvalue of the dense Hessian (assembled from Hessian-vector products, eigenvalues by Hipparchus), is
 * σ_max(A)² + σ_max(B)² (singular values by Hipparchus), at balanced and unbalanced minima, with the hidden width equal
 * to or above the rank of Φ.
 */
class FactorizationSharpnessTest extends EoslabTest {

    @ParameterizedTest(name = "p={0} h={1} q={2} unbalanced={3}")
    @CsvSource({"5,3,4,false", "5,3,4,true", "5,4,4,true", "3,3,6,true", "6,2,2,true"})
    void sharpnessAtAGlobalMinimum(int p, int h, int q, boolean unbalanced) {
        double[] spectrum = h >= 3 ? new double[] {3.0, 1.5, 0.5} : new double[] {2.0, 0.7};
        double[][] phi = LinearStarts.targetFromSpectrum(spectrum, q, p, 5);
        int[] widths = {p, h, q};
        DeepLinearModel model = DeepLinearModel.target(widths, phi);
        double[] theta = LinearStarts.balancedFactorization(widths, phi, 6);
        if (unbalanced) {
            // W1 → diag(c) W1, W2 → W2 diag(1/c): same product, different factors
            Random rnd = new Random(7);
            double[] c = new double[h];
            for (int i = 0; i < h; i++) {
                c[i] = 0.5 + 1.5 * rnd.nextDouble();
            }
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < p; j++) {
                    theta[i * p + j] *= c[i];
                }
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < h; j++) {
                    theta[h * p + i * h + j] /= c[j];
                }
            }
        }
        assertThat(model.loss(theta)).isLessThan(1e-28);
        double[] grad = new double[model.dimension()];
        model.gradient(theta, grad);
        assertThat(TestData.maxAbs(grad)).isLessThan(1e-14);

        double[][] hess = TestData.hessian(model, theta);
        double top = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(hess)).getEigenvalues()[0];
        double[][] w1 = new double[h][p];
        double[][] w2 = new double[q][h];
        for (int i = 0; i < h; i++) {
            System.arraycopy(theta, i * p, w1[i], 0, p);
        }
        for (int i = 0; i < q; i++) {
            System.arraycopy(theta, h * p + i * h, w2[i], 0, h);
        }
        double sa = new SingularValueDecomposition(new Array2DRowRealMatrix(w2)).getSingularValues()[0];
        double sb = new SingularValueDecomposition(new Array2DRowRealMatrix(w1)).getSingularValues()[0];
        double expected = sa * sa + sb * sb;
        assertThat(Math.abs(top - expected)).isLessThan(1e-12 * expected);
        if (!unbalanced) {
            assertThat(Math.abs(top - 2 * spectrum[0])).isLessThan(1e-12 * top);
        }
    }
}
