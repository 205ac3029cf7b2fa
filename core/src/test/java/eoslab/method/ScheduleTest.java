package eoslab.method;

import eoslab.EoslabTest;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every schedule gives the η_k it promises at every step, against references computed independently (in 40-digit
 * decimal arithmetic where the formula allows), exactly at the ends it promises exactly, and a listed schedule has no
 * step past its list.
 */
class ScheduleTest extends EoslabTest {
    private static final MathContext MC = new MathContext(40);
    private static final int STEPS = 3000;

    /** |x − y| within n ulps of y. */
    private static void closeUlps(double x, double y, int n, String what) {
        assertThat(Math.abs(x - y)).as(what + ": " + x + " vs " + y).isLessThanOrEqualTo(n * Math.ulp(y));
    }

    @Test
    void constant() {
        Schedule s = new Schedule.Constant(0.37);
        for (int k = 0; k < STEPS; k++) {
            assertThat(s.eta(k)).isEqualTo(0.37);
        }
        assertThat(s.isConstant()).isTrue();
        assertThat(s.nominal()).isEqualTo(0.37);
    }

    @Test
    void warmupIsLinearFromItsStartToTheTargetThenConstant() {
        double eta = 0.9;
        double start = 0.05;
        long steps = 700;
        Schedule s = new Schedule.Warmup(eta, start, steps);
        assertThat(s.eta(0)).isEqualTo(start);
        BigDecimal e = new BigDecimal(eta);
        BigDecimal s0 = new BigDecimal(start);
        for (int k = 0; k < STEPS; k++) {
            double expected = k >= steps ? eta : s0.add(e.subtract(s0).multiply(new BigDecimal(k))
                    .divide(new BigDecimal(steps), MC)).doubleValue();
            if (k >= steps) {
                assertThat(s.eta(k)).as("step %d", k).isEqualTo(eta);
            } else {
                closeUlps(s.eta(k), expected, 3, "warmup step " + k);
            }
            if (k > 0 && k <= steps) {
                assertThat(s.eta(k)).as("increasing at %d", k).isGreaterThan(s.eta(k - 1));
            }
        }
        assertThat(s.nominal()).isEqualTo(eta);
        assertThat(new Schedule.Warmup(eta, 0.0, 10).eta(0)).isZero();
    }

    @Test
    void cosineDecaysFromEtaToItsMinimumThenStays() {
        double eta = 1.2;
        double min = 0.1;
        long period = 1000;
        Schedule s = new Schedule.Cosine(eta, min, period);
        assertThat(s.eta(0)).isEqualTo(eta);
        for (int k = 0; k < STEPS; k++) {
            if (k >= period) {
                assertThat(s.eta(k)).isEqualTo(min);
                continue;
            }
            // independent form: η_min + (η − η_min)·cos²(πk/(2T))
            double c = Math.cos(Math.PI * k / (2.0 * period));
            double expected = new BigDecimal(min).add(new BigDecimal(eta).subtract(new BigDecimal(min))
                    .multiply(new BigDecimal(c * c), MC)).doubleValue();
            assertThat(s.eta(k)).as("cosine step %d", k).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
        }
        closeUlps(s.eta(period / 2), 0.5 * (eta + min), 2, "cosine midpoint");
    }

    @Test
    void stepDecayMultipliesEveryKSteps() {
        double eta = 0.8;
        double gamma = 0.7;
        long every = 250;
        Schedule s = new Schedule.StepDecay(eta, every, gamma);
        for (int k = 0; k < STEPS; k++) {
            int j = (int) (k / every);
            double expected = new BigDecimal(eta).multiply(new BigDecimal(gamma).pow(j, MC), MC).doubleValue();
            closeUlps(s.eta(k), expected, 2, "step decay " + k);
        }
        assertThat(s.eta(every - 1)).isEqualTo(eta);
        assertThat(s.isConstant()).isFalse();
        assertThat(new Schedule.StepDecay(eta, every, 1.0).isConstant()).isTrue();
    }

    @Test
    void exponentialIsGeometric() {
        double eta = 0.5;
        double gamma = 0.999;
        Schedule s = new Schedule.Exponential(eta, gamma);
        assertThat(s.eta(0)).isEqualTo(eta);
        for (int k = 0; k < STEPS; k++) {
            double expected = new BigDecimal(eta).multiply(new BigDecimal(gamma).pow(k, MC), MC).doubleValue();
            closeUlps(s.eta(k), expected, 2, "exp step " + k);
        }
    }

    @Test
    void listedGivesItsValuesAndNothingPastThem() {
        double[] v = {0.1, 0.2, 0.0, 0.35};
        Schedule s = new Schedule.Listed(0.3, v);
        for (int k = 0; k < v.length; k++) {
            assertThat(s.eta(k)).isEqualTo(v[k]);
        }
        assertThat(s.length()).isEqualTo(4);
        assertThatThrownBy(() -> s.eta(4)).isInstanceOf(IllegalStateException.class);
        v[0] = 9;
        assertThat(s.eta(0)).as("copied").isEqualTo(0.1);
        assertThat(new Schedule.Listed(0.3, new double[] {0.1, 0.2, 0.0, 0.35})).isEqualTo(s);
    }

    @Test
    void invalidParametersAreRefused() {
        assertThatThrownBy(() -> new Schedule.Warmup(1, -0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Warmup(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Cosine(1, Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.StepDecay(1, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Exponential(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Listed(1, new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Listed(1, new double[] {0.1, -1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeavyBall(1.0, new Schedule.Constant(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Nesterov(-0.1, new Schedule.Constant(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clockIsEtaKOverOneMinusBetaAndSumsAVaryingSchedule() {
        Clock gd = new Clock(GradientDescent.constant(0.3));
        assertThat(gd.time(7)).isEqualTo(0.3 * 7);
        Clock hb = new Clock(new HeavyBall(0.75, new Schedule.Constant(0.3)));
        assertThat(hb.time(8)).isCloseTo(0.3 * 8 / 0.25, org.assertj.core.data.Offset.offset(1e-14));
        Schedule w = new Schedule.Warmup(0.4, 0.0, 10);
        Clock nw = new Clock(new Nesterov(0.5, w));
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k <= 30; k++) {
            assertThat(nw.time(k)).as("t_%d", k).isCloseTo(sum.doubleValue() * 2.0,
                    org.assertj.core.data.Offset.offset(1e-14));
            sum = sum.add(new BigDecimal(w.eta(k)));
        }
        assertThat(nw.time(3)).as("going back").isCloseTo(2.0 * (w.eta(0) + w.eta(1) + w.eta(2)),
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void stabilityEdgesAndRatesFollowTheCompanionMatrices() {
        double eta = 0.4;
        double lambda = 3.0;
        assertThat(GradientDescent.constant(eta).stabilityEdge(0L)).isEqualTo(2 / eta);
        HeavyBall hb = new HeavyBall(0.3, new Schedule.Constant(eta));
        Nesterov n = new Nesterov(0.3, new Schedule.Constant(eta));
        assertThat(hb.stabilityEdge(0L)).isCloseTo(2.6 / eta, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(n.stabilityEdge(0L)).isCloseTo(2.6 / 1.6 / eta, org.assertj.core.data.Offset.offset(1e-12));
        // spectral radius from the eigenvalues of the companion matrices, computed by Hipparchus
        assertThat(hb.linearRate(eta, lambda)).isCloseTo(radius(-(1.3 - eta * lambda), 0.3),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(n.linearRate(eta, lambda)).isCloseTo(radius(-(1 - eta * lambda) * 1.3, (1 - eta * lambda) * 0.3),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hb.linearRate(0.1, 1.0)).isCloseTo(radius(-(1.3 - 0.1), 0.3),
                org.assertj.core.data.Offset.offset(1e-12));
        // at the edge the rate is 1
        assertThat(hb.linearRate(eta, hb.stabilityEdge(0L))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(n.linearRate(eta, n.stabilityEdge(0L))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static double radius(double a1, double a0) {
        org.hipparchus.linear.RealMatrix c = org.hipparchus.linear.MatrixUtils.createRealMatrix(
                new double[][] {{-a1, -a0}, {1, 0}});
        org.hipparchus.linear.EigenDecompositionNonSymmetric e = new org.hipparchus.linear
                .EigenDecompositionNonSymmetric(c);
        double r = 0;
        for (org.hipparchus.complex.Complex z : e.getEigenvalues()) {
            r = Math.max(r, z.norm());
        }
        return r;
    }
}
