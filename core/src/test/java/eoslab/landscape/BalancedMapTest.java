package eoslab.landscape;

import eoslab.EoslabTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The balanced cubic map f_c(z) = z(1 + c − z)² against GD itself and 50-digit decimal iteration. */
class BalancedMapTest extends EoslabTest {

    private static final MathContext MC = new MathContext(50);

    @Test
    void gdOnBalancedStartsIsTheCubicMapOnBothBranchesAndSigns() {
        Random rnd = new Random(1L);
        for (double phi : new double[] {0.7, -0.7, 3.0, -3.0, 0.0}) {
            for (boolean sum : new boolean[] {true, false}) {
                double c = 0.2 + 1.1 * rnd.nextDouble();
                double eta = phi == 0.0 ? c : c / Math.abs(phi);
                double w0 = 0.05 + 1.5 * rnd.nextDouble();
                double m0 = (sum ? 1 : -1) * w0 / eta;
                // a = b: r = 0 (q = 0), m ≥ 0; a = −b: s = 0 (p = 0), m ≤ 0
                double side = 2 * Math.sqrt(Math.abs(m0));
                ReducedLoop gd = new ReducedLoop(phi, sum ? side : 0.0, sum ? 0.0 : side, eta);
                BalancedMap map = BalancedMap.of(eta, phi, m0);
                double kappa = phi == 0.0 ? 0.0 : Math.signum(m0) == Math.signum(phi) ? c : -c;
                assertThat(map.c()).isCloseTo(kappa, within(1e-15));
                double w = w0;
                for (int t = 0; t < 40 && gd.step(); t++) {
                    w = map.apply(w);
                    assertThat(Math.abs(gd.product()) * eta).as("phi %s, a = %sb, step %d", phi, sum ? "" : "-", t)
                            .isCloseTo(w, within(1e-11 * (1 + w)));
                    assertThat(gd.imbalance()).isZero();
                    assertThat(gd.norm()).isCloseTo(2 * Math.abs(gd.product()), within(1e-12 * gd.norm()));
                }
            }
        }
    }

    @Test
    void fixedPointMultiplierAndRegimes() {
        for (double c : new double[] {0.1, 0.3, 0.49, 0.51, 0.7, 0.98, 1.01, 1.5, -0.2}) {
            BalancedMap map = new BalancedMap(c);
            assertThat(map.apply(c)).isCloseTo(c, within(1e-15));
            double h = 1e-6;
            double slope = (map.apply(c + h) - map.apply(c - h)) / (2 * h);
            assertThat(map.fixedPointMultiplier()).isCloseTo(slope, within(1e-8));
            assertThat(map.derivative(c)).isCloseTo(map.fixedPointMultiplier(), within(1e-15));
            // decimal orbit from c + 0.01: converges iff stable, without changing side iff monotone
            BigDecimal dc = new BigDecimal(c);
            BigDecimal z = dc.add(new BigDecimal("0.01"));
            boolean sideChanged = false;
            for (int t = 0; t < 3000; t++) {
                z = decimalF(dc, z);
                sideChanged |= z.compareTo(dc) < 0;
            }
            boolean converged = z.subtract(dc).abs().compareTo(new BigDecimal("1e-30")) < 0;
            assertThat(map.fixedPointStable()).as("c = %s", c).isEqualTo(converged);
            if (converged) {
                assertThat(map.fixedPointMonotone()).as("c = %s", c).isEqualTo(!sideChanged);
            }
        }
    }

    @Test
    void twoCycleValuesAndMultiplierAgainstDecimalIteration() {
        for (double c : new double[] {1.02, 1.1, BalancedMap.TWO_CYCLE_SUPERSTABLE, 1.2, 1.23}) {
            BalancedMap map = new BalancedMap(c);
            double[] cycle = map.twoCycle();
            double s = 1 + c;
            assertThat(cycle[1]).isCloseTo((s + Math.sqrt(s * s - 4)) / 2, within(2e-16 * cycle[1]));
            assertThat(cycle[0]).isCloseTo((s - Math.sqrt(s * s - 4)) / 2, within(1e-15));
            assertThat(map.twoCycleMultiplier()).isEqualTo(9 - 2 * s * s);
            assertThat(map.twoCycleStable()).isTrue();
            BigDecimal[] orbit = decimalAttractor(c, 2);
            BigDecimal lower = orbit[0].min(orbit[1]);
            BigDecimal upper = orbit[0].max(orbit[1]);
            assertThat(cycle[0]).isCloseTo(lower.doubleValue(), within(2 * Math.ulp(cycle[0])));
            assertThat(cycle[1]).isCloseTo(upper.doubleValue(), within(2 * Math.ulp(cycle[1])));
            BigDecimal dc = new BigDecimal(c);
            double multiplier = decimalDerivative(dc, lower).multiply(decimalDerivative(dc, upper), MC).doubleValue();
            assertThat(map.twoCycleMultiplier()).isCloseTo(multiplier, within(1e-14));
            assertThat(lower.multiply(upper, MC).doubleValue()).isCloseTo(1.0, within(1e-15));
            // (1 − η²ε²) over the cycle, ηε = z − c on the reaching branch
            BigDecimal factor = BigDecimal.ONE.subtract(lower.subtract(dc).pow(2))
                    .multiply(BigDecimal.ONE.subtract(upper.subtract(dc).pow(2)), MC);
            assertThat(map.imbalanceFactorPerCycle()).isCloseTo(factor.doubleValue(), within(1e-14));
        }
        BalancedMap superstable = new BalancedMap(BalancedMap.TWO_CYCLE_SUPERSTABLE);
        assertThat(superstable.twoCycleMultiplier()).isCloseTo(0.0, within(1e-14));
        assertThat(superstable.twoCycle()[0]).isCloseTo(superstable.criticalPoint(), within(1e-15));
        assertThatThrownBy(() -> new BalancedMap(0.9).twoCycle()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoCycleWindowEndsAtRootFiveMinusOne() {
        double end = BalancedMap.TWO_CYCLE_STABLE_END;
        assertThat(new BalancedMap(end - 1e-3).twoCycleStable()).isTrue();
        assertThat(new BalancedMap(end + 1e-3).twoCycleStable()).isFalse();
        assertThat(new BalancedMap(end).twoCycleMultiplier()).isCloseTo(-1.0, within(1e-14));
        assertThat(new BalancedMap(1.0).twoCycleMultiplier()).isEqualTo(1.0);
        // past the end the decimal orbit settles on a 4-cycle instead
        BigDecimal[] four = decimalAttractor(end + 0.015, 4);
        assertThat(four[0].subtract(four[2]).abs().doubleValue()).isGreaterThan(1e-2);
        assertThat(decimalAttractor(end - 0.01, 2)).isNotNull();
    }

    @Test
    void imbalanceShrinksByThreeMinusTwoCPerCycleNearTheBalancedCycle() {
        for (double c : new double[] {1.1, 1.2}) {
            double phi = -2.0;
            double eta = c / Math.abs(phi);
            double[] cycle = new BalancedMap(c).twoCycle();
            // a = −b (the reaching branch for Φ < 0) plus a tiny a − b component
            double m0 = -cycle[1] / eta;
            ReducedLoop gd = new ReducedLoop(phi, 1e-30, 2 * Math.sqrt(-m0), eta);
            for (int t = 0; t < 400; t++) {
                gd.step();
            }
            double q0 = gd.imbalance();
            gd.step();
            gd.step();
            double factor = Math.abs(new BalancedMap(c).imbalanceFactorPerCycle());
            assertThat(gd.imbalance() / q0).isCloseTo(factor, within(1e-9));
        }
    }

    @Test
    void lyapunovExponentAtTwoIsLnThree() {
        BalancedMap map = new BalancedMap(2.0);
        // f_2(4 sin²θ) = 4 sin²(3θ); a generic angle, not a rational multiple of π
        double z0 = 4 * Math.pow(Math.sin(Math.sqrt(2.0) - 0.3), 2);
        int skip = 100;
        int steps = 1_000_000;
        assertThat(map.lyapunovExponent(z0, skip, steps)).isCloseTo(Math.log(3.0), within(1e-2));
        // guard: the orbit did not fall onto a fixed or periodic point (its last 1000 iterates are distinct, in (0, 4))
        java.util.Set<Double> tail = new java.util.HashSet<>();
        double z = z0;
        for (int t = 0; t < skip + steps; t++) {
            z = map.apply(z);
            if (t >= skip + steps - 1000) {
                assertThat(z).isStrictlyBetween(0.0, 4.0);
                tail.add(z);
            }
        }
        assertThat(tail).hasSize(1000);
        // a stable 2-cycle has exponent ½ ln|9 − 2(1 + c)²|
        BalancedMap periodic = new BalancedMap(1.2);
        assertThat(periodic.lyapunovExponent(1.5, 2000, 10_000))
                .isCloseTo(0.5 * Math.log(Math.abs(periodic.twoCycleMultiplier())), within(1e-9));
    }

    private static BigDecimal decimalF(BigDecimal c, BigDecimal z) {
        BigDecimal u = BigDecimal.ONE.add(c).subtract(z);
        return z.multiply(u, MC).multiply(u, MC);
    }

    private static BigDecimal decimalDerivative(BigDecimal c, BigDecimal z) {
        BigDecimal s = BigDecimal.ONE.add(c);
        return s.subtract(z).multiply(s.subtract(z.multiply(BigDecimal.valueOf(3))), MC);
    }

    /** A decimal orbit from the critical point, iterated until it repeats with the given period to 1e-40. */
    private static BigDecimal[] decimalAttractor(double c, int period) {
        BigDecimal dc = new BigDecimal(c);
        BigDecimal z = BigDecimal.ONE.add(dc).divide(BigDecimal.valueOf(3), MC);
        BigDecimal[] window = new BigDecimal[period];
        for (int t = 0; t < 20_000; t++) {
            for (int k = 0; k < period; k++) {
                window[k] = z;
                z = decimalF(dc, z);
            }
            if (z.subtract(window[0]).abs().compareTo(new BigDecimal("1e-40")) < 0) {
                return window;
            }
        }
        throw new AssertionError("no attracting " + period + "-cycle at c = " + c);
    }
}
