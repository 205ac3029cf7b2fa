package eoslab.model.linear;

import eoslab.EoslabTest;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scalar chain: its closed-form gradient-flow limit (root find and branch rule) against Dormand–Prince 8(5,3) on
 * the model's gradient flow, its sharpness at minima against the dense Hessian, and the flattest minimum.
 */
class ScalarChainTest extends EoslabTest {

    record Start(String name, double phi, double[] w0, boolean flips) {
        @Override
        public String toString() {
            return name;
        }
    }

    static java.util.stream.Stream<Start> starts() {
        return java.util.stream.Stream.of(
                new Start("D=3 product below Φ", 1.0, new double[] {0.5, 0.8, 1.2}, false),
                new Start("D=3 product above Φ", 1.0, new double[] {1.5, 1.2, 0.9}, false),
                new Start("D=3 wrong sign: smallest flips", 1.0, new double[] {0.9, -0.4, 1.3}, true),
                new Start("D=4 Φ<0 right sign", -2.0, new double[] {0.7, 1.1, -0.9, 1.3}, false),
                new Start("D=4 Φ<0 wrong sign", -0.5, new double[] {0.6, 0.9, 1.1, 0.8}, true),
                new Start("D=2 a zero coordinate", 2.0, new double[] {0.0, 1.0}, true),
                new Start("D=2 shallow", 1.5, new double[] {0.3, -2.0}, true),
                new Start("D=5", 0.3, new double[] {0.9, -0.7, 1.1, -0.8, 0.6}, false),
                new Start("D=3 Φ=0", 0.0, new double[] {0.5, 0.8, -1.2}, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void closedFormLimitMatchesTheOde(Start s) {
        ScalarChain chain = new ScalarChain(s.w0().length, s.phi());
        ScalarChain.Limit limit = chain.gradientFlowLimit(s.w0());
        assertThat(limit.saddle()).isFalse();
        double[] ode = Flow.integrate(chain.model(), s.w0(), s.phi() == 0 ? 120 : 60);
        assertThat(TestData.maxAbsDiff(ode, limit.w())).isLessThan(1e-9);
        for (int i = 0; i < s.w0().length; i++) {
            assertThat(limit.w()[i] * limit.w()[i] - s.w0()[i] * s.w0()[i])
                    .isCloseTo(limit.shift(), org.assertj.core.data.Offset.offset(1e-14));
        }
        double prod = 1;
        boolean flipped = false;
        for (int i = 0; i < s.w0().length; i++) {
            prod *= limit.w()[i];
            flipped |= Math.signum(limit.w()[i]) != Math.signum(s.w0()[i]) && limit.w()[i] != 0;
        }
        assertThat(prod).isCloseTo(s.phi(), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(flipped).isEqualTo(s.flips());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void sharpnessAtTheLimitIsTheTopHessianEigenvalue(Start s) {
        ScalarChain chain = new ScalarChain(s.w0().length, s.phi());
        double[] w = chain.gradientFlowLimit(s.w0()).w();
        double top = topEigenvalue(chain.model(), w);
        double closed = ScalarChain.sharpnessAtMinimum(w);
        assertThat(Math.abs(top - closed)).isLessThan(1e-13 * Math.max(1, closed));
        if (s.phi() != 0) {
            double alt = 0;
            for (double wi : w) {
                alt += s.phi() * s.phi() / (wi * wi);
            }
            assertThat(Math.abs(alt - closed)).isLessThan(1e-13 * closed);
            assertThat(closed).isGreaterThanOrEqualTo(chain.flattestSharpness() * (1 - 1e-14));
        }
    }

    @Test
    void flattestMinimumIsBalancedWithSharpnessDPhiToTheTwoMinusTwoOverD() {
        Random rnd = new Random(4);
        for (int depth = 2; depth <= 6; depth++) {
            for (double phi : new double[] {0.5, -3.0}) {
                ScalarChain chain = new ScalarChain(depth, phi);
                double[] flat = chain.flattestMinimum();
                DeepLinearModel model = chain.model();
                assertThat(model.loss(flat)).isLessThan(1e-30);
                double expected = depth * Math.pow(Math.abs(phi), 2 - 2.0 / depth);
                assertThat(chain.flattestSharpness()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
                assertThat(topEigenvalue(model, flat)).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(1e-13 * expected));
                // random minima are sharper
                for (int rep = 0; rep < 20; rep++) {
                    double[] w = new double[depth];
                    double prod = 1;
                    for (int i = 0; i < depth - 1; i++) {
                        w[i] = Math.exp(rnd.nextGaussian()) * (rnd.nextBoolean() ? 1 : -1);
                        prod *= w[i];
                    }
                    w[depth - 1] = phi / prod;
                    assertThat(topEigenvalue(model, w)).isGreaterThanOrEqualTo(expected * (1 - 1e-13));
                }
            }
        }
    }

    @Test
    void wrongSignWithTiedSmallestCoordinatesEndsAtTheSaddle() {
        ScalarChain chain = new ScalarChain(3, 1.0);
        ScalarChain.Limit limit = chain.gradientFlowLimit(new double[] {-0.5, 0.5, 1.0});
        assertThat(limit.saddle()).isTrue();
        assertThat(limit.w()).containsExactly(0.0, 0.0, Math.sqrt(0.75));
        assertThat(limit.shift()).isEqualTo(-0.25);
        double[] grad = new double[3];
        assertThat(chain.model().gradient(limit.w(), grad)).isEqualTo(0.5);
        assertThat(TestData.maxAbs(grad)).isZero();
        // with the right sign, ties are harmless
        ScalarChain.Limit ok = chain.gradientFlowLimit(new double[] {0.5, 0.5, 1.0});
        assertThat(ok.saddle()).isFalse();
        assertThat(ok.w()[0] * ok.w()[1] * ok.w()[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void rootFindIsAccurateOnExtremeStarts() {
        // tiny root: the smallest coordinate ends near 1e-6 while the others barely move
        ScalarChain chain = new ScalarChain(3, 1e-4);
        ScalarChain.Limit limit = chain.gradientFlowLimit(new double[] {1e-3, 10, 10});
        double prod = limit.w()[0] * limit.w()[1] * limit.w()[2];
        assertThat(Math.abs(prod - 1e-4)).isLessThan(1e-15 * 1e-4 * 10);
        // deep chain with large spread
        Random rnd = new Random(8);
        double[] w0 = new double[50];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = Math.exp(0.5 * rnd.nextGaussian());
        }
        ScalarChain deep = new ScalarChain(50, 7.0);
        double[] w = deep.gradientFlowLimit(w0).w();
        double logProd = 0;
        for (double wi : w) {
            logProd += Math.log(wi);
        }
        assertThat(logProd).isCloseTo(Math.log(7.0), org.assertj.core.data.Offset.offset(1e-13));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new ScalarChain(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScalarChain(3, 1.0).gradientFlowLimit(new double[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static double topEigenvalue(eoslab.model.Model model, double[] theta) {
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(TestData.hessian(model, theta)))
                .getEigenvalues()[0];
    }
}
