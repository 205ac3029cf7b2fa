package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The starts of {@link LinearStarts}: their documented draws and properties, and their reproducibility. */
class LinearStartsTest extends EoslabTest {

    static final int[][] WIDTHS = {{3, 4, 2}, {2, 3, 3, 4}, {4, 2, 5, 2, 3}, {1, 1, 1}, {1, 7, 1}};

    @Test
    void gaussianDrawsLayerByLayerRowMajor() {
        int[] widths = {3, 2, 4};
        double[] theta = LinearStarts.gaussian(widths, 0.3, 17);
        Random rnd = new Random(17);
        for (double t : theta) {
            assertThat(t).isEqualTo(0.3 * rnd.nextGaussian());
        }
        double[] perLayer = LinearStarts.gaussian(widths, new double[] {2.0, 0.5}, 17);
        rnd = new Random(17);
        for (int i = 0; i < perLayer.length; i++) {
            assertThat(perLayer[i]).isEqualTo((i < 6 ? 2.0 : 0.5) * rnd.nextGaussian());
        }
        assertThat(theta).hasSize(LinearStarts.parameters(widths)).hasSize(14);
    }

    @Test
    void balancedStartsHaveZeroConservedQuantitiesAndTheGivenSpectrum() {
        for (int[] widths : WIDTHS) {
            int min = Integer.MAX_VALUE;
            for (int w : widths) {
                min = Math.min(min, w);
            }
            double[] s = new double[min];
            for (int j = 0; j < min; j++) {
                s[j] = 2.5 - 0.7 * j;
            }
            double[] theta = LinearStarts.balanced(widths, s, 3);
            DeepLinearModel model = DeepLinearModel.target(widths, new double[widths[widths.length - 1]][widths[0]]);
            double[] q = new double[model.conservedDimension()];
            model.conserved(theta, q);
            assertThat(TestData.maxAbs(q)).isLessThan(1e-14);
            assertThat(model.imbalance(theta)).isLessThan(1e-13);
            double[] sv = endToEndSingularValues(model, theta);
            for (int j = 0; j < sv.length; j++) {
                assertThat(sv[j]).isCloseTo(j < s.length ? s[j] : 0, org.assertj.core.data.Offset.offset(1e-13));
            }
            // every layer has the singular values s^{1/D}
            int depth = widths.length - 1;
            double expectedNorm = 0;
            for (double sj : s) {
                expectedNorm += Math.pow(sj, 2.0 / depth);
            }
            for (int l = 1; l <= depth; l++) {
                assertThat(model.layerNormSquared(theta, l)).isCloseTo(expectedNorm,
                        org.assertj.core.data.Offset.offset(1e-13));
            }
        }
    }

    @Test
    void balancedFactorizationReproducesTheMatrix() {
        int[] widths = {5, 3, 4, 4};
        double[][] w = LinearStarts.targetFromSpectrum(new double[] {2, 1, 0.3}, 4, 5, 8);
        double[] theta = LinearStarts.balancedFactorization(widths, w, 9);
        DeepLinearModel model = DeepLinearModel.target(widths, w);
        double[] e2e = new double[20];
        model.endToEnd(theta, e2e);
        assertThat(TestData.maxAbsDiff(e2e, TestData.flat(w))).isLessThan(1e-14);
        assertThat(model.imbalance(theta)).isLessThan(1e-13);
        assertThat(model.loss(theta)).isLessThan(1e-28);
        assertThatThrownBy(() -> LinearStarts.balancedFactorization(new int[] {5, 2, 4}, w, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank");
        assertThat(LinearStarts.balancedFactorization(new int[] {5, 2, 4}, new double[4][5], 1)).containsOnly(0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void imbalancedFamilyHasTheDocumentedImbalanceAndProduct(int depth) {
        int[] widths = new int[depth + 1];
        for (int i = 0; i <= depth; i++) {
            widths[i] = 2 + (i % 3);
        }
        double[] s = {1.7, 0.6};
        DeepLinearModel model = DeepLinearModel.target(widths, new double[widths[depth]][widths[0]]);
        double[] balanced = LinearStarts.balanced(widths, s, 4);
        double[] e0 = new double[widths[0] * widths[depth]];
        model.endToEnd(balanced, e0);
        for (double t : new double[] {-0.8, 0.3, 1.5}) {
            double[] theta = LinearStarts.imbalanced(widths, s, t, 4);
            double[] e = new double[e0.length];
            model.endToEnd(theta, e);
            assertThat(TestData.maxAbsDiff(e, e0)).isLessThan(1e-13);
            double sum = 0;
            for (double sj : s) {
                sum += Math.pow(sj, 2.0 / depth);
            }
            double layers = 0;
            for (int i = 1; i < depth; i++) {
                layers += Math.exp(t * (2 * i - depth));
            }
            double expected = 2 * Math.abs(Math.sinh(t)) * sum * layers;
            assertThat(model.imbalance(theta)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * expected));
        }
    }

    @Test
    void imbalancedShallowStartIsTheCanonicalShallowPoint() {
        double sigma = 0.8;
        double t = 0.9;
        double[] theta = LinearStarts.imbalanced(new int[] {1, 5, 1}, new double[] {sigma}, t, 2);
        double[] a = java.util.Arrays.copyOfRange(theta, 0, 5);
        double[] b = java.util.Arrays.copyOfRange(theta, 5, 10);
        assertThat(Math.abs(TestData.dot(a, b))).isCloseTo(sigma, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(TestData.dot(a, a) + TestData.dot(b, b)).isCloseTo(2 * sigma * Math.cosh(t),
                org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void withImbalancePrescribesW2tW2MinusW1W1t() {
        int p = 3;
        int h = 4;
        int q = 2;
        Random rnd = new Random(12);
        double[][] w1 = TestData.gaussian(h, p, 1.0, rnd);
        double[][] r = TestData.gaussian(q, h, 1.0, rnd);
        double[][] qm = new double[h][h];
        for (int a = 0; a < h; a++) {
            for (int b = 0; b < h; b++) {
                for (int k = 0; k < q; k++) {
                    qm[a][b] += r[k][a] * r[k][b];
                }
                for (int c = 0; c < p; c++) {
                    qm[a][b] -= w1[a][c] * w1[b][c];
                }
            }
        }
        int[] widths = {p, h, q};
        double[] theta = LinearStarts.withImbalance(widths, w1, qm);
        double[][][] got = ConservedQuantitiesTest.explicit(widths, theta);
        assertThat(TestData.relErr(got[0], qm)).isLessThan(1e-13);
        for (int a = 0; a < h; a++) {
            for (int c = 0; c < p; c++) {
                assertThat(theta[a * p + c]).isEqualTo(w1[a][c]);
            }
        }
        // Q + W1W1ᵀ not PSD, or of rank > q: no W2
        double[][] neg = new double[h][h];
        for (int a = 0; a < h; a++) {
            neg[a][a] = -100;
        }
        assertThatThrownBy(() -> LinearStarts.withImbalance(widths, w1, neg))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("semi-definite");
        double[][] eye = new double[h][h];
        for (int a = 0; a < h; a++) {
            eye[a][a] = 1;
        }
        assertThatThrownBy(() -> LinearStarts.withImbalance(widths, w1, eye))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank");
    }

    @Test
    void targetFromSpectrumHasTheGivenSingularValues() {
        double[] s = {4.0, 2.0, 1.0, 0.5};
        double[][] phi = LinearStarts.targetFromSpectrum(s, 6, 5, 3);
        assertThat(phi.length).isEqualTo(6);
        assertThat(phi[0].length).isEqualTo(5);
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(phi)).getSingularValues();
        for (int j = 0; j < 5; j++) {
            assertThat(sv[j]).isCloseTo(j < 4 ? s[j] : 0, org.assertj.core.data.Offset.offset(1e-14));
        }
        assertThatThrownBy(() -> LinearStarts.targetFromSpectrum(new double[] {1, 1, 1}, 2, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearStarts.targetFromSpectrum(new double[] {-1}, 2, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsAreIdenticalAcrossCallsAndThreads() throws Exception {
        List<Supplier<Object>> makers = List.of(
                () -> LinearStarts.gaussian(new int[] {7, 5, 3, 6}, 0.4, 123),
                () -> LinearStarts.gaussian(new int[] {7, 5, 3, 6}, new double[] {1, 2, 3}, 123),
                () -> LinearStarts.balanced(new int[] {7, 5, 3, 6}, new double[] {3, 2, 1}, 123),
                () -> LinearStarts.imbalanced(new int[] {4, 6, 4}, new double[] {1, 0.5}, 0.7, 123),
                () -> LinearStarts.targetFromSpectrum(new double[] {3, 2, 1}, 6, 7, 123));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Supplier<Object> make : makers) {
                Object reference = make.get();
                assertThat(make.get()).isEqualTo(reference);
                List<Future<Object>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(make::get));
                }
                for (Future<Object> f : futures) {
                    assertThat(f.get()).isEqualTo(reference);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(LinearStarts.gaussian(new int[] {2, 2, 2}, 1, 1))
                .isNotEqualTo(LinearStarts.gaussian(new int[] {2, 2, 2}, 1, 2));
    }

    @Test
    void rejectsBadWidthsAndSpectra() {
        assertThatThrownBy(() -> LinearStarts.gaussian(new int[] {2, 3}, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearStarts.gaussian(new int[] {2, 0, 3}, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearStarts.balanced(new int[] {3, 1, 3}, new double[] {1, 1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearStarts.gaussian(new int[] {2, 2, 2}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static double[] endToEndSingularValues(DeepLinearModel model, double[] theta) {
        int p = model.inputs();
        int q = model.outputs();
        double[] e = new double[p * q];
        model.endToEnd(theta, e);
        double[][] m = new double[q][p];
        for (int i = 0; i < q; i++) {
            System.arraycopy(e, i * p, m[i], 0, p);
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(m)).getSingularValues();
    }
}
