package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * D = 2, p = q = 1 is the shallow model L(a, b) = ½(aᵀb − Φ)² with W1 = a (a column: block W1 is d × 1, first in θ)
 * and W2 = bᵀ (block W2 is 1 × d): loss, gradient (εb, εa) and Hessian [[bbᵀ, εI + baᵀ], [εI + abᵀ, aaᵀ]],
 * ε = aᵀb − Φ, written out explicitly here.
 */
class ShallowEquivalenceTest extends EoslabTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 12})
    void targetModelIsTheShallowModel(int d) {
        double phi = 0.7;
        DeepLinearModel model = DeepLinearModel.target(new int[] {1, d, 1}, new double[][] {{phi}});
        assertThat(model.layout().block("W1").rows()).isEqualTo(d);
        assertThat(model.layout().block("W1").cols()).isEqualTo(1);
        assertThat(model.layout().block("W2").offset()).isEqualTo(d);
        Random rnd = new Random(40 + d);
        double[] a = TestData.gaussian(d, 0.8, rnd);
        double[] b = TestData.gaussian(d, 0.8, rnd);
        double[] theta = concat(a, b);
        double m = TestData.dot(a, b);
        double eps = m - phi;

        assertThat(model.loss(theta)).isCloseTo(0.5 * eps * eps, within(1e-15));
        double[] grad = new double[2 * d];
        model.gradient(theta, grad);
        double[] expected = new double[2 * d];
        for (int i = 0; i < d; i++) {
            expected[i] = eps * b[i];
            expected[d + i] = eps * a[i];
        }
        assertThat(TestData.maxAbsDiff(grad, expected)).isLessThan(1e-15);

        double[][] h = TestData.hessian(model, theta);
        double[][] ref = new double[2 * d][2 * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                ref[i][j] = b[i] * b[j];
                ref[i][d + j] = (i == j ? eps : 0) + b[i] * a[j];
                ref[d + i][j] = (i == j ? eps : 0) + a[i] * b[j];
                ref[d + i][d + j] = a[i] * a[j];
            }
        }
        assertThat(TestData.relErr(h, ref)).isLessThan(1e-15);
        double[] w = new double[1];
        model.endToEnd(theta, w);
        assertThat(w[0]).isCloseTo(m, within(1e-15));
        assertThat(model.rankBound()).isEqualTo(1);
        assertThat(model.minimumLoss()).isZero();
    }

    /**
     * On a scalar data set (xᵢ, yᵢ) the loss is ½σ²(aᵀb − Φ)² + L₀ with σ² = mean x², Φ = mean xy / σ² and L₀ the
     * least-squares residual: the shallow gradient and Hessian scaled by σ².
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void scalarDataSetIsTheScaledShallowModel(int d) {
        double[][] x = {{0.5}, {-1.2}, {2.0}, {0.3}, {1.1}};
        double[][] y = {{0.4}, {-1.0}, {1.5}, {0.6}, {0.7}};
        int n = x.length;
        double s2 = 0;
        double xy = 0;
        for (int i = 0; i < n; i++) {
            s2 += x[i][0] * x[i][0] / n;
            xy += x[i][0] * y[i][0] / n;
        }
        double phi = xy / s2;
        double l0 = 0;
        for (int i = 0; i < n; i++) {
            double r = phi * x[i][0] - y[i][0];
            l0 += r * r / (2 * n);
        }
        DeepLinearModel model = DeepLinearModel.fromData(new int[] {1, d, 1}, x, y);
        Random rnd = new Random(50 + d);
        double[] a = TestData.gaussian(d, 0.8, rnd);
        double[] b = TestData.gaussian(d, 0.8, rnd);
        double[] theta = concat(a, b);
        double eps = TestData.dot(a, b) - phi;
        assertThat(model.loss(theta)).isCloseTo(0.5 * s2 * eps * eps + l0, within(1e-14));
        assertThat(model.minimumLoss()).isCloseTo(l0, within(1e-15));
        double[][] h = TestData.hessian(model, theta);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertThat(h[i][j]).isCloseTo(s2 * b[i] * b[j], within(1e-14));
                assertThat(h[i][d + j]).isCloseTo(s2 * ((i == j ? eps : 0) + b[i] * a[j]), within(1e-14));
                assertThat(h[d + i][d + j]).isCloseTo(s2 * a[i] * a[j], within(1e-14));
            }
        }
    }

    static double[] concat(double[] a, double[] b) {
        double[] t = new double[a.length + b.length];
        System.arraycopy(a, 0, t, 0, a.length);
        System.arraycopy(b, 0, t, a.length, b.length);
        return t;
    }
}
