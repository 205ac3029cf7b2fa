package eoslab.service;

import eoslab.EoslabTest;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.StopRule;
import eoslab.landscape.ConvergenceBoundary.Bound;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact convergence boundary η* and the F law (models.md §1.1) on runs made the way {@code eoslab run} makes
 * them: specifications with {@code --eta-crit c} resolved and run by the service, from canonical and Gaussian starts
 * of widths 1 to 100, targets of both signs and Φ = 0.
 */
class LandscapeThroughServiceTest extends EoslabTest {
    /** A budget for the slowest runs below η*: at Φ = 0 a catapult can shed nearly all of Q and end on a minimum of
     * sharpness λ∞ = Q∞ ≪ λ₀, approached at the rate 1 − ηλ∞ (over 10⁶ steps for some starts). */
    private static final StopRule BELOW = new StopRule(20_000_000, 1e-12, true);
    private static final StopRule ABOVE = new StopRule(20_000, 1e-12, true);

    /**
     * A random start: Φ = 0 (one in eight), else ±10^U(−2,2); canonical (m₀, λ₀) with λ₀ = |Φ|·10^U(−3,2), or Gaussian
     * vectors of width 1 … 100 with independent scales. Φ = 0 starts are drawn with Q₀ ≥ λ₀/10: balanced and nearly
     * balanced ones creep into the degenerate minimum a = b = 0 (their rate tends to 1), the practical face of the
     * theorem's "almost every start".
     */
    private StartSpec start(double phi) {
        double unit = phi == 0 ? 1.0 : Math.abs(phi);
        while (true) {
            StartSpec s;
            if (rng.nextBoolean()) {
                double lambda0 = unit * Math.pow(10, -3 + 5 * rng.nextDouble());
                s = new StartSpec.Canonical((2 * rng.nextDouble() - 1) * 0.5 * lambda0, lambda0);
            } else {
                int d = 1 + rng.nextInt(100);
                double base = Math.sqrt(unit / d);
                s = new StartSpec.Gaussian(d, base * Math.pow(10, -1.5 + 2 * rng.nextDouble()),
                        base * Math.pow(10, -1.5 + 2 * rng.nextDouble()), rng.nextLong());
            }
            var p = s.point();
            if (phi != 0 || p.imbalance() >= 0.1 * p.norm()) {
                return s;
            }
        }
    }

    private double target() {
        return rng.nextInt(8) == 0 ? 0.0 : (rng.nextBoolean() ? 1 : -1) * Math.pow(10, -2 + 4 * rng.nextDouble());
    }

    private static RunReport run(double phi, StartSpec start, double c, StopRule rule) {
        RunSpec spec = RunSettings.gd(rule).run(ModelSpec.Shallow.ofPhi(phi), start, new EtaSpec.Critical(c));
        return RunService.run(spec);
    }

    @Test
    void runsAt097EtaStarConvergeAndAt103DoNot() {
        Map<Bound, Integer> bounds = new EnumMap<>(Bound.class);
        int bounded = 0;
        for (int i = 0; i < 2500; i++) {
            double phi = target();
            StartSpec start = start(phi);
            RunReport below = run(phi, start, 0.97, BELOW);
            RunReport above = run(phi, start, 1.03, ABOVE);
            Landmarks l = below.run().landmarks();
            bounds.merge(l.criticalBound(), 1, Integer::sum);
            String where = "Φ = " + phi + ", " + start + ", bound " + l.criticalBound();
            assertThat(below.summary().get("eta_crit")).isEqualTo(0.97);
            assertThat(below.result().outcome()).as("0.97η* at %s", where).isEqualTo(Outcome.CONVERGED);
            assertThat(above.result().outcome()).as("1.03η* at %s", where).isNotEqualTo(Outcome.CONVERGED);
            if (l.criticalBound() != Bound.BEYOND) {
                assertThat(above.result().outcome()).as("1.03η* at %s", where).isEqualTo(Outcome.DIVERGED);
            }
            assertThat(above.summary().get("regime")).isEqualTo(above.run().eta() < l.beyondEta() ? "divergent"
                    : "beyond");
            bounded += above.result().outcome() == Outcome.MAX_STEPS ? 1 : 0;
            assertThat((double) below.summary().get("f0")).as("F0 < 0 below η*").isNegative();
        }
        assertThat(bounds.get(Bound.BEYOND)).isGreaterThan(300);
        assertThat(bounds.get(Bound.NORM)).isGreaterThan(300);
        assertThat(bounds.get(Bound.CATAPULT)).isGreaterThan(150);
        assertThat(bounded).as("above η* with 1/|Φ| binding, most runs oscillate boundedly").isPositive();
    }

    /** F_t = λ_t − 4/η − ηΦε_t, recomputed from every iterate, obeys F_{t+1} = (1 + η²m_tε_t)F_t to rounding. */
    private static final class FLaw implements StepObserver<ShallowState> {
        private final double phi;
        private final double eta;
        private double f;
        private double factor;
        private double scale;
        private double worst;
        private int signChanges;
        private long steps;

        FLaw(double phi, double eta) {
            this.phi = phi;
            this.eta = eta;
        }

        private double f(ShallowState s) {
            return s.norm() - 4 / eta - eta * phi * s.residual();
        }

        private double scale(ShallowState s) {
            return s.norm() + 4 / eta + Math.abs(eta * phi) * (Math.abs(s.product()) + Math.abs(phi));
        }

        private void remember(ShallowState s) {
            f = f(s);
            factor = 1 + eta * eta * s.product() * s.residual();
            scale = scale(s);
        }

        @Override
        public void start(ShallowState s) {
            remember(s);
        }

        @Override
        public void step(long k, ShallowState s) {
            double next = f(s);
            double allowance = 64 * Math.ulp(Math.max(scale(s), Math.abs(factor) * scale));
            worst = Math.max(worst, Math.abs(next - factor * f) / allowance);
            signChanges += Math.signum(next) * Math.signum(f) < 0 ? 1 : 0;
            steps++;
            remember(s);
        }
    }

    @Test
    void theInvariantFIsMultipliedByOnePlusEtaSquaredMEpsilonAtEveryStep() {
        long checked = 0;
        for (int i = 0; i < 300; i++) {
            double phi = target();
            StartSpec start = start(phi);
            double c = 0.2 + 1.6 * rng.nextDouble();
            ResolvedRun run = Runs.resolve(RunSettings.gd(new StopRule(3000, 1e-12, true))
                    .run(ModelSpec.Shallow.ofPhi(phi), start, new EtaSpec.Critical(c)));
            FLaw law = new FLaw(run.phi(), run.eta());
            RunService.run(run, List.of(law));
            assertThat(law.worst).as("Φ = %s, %s, c = %s: |F⁺ − (1 + η²mε)F| in units of 64 ulps", phi, start, c)
                    .isLessThanOrEqualTo(1.0);
            if (run.eta() * Math.abs(run.phi()) < 2) {
                assertThat(law.signChanges).as("F keeps its sign while η|Φ| < 2").isZero();
            }
            checked += law.steps;
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    /**
     * Scale invariance (docs/model.md §1) through the service with the default relative tolerance: for Φ = ±4ᵏ,
     * k = −15 … 15, a run from (4ᵏm₀, 4ᵏλ₀) with step η/4ᵏ is the run from (m₀, λ₀) at Φ = ±1 with step η, bit for bit
     * after rescaling (powers of two scale exactly): same outcome and steps, quantities multiplied by 4ᵏ (losses by
     * 16ᵏ), and the same relative steps; only an imbalance that has decayed into the subnormal numbers, and the
     * logarithms of the observed rate, differ by rounding.
     */
    @Test
    void aRunAndItsRescaledTwinAgreeAtEveryScale() {
        double[][] cases = {{0.1, 5, 0.3}, {0.1, 5, 0.483141195061}, {0.1, 5, 0.8}, {0.0, 1.0, 1.1}, {0.0, 1.0, 1.5},
            {0.25, 0.6, 0.9}, {-0.5, 1.2, 0.999}, {2.0, 5.0, 0.2}};
        StopRule rule = new StopRule(20_000, 1e-12, true);
        for (double sign : new double[] {1, -1}) {
            for (double[] c : cases) {
                RunSpec unit = RunSettings.gd(rule).run(ModelSpec.Shallow.ofPhi(sign),
                        new StartSpec.Canonical(sign * c[0], c[1]), new EtaSpec.Absolute(c[2]));
                RunReport ref = RunService.run(unit);
                for (int k = -15; k <= 15; k++) {
                    double s = Math.scalb(1.0, 2 * k);
                    RunSpec scaled = RunSettings.gd(rule).run(ModelSpec.Shallow.ofPhi(sign * s),
                            new StartSpec.Canonical(sign * c[0] * s, c[1] * s), new EtaSpec.Absolute(c[2] / s));
                    RunReport twin = RunService.run(scaled);
                    String at = "Φ = " + sign * s + ", case " + java.util.Arrays.toString(c);
                    Map<String, Object> a = ref.summary();
                    Map<String, Object> b = twin.summary();
                    assertThat(b.get("outcome")).as(at).isEqualTo(a.get("outcome"));
                    assertThat(b.get("steps")).as(at).isEqualTo(a.get("steps"));
                    assertThat(b.get("regime")).as(at).isEqualTo(a.get("regime"));
                    assertThat(b.get("critical_bound")).as(at).isEqualTo(a.get("critical_bound"));
                    for (String key : List.of("residual", "product", "norm", "sharpness", "gf_sharpness")) {
                        assertThat((double) b.get(key)).as(at + " " + key).isEqualTo((double) a.get(key) * s);
                    }
                    // on a balanced 2-cycle Q decays into the subnormal numbers, where scaling is no longer exact
                    assertThat((double) b.get("imbalance")).as(at).isCloseTo((double) a.get("imbalance") * s,
                            org.assertj.core.data.Offset.offset(Math.max(1e-300, 1e-15 * (double) b.get("imbalance"))));
                    assertThat((double) b.get("eta_critical")).as(at).isEqualTo((double) a.get("eta_critical") / s);
                    assertThat((double) b.get("max_loss")).as(at).isEqualTo((double) a.get("max_loss") * s * s);
                    for (String key : List.of("eta_rel", "eta_crit")) {
                        assertThat(b.get(key)).as(at + " " + key).isEqualTo(a.get(key));
                    }
                    double rate = (double) a.get("rate_observed");
                    assertThat((double) b.get("rate_observed")).as(at).isCloseTo(rate,
                            org.assertj.core.data.Offset.offset(1e-14 * (1 + rate)));
                    assertThat((double) b.get("f0")).as(at).isEqualTo((double) a.get("f0") * s);
                }
            }
        }
    }

    /**
     * At |Φ| = 10⁶ the absolute tolerance 10⁻¹² is below what double precision resolves (an ulp of 10⁶ is 1.2·10⁻¹⁰):
     * the run that converges in a dozen steps never sees |ε| ≤ 10⁻¹² and reports max_steps, with a warning; the
     * default tolerance, 10⁻¹²·|Φ|, means what it means at Φ = 1, and the run converges at the step of its Φ = 1 twin.
     */
    @Test
    void theDefaultToleranceConvergesAtLargeScale() {
        StartSpec big = new StartSpec.Canonical(0, 1e6);
        RunSpec relative = RunSettings.gd(StopRule.DEFAULT).run(ModelSpec.Shallow.ofPhi(1e6), big,
                new EtaSpec.Relative(0.5));
        RunReport r = RunService.run(relative);
        assertThat(r.result().outcome()).isEqualTo(Outcome.CONVERGED);
        RunReport twin = RunService.run(RunSettings.gd(StopRule.DEFAULT).run(ModelSpec.Shallow.ofPhi(1),
                new StartSpec.Canonical(0, 1), new EtaSpec.Relative(0.5)));
        assertThat(r.result().steps()).isEqualTo(twin.result().steps()).isLessThan(20);
        assertThat(Runs.resolve(relative).toleranceBelowResolution()).isFalse();
        RunSpec absolute = relative.withStop(new StopRule(StopRule.DEFAULT_MAX_STEPS, 1e-12));
        assertThat(Runs.resolve(absolute).toleranceBelowResolution()).isTrue();
        RunResult<ShallowState> stuck = RunService.run(absolute).result();
        assertThat(stuck.outcome()).isEqualTo(Outcome.MAX_STEPS);
    }
}
