package eoslab.landscape;

import eoslab.EoslabTest;
import eoslab.landscape.ConvergenceBoundary.Bound;
import eoslab.landscape.ReducedLoop.Fate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The convergence boundary η* and the F law (models.md §1) against real GD runs and decimal arithmetic. */
class ConvergenceBoundaryTest extends EoslabTest {

    private static final MathContext MC = new MathContext(60);
    private static final double ULP1 = Math.ulp(1.0);

    private record Start(double phi, double p, double q) {
        double m0() {
            return (p * p - q * q) / 4.0;
        }

        double lambda0() {
            return (p * p + q * q) / 2.0;
        }

        static Start of(double phi, double m0, double lambda0) {
            return new Start(phi, Math.sqrt(lambda0 + 2.0 * m0), Math.sqrt(lambda0 - 2.0 * m0));
        }
    }

    /**
     * Canonical starts: Φ = 0 (10%) or ±10^U(−3,3); λ₀ = |Φ|·10^U(−4,3); m₀ generic, nearly balanced on either branch,
     * exactly balanced on the branch that reaches Φ, or near a minimum. Exactly balanced starts on the other branch
     * (they never reach Φ) and any balanced start at Φ = 0 (it creeps into the degenerate minimum a = b = 0) form the
     * measure-zero exceptions of the theorem and are not drawn.
     */
    private static Start canonical(Random rnd) {
        double phi = rnd.nextInt(10) == 0 ? 0.0 : sign(rnd) * Math.pow(10, -3 + 6 * rnd.nextDouble());
        double unit = phi == 0.0 ? 1.0 : Math.abs(phi);
        double lambda0 = unit * Math.pow(10, -4 + 7 * rnd.nextDouble());
        double half = 0.5 * lambda0;
        switch (phi == 0.0 ? 0 : rnd.nextInt(4)) {
            case 0:
                return Start.of(phi, (2 * rnd.nextDouble() - 1) * half, lambda0);
            case 1:
                return Start.of(phi, sign(rnd) * half * (1 - Math.pow(10, -12 * rnd.nextDouble())), lambda0);
            case 2:
                return Start.of(phi, Math.signum(phi) * half, lambda0);
            default:
                double m0 = phi + unit * 1e-4 * rnd.nextGaussian();
                return Start.of(phi, m0, Math.max(lambda0, 2 * Math.abs(m0)) * (1 + rnd.nextDouble()));
        }
    }

    /** Vector starts: widths 1…100, Gaussian a and b of independent random scales, reduced to p = ‖a+b‖, q = ‖a−b‖. */
    private static Start vector(Random rnd) {
        double phi = rnd.nextInt(10) == 0 ? 0.0 : sign(rnd) * Math.pow(10, -2 + 4 * rnd.nextDouble());
        int d = 1 + rnd.nextInt(100);
        double unit = Math.sqrt((phi == 0.0 ? 1.0 : Math.abs(phi)) / d);
        double sa = unit * Math.pow(10, -2 + 3 * rnd.nextDouble());
        double sb = unit * Math.pow(10, -2 + 3 * rnd.nextDouble());
        double u = 0.0;
        double v = 0.0;
        for (int i = 0; i < d; i++) {
            double a = sa * rnd.nextGaussian();
            double b = sb * rnd.nextGaussian();
            u += (a + b) * (a + b);
            v += (a - b) * (a - b);
        }
        return new Start(phi, Math.sqrt(u), Math.sqrt(v));
    }

    @Test
    void gdConvergesJustBelowTheBoundaryAndNotJustAbove() {
        Random rnd = new Random(20260101L);
        Map<Bound, Integer> bounds = new EnumMap<>(Bound.class);
        int diverged = 0;
        for (int i = 0; i < 4000; i++) {
            Start s = i < 3000 ? canonical(rnd) : vector(rnd);
            ConvergenceBoundary b = ConvergenceBoundary.of(s.phi(), s.m0(), s.lambda0());
            bounds.merge(b.bound(), 1, Integer::sum);
            Fate below = new ReducedLoop(s.phi(), s.p(), s.q(), 0.97 * b.eta()).run(1_000_000);
            Fate above = new ReducedLoop(s.phi(), s.p(), s.q(), 1.03 * b.eta()).run(20_000);
            assertThat(below).as("0.97 eta* at %s, bound %s", s, b.bound()).isEqualTo(Fate.CONVERGED);
            assertThat(above).as("1.03 eta* at %s, bound %s", s, b.bound()).isNotEqualTo(Fate.CONVERGED);
            if (b.bound() != Bound.BEYOND) {
                assertThat(above).as("1.03 eta* at %s, bound %s", s, b.bound()).isEqualTo(Fate.DIVERGED);
            }
            diverged += above == Fate.DIVERGED ? 1 : 0;
        }
        assertThat(bounds.get(Bound.BEYOND)).isGreaterThan(1000);
        assertThat(bounds.get(Bound.NORM)).isGreaterThan(1000);
        assertThat(bounds.get(Bound.CATAPULT)).isGreaterThan(200);
        assertThat(diverged).isLessThan(4000);
    }

    @Test
    void matchesTheDecimalFormulaFromOrdinaryToExtremeScales() {
        Random rnd = new Random(7L);
        for (int i = 0; i < 2000; i++) {
            Start s = i % 2 == 0 ? canonical(rnd) : vector(rnd);
            double scale = Math.scalb(1.0, (i % 5 - 2) * 400 + rnd.nextInt(21) - 10);
            double phi = s.phi() * scale;
            double m0 = s.m0() * scale;
            double lambda0 = s.lambda0() * scale;
            assertThat(ConvergenceBoundary.of(phi, m0, lambda0).eta())
                    .as("%s scaled by %s", s, scale)
                    .isCloseTo(decimalEtaStar(phi, m0, lambda0), Percentage.withPercentage(4e-14));
        }
    }

    @Test
    void scaleInvarianceIsExactForPowersOfFour() {
        Random rnd = new Random(11L);
        for (int k = -15; k <= 15; k++) {
            for (double sign : new double[] {1.0, -1.0}) {
                double phi = sign * Math.scalb(1.0, 2 * k);
                for (int i = 0; i < 20; i++) {
                    double lambda0 = Math.abs(phi) * Math.pow(10, -3 + 5 * rnd.nextDouble());
                    double m0 = (rnd.nextDouble() - 0.5) * lambda0;
                    ConvergenceBoundary big = ConvergenceBoundary.of(phi, m0, lambda0);
                    double size = Math.abs(phi);
                    ConvergenceBoundary unit = ConvergenceBoundary.of(sign, m0 / size, lambda0 / size);
                    assertThat(big.eta()).isEqualTo(unit.eta() / size);
                    assertThat(big.bound()).isEqualTo(unit.bound());
                }
            }
        }
    }

    @Test
    void fVanishesAtTheNormBoundAndItsSignIsTheCriterion() {
        Random rnd = new Random(3L);
        int norm = 0;
        for (int i = 0; i < 3000; i++) {
            Start s = canonical(rnd);
            ConvergenceBoundary b = ConvergenceBoundary.of(s.phi(), s.m0(), s.lambda0());
            double nb = ConvergenceBoundary.normBound(s.phi(), s.m0(), s.lambda0());
            double terms = s.lambda0() + 4.0 / nb + Math.abs(nb * s.phi() * (s.m0() - s.phi()));
            double atRoot = ConvergenceBoundary.f(s.phi(), s.m0(), s.lambda0(), nb);
            assertThat(Math.abs(atRoot)).isLessThanOrEqualTo(8 * ULP1 * terms);
            if (b.bound() == Bound.NORM) {
                norm++;
                assertThat(ConvergenceBoundary.f(s.phi(), s.m0(), s.lambda0(), 0.999 * b.eta())).isNegative();
                assertThat(ConvergenceBoundary.f(s.phi(), s.m0(), s.lambda0(), 1.001 * b.eta())).isPositive();
            }
            double u = 2 * rnd.nextDouble();
            if (Math.abs(u - 1) > 1e-6) {
                assertThat(ConvergenceBoundary.converges(s.phi(), s.m0(), s.lambda0(), u * b.eta())).isEqualTo(u < 1);
            }
        }
        assertThat(norm).isGreaterThan(500);
    }

    @Test
    void fLawHoldsAlongRealRunsToRounding() {
        Random rnd = new Random(5L);
        double[] rel = {0.3, 0.97, 0.999, 1.03, 1.5};
        double worstStep = 0.0;
        double worstProduct = 0.0;
        int steps = 0;
        for (int i = 0; i < 300; i++) {
            Start s = i % 3 == 0 ? vector(rnd) : canonical(rnd);
            double eta = rel[i % rel.length] * ConvergenceBoundary.of(s.phi(), s.m0(), s.lambda0()).eta();
            ReducedLoop gd = new ReducedLoop(s.phi(), s.p(), s.q(), eta);
            double f0 = fOf(gd, s.phi(), eta);
            double terms0 = terms(gd, s.phi(), eta);
            double product = f0;
            double previous = f0;
            double previousTerms = terms0;
            for (int t = 1; t <= 3000; t++) {
                double factor = ConvergenceBoundary.factor(eta, gd.product(), gd.eps());
                if (!gd.step()) {
                    break;
                }
                steps++;
                double ft = fOf(gd, s.phi(), eta);
                double termsT = terms(gd, s.phi(), eta);
                product *= factor;
                // rounding scales: one step's evaluation; (t + 1) roundings of the product, plus F₀'s own error
                double stepScale = termsT + Math.abs(factor) * previousTerms;
                double productScale = (t + 1) * Math.abs(product) + termsT + terms0 * Math.abs(product / f0);
                worstStep = Math.max(worstStep, Math.abs(ft - factor * previous) / (ULP1 * stepScale));
                worstProduct = Math.max(worstProduct, Math.abs(ft - product) / (ULP1 * productScale));
                previous = ft;
                previousTerms = termsT;
            }
        }
        assertThat(steps).isGreaterThan(300_000);
        assertThat(worstStep).isLessThanOrEqualTo(4.0);
        assertThat(worstProduct).isLessThanOrEqualTo(4.0);
    }

    @Test
    void edgeCases() {
        assertThat(ConvergenceBoundary.of(0.0, 0.3, 2.0)).isEqualTo(new ConvergenceBoundary(2.0, Bound.CATAPULT));
        assertThat(ConvergenceBoundary.of(0.0, 0.0, 0.0))
                .isEqualTo(new ConvergenceBoundary(Double.POSITIVE_INFINITY, Bound.CATAPULT));
        assertThat(ConvergenceBoundary.of(-2.0, 0.0, 0.0)).isEqualTo(new ConvergenceBoundary(0.5, Bound.BEYOND));
        assertThat(ConvergenceBoundary.normBound(-2.0, 0.0, 0.0)).isEqualTo(1.0);
        assertThat(ConvergenceBoundary.of(2.0, 2.0, 16.0)).isEqualTo(new ConvergenceBoundary(0.25, Bound.NORM));
        assertThat(ConvergenceBoundary.of(2.0, 2.0, 4.0)).isEqualTo(new ConvergenceBoundary(0.5, Bound.BEYOND));
        assertThat(ConvergenceBoundary.of(2.0, 2.0, 8.0)).as("a tie").isEqualTo(new ConvergenceBoundary(0.5, Bound.BEYOND));
        assertThat(ConvergenceBoundary.of(1.0, -2.0, 4.0).eta()).isEqualTo(8.0 / (4.0 + Math.sqrt(16.0 + 48.0)));
        assertThat(ConvergenceBoundary.of(Double.MIN_VALUE, 0.0, 1.0).eta()).isEqualTo(4.0);
        Percentage tight = Percentage.withPercentage(1e-13);
        assertThat(ConvergenceBoundary.of(1e-300, 1e300, 2e300).eta()).isCloseTo(2e-300, tight);
        double huge = decimalEtaStar(1e300, -1e307, 2e307);
        assertThat(ConvergenceBoundary.of(1e300, -1e307, 2e307).eta()).isCloseTo(huge, tight);
        double inf = Double.POSITIVE_INFINITY;
        double[][] bad = {{1, 1, 1.9}, {Double.NaN, 0, 1}, {1, Double.NaN, 1}, {1, 0, inf}, {1, 0, -1}};
        for (double[] b : bad) {
            assertThatThrownBy(() -> ConvergenceBoundary.of(b[0], b[1], b[2]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static double sign(Random rnd) {
        return rnd.nextBoolean() ? 1.0 : -1.0;
    }

    private static double fOf(ReducedLoop gd, double phi, double eta) {
        return ConvergenceBoundary.f(phi, gd.product(), gd.norm(), eta);
    }

    /** The magnitude of the terms of F: the scale of its rounding error. */
    private static double terms(ReducedLoop gd, double phi, double eta) {
        return gd.norm() + 4.0 / eta + Math.abs(eta * phi * gd.eps());
    }

    /** min{1/|Φ|, 8/(λ₀ + √(λ₀² − 16Φ(m₀ − Φ)))} in 60-digit decimal arithmetic, straight from the statement. */
    private static double decimalEtaStar(double phi, double m0, double lambda0) {
        BigDecimal p = new BigDecimal(phi);
        BigDecimal m = new BigDecimal(m0);
        BigDecimal l = new BigDecimal(lambda0);
        BigDecimal radicand = l.multiply(l).subtract(BigDecimal.valueOf(16).multiply(p).multiply(m.subtract(p)));
        assertThat(radicand.signum()).isNotNegative();
        BigDecimal denominator = l.add(radicand.sqrt(MC));
        BigDecimal norm = denominator.signum() == 0 ? null : BigDecimal.valueOf(8).divide(denominator, MC);
        if (phi == 0.0) {
            return norm == null ? Double.POSITIVE_INFINITY : norm.doubleValue();
        }
        BigDecimal beyond = BigDecimal.ONE.divide(p.abs(), MC);
        return (norm == null ? beyond : beyond.min(norm)).doubleValue();
    }
}
