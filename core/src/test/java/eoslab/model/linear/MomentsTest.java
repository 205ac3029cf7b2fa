package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The reduced data: factories agree with each other and with explicit sums, the checks reject bad moments. */
class MomentsTest extends EoslabTest {

    @Test
    void samplesAndMomentsFactoriesDescribeTheSameLoss() {
        Random rnd = new Random(31);
        for (int n : new int[] {2, 9}) {
            double[][] x = TestData.gaussian(n, 4, 1.0, rnd);
            double[][] y = TestData.gaussian(n, 3, 1.0, rnd);
            Moments fromSamples = Moments.fromSamples(x, y);
            double[][] sigma = new double[4][4];
            double[][] c = new double[3][4];
            double yy = 0;
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < 4; b++) {
                        sigma[a][b] += x[i][a] * x[i][b] / n;
                    }
                    for (int b = 0; b < 3; b++) {
                        c[b][a] += y[i][b] * x[i][a] / n;
                    }
                }
                for (int b = 0; b < 3; b++) {
                    yy += y[i][b] * y[i][b] / n;
                }
            }
            assertThat(TestData.relErr(fromSamples.sigma(), sigma)).isLessThan(1e-15);
            assertThat(TestData.relErr(fromSamples.cross(), c)).isLessThan(1e-15);
            assertThat(fromSamples.yy()).isCloseTo(yy, within(1e-15));
            assertThat(fromSamples.rank()).isEqualTo(Math.min(n, 4));
            // Σ = RᵀR and C = ZR
            double[][] r = fromSamples.factor();
            double[][] z = fromSamples.projectedTarget();
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    double s = 0;
                    for (int k = 0; k < r.length; k++) {
                        s += r[k][a] * r[k][b];
                    }
                    assertThat(s).isCloseTo(sigma[a][b], within(1e-14));
                }
                for (int b = 0; b < 3; b++) {
                    double s = 0;
                    for (int k = 0; k < r.length; k++) {
                        s += z[b][k] * r[k][a];
                    }
                    assertThat(s).isCloseTo(c[b][a], within(1e-14));
                }
            }
            Moments fromMoments = Moments.fromMoments(sigma, c, yy);
            assertThat(fromMoments.rank()).isEqualTo(fromSamples.rank());
            int[] widths = {4, 2, 3, 3};
            DeepLinearModel m1 = DeepLinearModel.of(widths, fromSamples);
            DeepLinearModel m2 = DeepLinearModel.of(widths, fromMoments);
            double[] theta = LinearStarts.gaussian(widths, 0.7, n);
            double[] g1 = new double[m1.dimension()];
            double[] g2 = new double[m1.dimension()];
            assertThat(m2.gradient(theta, g2)).isCloseTo(m1.gradient(theta, g1), within(1e-13));
            assertThat(TestData.relErr(g2, g1)).isLessThan(1e-13);
            assertThat(m2.minimumLoss()).isCloseTo(m1.minimumLoss(), within(1e-13));
            assertThat(fromMoments.leastSquaresLoss()).isCloseTo(fromSamples.leastSquaresLoss(), within(1e-13));
        }
    }

    /**
     * Interpolating data (n &lt; p, Y = X Bᵀ exactly): the square-root form resolves the loss at the fit and L* far
     * below ε·yy, where the moment form ½tr(WΣWᵀ) − tr(CWᵀ) + ½yy could not go.
     */
    @Test
    void interpolatingDataReachesLossesFarBelowRounding() {
        Random rnd = new Random(5);
        double[][] x = TestData.gaussian(3, 6, 1.0, rnd);
        double[][] b = TestData.gaussian(2, 6, 1.0, rnd);
        double[][] y = new double[3][2];
        for (int i = 0; i < 3; i++) {
            for (int a = 0; a < 2; a++) {
                for (int c = 0; c < 6; c++) {
                    y[i][a] += b[a][c] * x[i][c];
                }
            }
        }
        int[] widths = {6, 4, 2};
        DeepLinearModel model = DeepLinearModel.fromData(widths, x, y);
        assertThat(model.minimumLoss()).isLessThan(1e-28);
        double[] theta = LinearStarts.balancedFactorization(widths, b, 2);
        assertThat(model.loss(theta)).isLessThan(1e-26);
        double yy = model.moments().yy();
        assertThat(yy).isGreaterThan(1);
        // a nearby point: the loss is quadratic in the displacement down to ~1e-28
        double[] near = theta.clone();
        double[] dir = TestData.gaussian(theta.length, 1.0, new Random(6));
        double[] hv = new double[theta.length];
        model.hessianVector(theta, dir, hv);
        double curvature = TestData.dot(dir, hv);
        for (int i = 0; i < near.length; i++) {
            near[i] += 1e-13 * dir[i];
        }
        assertThat(model.loss(near)).isCloseTo(0.5 * 1e-26 * curvature, within(1e-2 * 0.5e-26 * curvature));
    }

    @Test
    void targetMomentsAreTheIdentityForm() {
        double[][] phi = {{1, 2, 3}, {4, 5, 6}};
        Moments m = Moments.target(phi);
        assertThat(m.isTarget()).isTrue();
        assertThat(m.factor()).isEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(m.cross()).isEqualTo(phi);
        assertThat(m.yy()).isEqualTo(91.0);
        assertThat(m.minimumLoss(1)).isCloseTo(0.5 * Math.pow(m.singularValues()[1], 2), within(1e-13));
        assertThat(m.leastSquaresLoss()).isZero();
    }

    @Test
    void rejectsInconsistentData() {
        double[][] singular = {{1, 0}, {0, 0}};
        // C outside the range of Σ: unbounded below
        assertThatThrownBy(() -> Moments.fromMoments(singular, new double[][] {{0.5, 0.5}}, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbounded");
        assertThat(Moments.fromMoments(singular, new double[][] {{0.5, 0}}, 1.0).rank()).isEqualTo(1);
        assertThatThrownBy(() -> Moments.fromMoments(new double[][] {{1, 2}, {2, 1}}, new double[][] {{1, 1}}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("semi-definite");
        assertThatThrownBy(() -> Moments.fromMoments(new double[][] {{1, 0.5}, {0, 1}}, new double[][] {{1, 1}}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> Moments.fromSamples(new double[][] {{0, 0}}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Moments.fromSamples(new double[][] {{1, 0}}, new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Moments.fromSamples(new double[][] {{1, Double.NaN}}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeepLinearModel.target(new int[] {3, 2, 2}, new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeepLinearModel.target(new int[] {2, 2}, new double[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
