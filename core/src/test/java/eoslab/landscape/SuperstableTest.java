package eoslab.landscape;

import eoslab.EoslabTest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The superstable parameters of the balanced map's period-doubling cascade, against decimal bisection. */
class SuperstableTest extends EoslabTest {

    private static final MathContext MC = new MathContext(50);

    /** models.md §1, to ten digits. */
    private static final String[] REFERENCE = {
        "1.1213203436", "1.2629896545", "1.2938433135", "1.3004747022", "1.3018960293"};

    /** Feigenbaum's δ (literature value). */
    private static final double DELTA = 4.669201609102990;

    @Test
    void parametersAreTheDecimalRootsOfMinimalPeriod() {
        double[] c = Superstable.parameters(5);
        assertThat(c).hasSize(6);
        assertThat(c[0]).isEqualTo(0.5);
        for (int n = 1; n <= 5; n++) {
            // independent: 50-digit bisection of g_n on the reference value ± 1e-9
            BigDecimal ref = new BigDecimal(REFERENCE[n - 1]);
            BigDecimal root = decimalRoot(n, ref.subtract(new BigDecimal("1e-9")), ref.add(new BigDecimal("1e-9")), 40);
            assertThat(distance(c[n], root)).as("c_%d", n).isLessThanOrEqualTo(0.5 * Math.ulp(c[n]));
            // the critical point has period exactly 2ⁿ there: not a root of g_{n−1}
            assertThat(decimalG(n - 1, root).abs().doubleValue()).isGreaterThan(1e-3);
            assertThat(Superstable.g(n, c[n])).isCloseTo(0.0, within(1e-13));
        }
        assertThat(c[1]).isCloseTo(BalancedMap.TWO_CYCLE_SUPERSTABLE, within(Math.ulp(c[1])));
        assertThat(Superstable.parameters(Superstable.MAX_ORDER)).startsWith(c);
    }

    @Test
    void higherOrdersAreAccurateToo() {
        double[] c = Superstable.parameters(Superstable.MAX_ORDER);
        for (int n = 6; n <= Superstable.MAX_ORDER; n++) {
            BigDecimal guess = new BigDecimal(c[n]);
            BigDecimal width = new BigDecimal("1e-12");
            BigDecimal root = decimalRoot(n, guess.subtract(width), guess.add(width), 24);
            assertThat(distance(c[n], root)).as("c_%d", n).isLessThanOrEqualTo(0.5 * Math.ulp(c[n]));
            assertThat(decimalG(n - 1, root).abs().doubleValue()).isGreaterThan(1e-6);
            assertThat(c[n]).isGreaterThan(c[n - 1]);
        }
        Class<IllegalArgumentException> bad = IllegalArgumentException.class;
        assertThatThrownBy(() -> Superstable.parameters(Superstable.MAX_ORDER + 1)).isInstanceOf(bad);
        assertThatThrownBy(() -> Superstable.parameters(-1)).isInstanceOf(bad);
    }

    @Test
    void gapRatiosApproachFeigenbaumAndTheCascadeAccumulates() {
        double[] c = Superstable.parameters(10);
        double[] delta = Superstable.ratios(c);
        assertThat(delta).hasSize(9);
        assertThat(delta[0]).isCloseTo((c[1] - c[0]) / (c[2] - c[1]), within(1e-15));
        for (int k = 1; k < delta.length; k++) {
            assertThat(Math.abs(delta[k] - DELTA)).isLessThan(Math.abs(delta[k - 1] - DELTA));
        }
        assertThat(delta[3]).isCloseTo(4.669, within(5e-3));
        assertThat(delta[8]).isCloseTo(DELTA, within(5e-6));
        double early = Superstable.accumulation(Arrays.copyOf(c, 6));
        assertThat(early).isCloseTo(1.3023, within(5e-5));
        assertThat(Superstable.accumulation(c)).isCloseTo(early, within(1e-5)).isGreaterThan(c[10]);
        assertThatThrownBy(() -> Superstable.accumulation(new double[] {0.5, 1.1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double distance(double x, BigDecimal exact) {
        return new BigDecimal(x).subtract(exact).abs().doubleValue();
    }

    /** g_n(c) = f_c^{2ⁿ}((1 + c)/3) − (1 + c)/3 in 50-digit decimal arithmetic. */
    private static BigDecimal decimalG(int n, BigDecimal c) {
        BigDecimal s = BigDecimal.ONE.add(c);
        BigDecimal zc = s.divide(BigDecimal.valueOf(3), MC);
        BigDecimal z = zc;
        for (int t = 0; t < 1 << n; t++) {
            BigDecimal u = s.subtract(z);
            z = z.multiply(u, MC).multiply(u, MC);
        }
        return z.subtract(zc);
    }

    /** Bisection of the decimal g_n on [lo, hi], which must hold a sign change. */
    private static BigDecimal decimalRoot(int n, BigDecimal lo, BigDecimal hi, int halvings) {
        int sign = decimalG(n, lo).signum();
        assertThat(decimalG(n, hi).signum()).as("sign change of g_%d", n).isEqualTo(-sign);
        BigDecimal half = new BigDecimal("0.5");
        for (int i = 0; i < halvings; i++) {
            BigDecimal mid = lo.add(hi).multiply(half);
            if (decimalG(n, mid).signum() == sign) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
