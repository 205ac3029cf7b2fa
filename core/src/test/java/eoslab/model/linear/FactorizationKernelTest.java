package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The depth-2 target fast path ({@link FactorizationKernel}) equals the general recursions of {@link DeepLinearModel}
 * (themselves checked against finite differences and the dense Hessian) on random points and directions, for square,
 * tall, wide, narrow and rank-deficient shapes, including repeated evaluations at one θ (the cache), with full-rank
 * targets (the product through G) and low-rank ones, zero included (the factored product).
 */
class FactorizationKernelTest extends EoslabTest {
    @Test
    void lossGradientAndHessianVectorProductsEqualTheGeneralRecursions() {
        Random rnd = new Random(81);
        int[][] shapes = {{5, 2, 5}, {7, 3, 4}, {3, 4, 9}, {10, 1, 10}, {6, 6, 6}};
        for (int[] widths : shapes) {
            int q = widths[2];
            int p = widths[0];
            double[][] phi = new double[q][p];
            for (double[] row : phi) {
                for (int j = 0; j < p; j++) {
                    row[j] = rnd.nextGaussian();
                }
            }
            DeepLinearModel fast = DeepLinearModel.target(widths, phi);
            DeepLinearModel general = DeepLinearModel.general(widths, Moments.target(phi));
            int n = fast.dimension();
            for (int trial = 0; trial < 4; trial++) {
                double[] theta = gaussian(n, trial == 0 ? 0.1 : 1.5, rnd);
                double[] g1 = new double[n];
                double[] g2 = new double[n];
                double scale = Math.max(1, general.loss(theta));
                assertThat(fast.loss(theta)).isCloseTo(general.loss(theta), within(1e-12 * scale));
                assertThat(fast.gradient(theta, g1)).isCloseTo(general.gradient(theta, g2), within(1e-12 * scale));
                double gNorm = norm(g2);
                for (int i = 0; i < n; i++) {
                    assertThat(g1[i]).isCloseTo(g2[i], within(1e-12 * Math.max(1, gNorm)));
                }
                for (int d = 0; d < 3; d++) {
                    double[] v = gaussian(n, 1, rnd);
                    double[] h1 = new double[n];
                    double[] h2 = new double[n];
                    fast.hessianVector(theta, v, h1);
                    general.hessianVector(theta, v, h2);
                    double hNorm = norm(h2);
                    for (int i = 0; i < n; i++) {
                        assertThat(h1[i]).as("shape %s trial %d", Arrays.toString(widths), trial)
                                .isCloseTo(h2[i], within(1e-12 * Math.max(1, hNorm)));
                    }
                }
            }
        }
    }

    @Test
    void lowRankTargetsTakeTheFactoredProductAndAgreeWithTheGeneralRecursions() {
        Random rnd = new Random(83);
        int[][] shapes = {{40, 3, 30}, {25, 6, 50}, {60, 2, 60}};
        for (int[] widths : shapes) {
            int p = widths[0];
            int q = widths[2];
            for (int rank : new int[] {0, 1, 4}) {
                double[][] a = new double[q][rank];
                double[][] b = new double[rank][p];
                for (double[] row : a) {
                    for (int j = 0; j < rank; j++) {
                        row[j] = rnd.nextGaussian();
                    }
                }
                for (double[] row : b) {
                    for (int j = 0; j < p; j++) {
                        row[j] = rnd.nextGaussian();
                    }
                }
                double[][] phi = new double[q][p];
                for (int i = 0; i < q; i++) {
                    for (int c = 0; c < p; c++) {
                        for (int j = 0; j < rank; j++) {
                            phi[i][c] += a[i][j] * b[j][c];
                        }
                    }
                }
                FactorizationKernel kernel = new FactorizationKernel(phi, widths[1]);
                assertThat(kernel.factoredRank()).as("rank of %s", Arrays.toString(widths)).isEqualTo(rank);
                assertThat(kernel.copy().factoredRank()).isEqualTo(rank);
                DeepLinearModel general = DeepLinearModel.general(widths, Moments.target(phi));
                int n = general.dimension();
                for (int trial = 0; trial < 3; trial++) {
                    double[] theta = gaussian(n, trial == 0 ? 0.1 : 1.5, rnd);
                    for (int d = 0; d < 2; d++) {
                        double[] v = gaussian(n, 1, rnd);
                        double[] h1 = new double[n];
                        double[] h2 = new double[n];
                        kernel.hessianVector(theta, v, h1);
                        general.hessianVector(theta, v, h2);
                        double hNorm = norm(h2);
                        for (int i = 0; i < n; i++) {
                            assertThat(h1[i]).isCloseTo(h2[i], within(1e-12 * Math.max(1, hNorm)));
                        }
                    }
                    double[] g1 = new double[n];
                    double[] g2 = new double[n];
                    assertThat(kernel.gradient(theta, g1)).isCloseTo(general.gradient(theta, g2),
                            within(1e-12 * Math.max(1, general.loss(theta))));
                    assertThat(kernel.loss(theta)).isEqualTo(kernel.gradient(theta, g1));
                }
            }
        }
        double[][] full = new double[20][20];
        for (double[] row : full) {
            for (int j = 0; j < 20; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        assertThat(new FactorizationKernel(full, 3).factoredRank()).isEqualTo(-1);
    }

    private static double[] gaussian(int n, double s, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s * rnd.nextGaussian();
        }
        return x;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
