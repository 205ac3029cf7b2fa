package eoslab.sweep;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.landscape.BalancedMap;
import eoslab.landscape.Superstable;
import eoslab.measure.Orbit;
import eoslab.measure.SuperstablePoint;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Bifurcation columns and scans against the closed forms of the balanced map (models.md §1.2) and the superstable
 * parameters certified in 40-digit arithmetic ({@link Superstable}).
 */
class BifurcationLandscapeTest extends EoslabTest {
    private static final RunSettings SETTINGS = RunSettings.gd(StopRule.DEFAULT);

    private static ParameterGrid scan(double phi, double m0, double lambda0, double eta0, double eta1, int n) {
        return ParameterGrid.canonical(new Axis("eta", eta0, eta1, n, false), Axis.single("phi", phi),
                Axis.single("m0", m0), Axis.single("lambda0", lambda0), SETTINGS);
    }

    private static Orbit[] columns(ParameterGrid g, int discard, int keep) {
        RunSpec first = g.at(0);
        ResolvedStart start = Runs.resolve(first.model(), first.start());
        Orbit[] orbits = new Orbit[(int) g.size()];
        for (int i = 0; i < orbits.length; i++) {
            orbits[i] = Bifurcation.column(Runs.resolve(g.at(i), start), discard, keep, Orbit.Observed.RESIDUAL);
        }
        return orbits;
    }

    /**
     * On a fine scan through the cascade, from an unbalanced start (drawn to the balanced cycles), the search finds
     * the superstable parameters of periods 2, 4, …, 32 on the GD orbit to a few ulps of the certified c_n, and their
     * Feigenbaum ratios are those of the c_n (4.59, 4.65, 4.67 → δ = 4.669…). Φ = 1 and Φ = −2 (c = η|Φ|).
     */
    @ParameterizedTest
    @CsvSource({"1.0, 0.0, 1.0", "-2.0, -0.3, 2.5"})
    void theCascadeIsFoundOnTheGdOrbit(double phi, double m0, double lambda0) {
        double a = Math.abs(phi);
        ParameterGrid g = scan(phi, m0, lambda0, 1.1 / a, 1.3025 / a, 4000);
        Orbit[] orbits = columns(g, 2000, 64);
        RunSpec first = g.at(0);
        List<SuperstablePoint> found = SuperstableSearch.find(g, Runs.resolve(first.model(), first.start()), orbits,
                2000);
        double[] exact = Superstable.parameters(SuperstableSearch.MAX_ORDER);
        assertThat(found).hasSize(SuperstableSearch.MAX_ORDER);
        for (SuperstablePoint s : found) {
            assertThat(s.c()).as("order %d: %s", s.n(), s.note()).isNotNull();
            assertThat(s.exact()).isEqualTo(exact[s.n()]);
            assertThat(s.c()).as("order %d", s.n()).isCloseTo(exact[s.n()], within(8 * Math.ulp(exact[s.n()])));
            assertThat(s.eta()).isEqualTo(s.c() / a);
        }
        List<Double> ratios = SuperstableSearch.ratios(found);
        double[] reference = Superstable.ratios(exact);
        assertThat(ratios).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(ratios.get(k)).isCloseTo(reference[k + 1], within(1e-6));
        }
        assertThat(ratios.get(2)).isCloseTo(Superstable.FEIGENBAUM_DELTA, within(0.005));
    }

    /** A scan too coarse for the narrow windows reports them as not resolved, and Φ = 0 has no cascade. */
    @Test
    void unresolvedOrdersAreReportedAsSuch() {
        ParameterGrid coarse = scan(1.0, 0.0, 1.0, 1.0, 1.35, 40);
        RunSpec first = coarse.at(0);
        List<SuperstablePoint> found = SuperstableSearch.find(coarse, Runs.resolve(first.model(), first.start()),
                columns(coarse, 2000, 64), 2000);
        assertThat(found.get(0).c()).isNotNull();
        assertThat(found.get(4).c()).isNull();
        assertThat(found.get(4).note()).startsWith("not resolved");
        ParameterGrid zero = scan(0.0, 0.1, 1.0, 1.0, 3.0, 10);
        RunSpec z = zero.at(0);
        assertThat(SuperstableSearch.find(zero, Runs.resolve(z.model(), z.start()), columns(zero, 100, 16), 100))
                .allSatisfy(s -> assertThat(s.c()).isNull());
    }

    /**
     * Inside the 2-cycle's window the kept residuals alternate between the closed-form values
     * ε = sign(Φ)(z± − c)/η, z± = [(1 + c) ± √((1 + c)² − 4)]/2, from an unbalanced start.
     */
    @ParameterizedTest
    @CsvSource({"1.0, 1.05", "1.0, 1.2", "-0.5, 1.12"})
    void theKeptIteratesAreTheClosedFormTwoCycle(double phi, double c) {
        double eta = c / Math.abs(phi);
        Orbit o = columns(scan(phi, 0.2 * phi, 1.3 * Math.abs(phi), eta, eta, 1), 20_000, 40)[0];
        assertThat(o.status()).isEqualTo(CellClass.PERIODIC);
        assertThat(o.period()).isEqualTo(2);
        double[] z = new BalancedMap(c).twoCycle();
        for (double v : o.values()) {
            double zv = eta * v * Math.signum(phi) + c;
            double gap = Math.min(Math.abs(zv - z[0]), Math.abs(zv - z[1]));
            assertThat(gap).as("z = %s against %s, %s", zv, z[0], z[1]).isLessThan(1e-12);
        }
        assertThat(o.lyapunov()).as("a stable cycle").isNegative();
        double multiplier = new BalancedMap(c).twoCycleMultiplier();
        assertThat(o.lyapunov() + o.lyapunov2()).as("λ₁ + λ₂ over a period = ln|det| of the cycle's map / 2")
                .isCloseTo(0.5 * (Math.log(Math.abs(multiplier)) + Math.log(Math.abs(3 - 2 * c))), within(1e-9));
    }

    /**
     * At c = 2 the balanced map is conjugate to θ ↦ 3θ: the largest exponent on a balanced start is ln 3, within
     * three of its reported errors (which are small: 10⁵ kept iterates).
     */
    @Test
    void theExponentAtTwoIsLnThreeWithinItsError() {
        Orbit o = columns(scan(1.0, 0.3, 0.6, 2.0, 2.0, 1), 1000, 100_000)[0];
        assertThat(o.status()).isEqualTo(CellClass.APERIODIC);
        assertThat(o.lyapunovError()).isPositive().isLessThan(2e-4);
        assertThat(o.lyapunov()).isCloseTo(Math.log(3), within(3 * o.lyapunovError()));
    }

    /**
     * The exponents of a converged orbit are 0 (the curve of minima is neutral) and ln|1 − ηλ∞|, with no 1/keep bias
     * even for a short window: the tangent vectors are aligned over the transient (counted from the first iterate
     * the neutral exponent was −0.003 at 100 kept iterates). The errors are at rounding level.
     */
    @Test
    void fixedPointExponentsAreUnbiased() {
        Orbit o = columns(scan(1.0, 0.0, 1.0, 0.5, 0.5, 1), 3000, 100)[0];
        assertThat(o.status()).isEqualTo(CellClass.CONVERGED);
        assertThat(o.lyapunov()).isCloseTo(0.0, within(1e-14));
        assertThat(o.lyapunovError()).isLessThan(1e-14);
        Orbit norm = Bifurcation.column(Runs.resolve(scan(1.0, 0.0, 1.0, 0.5, 0.5, 1).at(0)), 3000, 100,
                Orbit.Observed.NORM);
        double lambdaInf = norm.values()[0];
        assertThat(o.lyapunov2()).isCloseTo(Math.log(Math.abs(1 - 0.5 * lambdaInf)), within(1e-12));
        assertThat(o.lyapunov2Error()).isLessThan(1e-14);
    }
}
