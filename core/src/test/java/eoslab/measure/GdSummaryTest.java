package eoslab.measure;

import eoslab.method.GradientDescent;

import eoslab.EoslabTest;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link GdSummary}: the keys in order, and each value against a direct computation from the start and an
 * independent replay of the run (sharpness and λ_GF from their closed forms written out here).
 */
class GdSummaryTest extends EoslabTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("converged", 1.0, new StartSpec.Gaussian(6, 0.3, 0.2, 5).point(), 0.5, 100_000),
                Arguments.of("converged", 1.0, new StartSpec.Canonical(0.1, 5).point(), 1.3, 100_000),
                Arguments.of("max_steps", -1.0, new StartSpec.Canonical(0.0, 1.0).point(), -1.2, 3_000),
                Arguments.of("diverged", 1.0, new StartSpec.Canonical(0.0, 8).point(), 2.6, 100_000),
                Arguments.of("max_steps", 0.0, new StartSpec.Canonical(0.5, 1.0).point(), -0.3, 2_000));
    }

    private static double sharpness(double eps, double lambda, double m) {
        return 0.5 * (lambda + Math.sqrt(Math.max(0, lambda * lambda + 4 * eps * (eps + 2 * m))));
    }

    /** c ≥ 0: η = c·2/λ_GF; c &lt; 0: η = −c. */
    @ParameterizedTest(name = "{0}: phi={1} c={3}")
    @MethodSource("runs")
    void valuesAgainstADirectComputation(String expected, double phi, VectorPoint start, double c, long budget) {
        double u = start.sumSquared();
        double v = start.differenceSquared();
        double lambdaGf = Math.sqrt(4 * phi * phi + u * v);
        double eta = c > 0 ? c * 2 / lambdaGf : -c;
        Double etaRel = c > 0 ? c : null;
        double m0 = start.product();
        double l0 = start.norm();
        double normBound = 8 / (l0 + Math.sqrt(l0 * l0 - 16 * phi * (m0 - phi)));
        double etaStar = phi == 0 ? normBound : Math.min(1 / Math.abs(phi), normBound);
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(phi, eta, start), new StopRule(budget, 1e-12),
                List.of());
        Map<String, Object> s = GdSummary.of(r, GradientDescent.constant(eta), etaRel, eta / etaStar, start.width(),
                Landmarks.of(phi, start));
        assertThat(new ArrayList<>(s.keySet())).isEqualTo(GdSummary.KEYS);

        ReducedGd replay = ReducedGd.from(phi, eta, start);
        List<Double> eps = new ArrayList<>(List.of(replay.residual()));
        for (long k = 0; k < r.steps(); k++) {
            assertThat(replay.step()).isTrue();
            eps.add(replay.residual());
        }
        double e = replay.residual();
        double m = replay.product();
        double lambda = replay.norm();
        double q = replay.imbalance();
        String outcome = Math.abs(e) <= 1e-12 ? "converged" : r.steps() < budget && !replay.step() ? "diverged"
                : "max_steps";
        assertThat(outcome).as("the case").isEqualTo(expected);
        assertThat(s.get("outcome")).isEqualTo(outcome);
        assertThat(s.get("steps")).isEqualTo(outcome.equals("diverged") ? r.steps() + 1 : r.steps());
        assertThat(s.get("eta")).isEqualTo(eta);
        assertThat(s.get("eta_rel")).isEqualTo(etaRel);
        assertThat(s.get("phi")).isEqualTo(phi);
        assertThat(s.get("width")).isEqualTo(start.width());
        assertThat(s.get("loss")).isEqualTo(0.5 * e * e);
        assertThat(s.get("residual")).isEqualTo(e);
        assertThat(s.get("product")).isEqualTo(m);
        assertThat(s.get("norm")).isEqualTo(lambda);
        assertThat(s.get("imbalance")).isEqualTo(q);
        assertThat((double) s.get("sharpness")).isCloseTo(sharpness(e, lambda, m), within(1e-14 * lambda));
        assertThat((double) s.get("initial_sharpness")).isCloseTo(
                sharpness(start.product() - phi, start.norm(), start.product()), within(1e-14 * start.norm()));
        assertThat((double) s.get("gf_sharpness")).isCloseTo(lambdaGf, within(1e-15 * (1 + lambdaGf)));
        if (lambdaGf == 0) {
            assertThat(s.get("sharpness_ratio")).as("S/λ_GF is undefined").isNull();
        } else {
            assertThat((double) s.get("sharpness_ratio")).isCloseTo(sharpness(e, lambda, m) / lambdaGf,
                    within(1e-13));
        }
        double maxLoss = eps.stream().mapToDouble(x -> 0.5 * x * x).max().orElseThrow();
        assertThat(s.get("max_loss")).isEqualTo(maxLoss);
        if (outcome.equals("converged")) {
            assertThat((double) s.get("rate_asymptotic")).isCloseTo(Math.abs(1 - eta * lambda), within(1e-15));
        } else {
            assertThat(s.get("rate_asymptotic")).isNull();
        }
        int w = (int) Math.min(32, r.steps());
        double end = Math.abs(eps.get(eps.size() - 1));
        double begin = Math.abs(eps.get(eps.size() - 1 - w));
        if (w == 0 || end == 0) {
            assertThat(s.get("rate_observed")).isEqualTo(0.0);
        } else {
            assertThat((double) s.get("rate_observed")).isCloseTo(Math.pow(end / begin, 1.0 / w),
                    within(1e-12 * Math.pow(end / begin, 1.0 / w)));
        }
        String regime = eta >= 1 / Math.abs(phi) ? "beyond" : eta >= etaStar ? "divergent"
                : eta < 2 / lambdaGf ? "stable" : "edge";
        assertThat(s.get("regime")).isEqualTo(regime);
        assertThat((double) s.get("eta_critical")).isCloseTo(etaStar, within(1e-13 * etaStar));
        assertThat(s.get("critical_bound")).isEqualTo(phi == 0 ? "catapult"
                : (double) s.get("eta_critical") == 1 / Math.abs(phi) ? "beyond" : "norm");
        assertThat((double) s.get("f0")).isCloseTo(l0 - 4 / eta - eta * phi * (m0 - phi),
                within(1e-13 * (l0 + 4 / eta + Math.abs(eta * phi * (m0 - phi)))));
        assertThat(s.values()).noneMatch(x -> x instanceof Double d && !Double.isFinite(d));
    }
}
