package eoslab.theory;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.grid.Axis;
import eoslab.service.Runs;
import eoslab.spec.ProblemSpec;
import eoslab.spec.StartSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ClaimCheckerTest extends EoslabTest {
    private static final StopRule RULE = new StopRule(20_000, 1e-12);

    private static Map<String, Verdict> check(List<ProblemSpec> starts, double[] rels) {
        ClaimChecker.Report r = ClaimChecker.check(new CheckGrid("test", starts, rels, RULE), 2, d -> { });
        return r.verdicts().stream().collect(Collectors.toMap(v -> v.claim().id(), v -> v));
    }

    private static ProblemSpec canonical(double phi, double m0, double lambda0) {
        return ProblemSpec.of(phi, new StartSpec.Canonical(m0, lambda0));
    }

    /** Claims 1, 3, 4 and the GF-sharpness monotonicity are theorems: on a small grid they hold in every case. */
    @Test
    void theoremsHoldOnASmallGrid() {
        List<ProblemSpec> starts = List.of(canonical(1, 0.1, 1.0), canonical(1, 0.9, 2.5), canonical(-2, -1.5, 4.0),
                ProblemSpec.of(1, new StartSpec.Gaussian(6, 0.4, 0.4, 3)));
        Map<String, Verdict> v = check(starts, Axis.linspace(0.05, 1.6, 40));
        for (String id : List.of("1", "3", "4", "gfs")) {
            assertThat(v.get(id).applicable()).as(id).isPositive();
            assertThat(v.get(id).failed()).as(id).isZero();
            assertThat(v.get(id).held()).as(id).isEqualTo(v.get(id).applicable() - v.get(id).inconclusive());
            assertThat(v.get(id).worstMargin()).as(id).isGreaterThanOrEqualTo(-ClaimTrace.IMBALANCE_ULPS);
        }
        assertThat(v.get("2").failed()).isZero();
    }

    /** Claim 3's hypotheses: a balanced start (Q₀ = 0) and a start at a minimum (ε₀ = 0) are not applicable. */
    @Test
    void claim3NeedsImbalanceAndResidual() {
        ProblemSpec atMinimum = ProblemSpec.of(3, new StartSpec.Explicit(
                eoslab.model.shallow.VectorPoint.of(new double[] {2, 1}, new double[] {2, -1})));
        Map<String, Verdict> v = check(List.of(canonical(1, 0.5, 1.0), atMinimum),
                Axis.linspace(0.1, 0.9, 5));
        assertThat(v.get("3").tried()).isEqualTo(10);
        assertThat(v.get("3").applicable()).isZero();
    }

    /** Claim 3's hypotheses hold exactly on the runs where every η|ε_t| ≤ √2 and GD converged: count them directly. */
    @Test
    void claim3ApplicabilityMatchesADirectCount() {
        ProblemSpec start = canonical(1, 0.1, 3.0);
        double[] rels = Axis.linspace(0.05, 2.0, 60);
        long expected = 0;
        for (double c : rels) {
            double eta = Runs.resolve(start.model(), start.start()).landmarks().absoluteEta(c);
            ShallowStepper gd = Engines.stepper(1, eta, start.start().point(), Engine.VECTOR);
            boolean ok = true;
            boolean converged = false;
            for (int k = 0; k <= RULE.maxSteps(); k++) {
                ok &= eta * Math.abs(gd.residual()) <= Math.sqrt(2);
                if (Math.abs(gd.residual()) <= RULE.tol()) {
                    converged = true;
                    break;
                }
                if (!gd.step()) {
                    break;
                }
            }
            expected += ok && converged ? 1 : 0;
        }
        Verdict v = check(List.of(start), rels).get("3");
        assertThat(v.applicable()).isEqualTo(expected).isPositive();
        assertThat(v.held()).isEqualTo(expected);
    }

    /** Claim 5 fails from Φ = 1, aᵀb = 0.1, ‖a‖²+‖b‖² = 3 near η = 0.88: a real, rerunnable counterexample. */
    @Test
    void claim5CounterexampleIsRealAndRerunnable() throws Exception {
        ProblemSpec start = canonical(1, 0.1, 3.0);
        double edge = Runs.resolve(start.model(), start.start()).landmarks().edgeEta();
        Verdict v = check(List.of(start), Axis.linspace(0.87 / edge, 0.90 / edge, 300)).get("5");
        assertThat(v.failed()).isPositive();
        assertThat(v.worstMargin()).isLessThan(-1e-6);
        String[] commands = v.counterexample().split(" ; ");
        assertThat(commands).hasSize(2);
        double[] sharpness = new double[2];
        for (int i = 0; i < 2; i++) {
            assertThat(commands[i]).startsWith("./eoslab run ");
            java.io.StringWriter out = new java.io.StringWriter();
            String[] args = commands[i].substring("./eoslab ".length()).split(" ");
            int code = eoslab.cli.Main.execute(args, new java.io.PrintWriter(out),
                    new java.io.PrintWriter(new java.io.StringWriter()));
            assertThat(code).isZero();
            Map<?, ?> json = eoslab.io.Json.mapper().readValue(out.toString(), Map.class);
            assertThat(json.get("outcome")).isEqualTo("converged");
            sharpness[i] = Math.hypot(2.0, ((Number) json.get("imbalance")).doubleValue());
        }
        assertThat(sharpness[1]).isGreaterThan(sharpness[0] * (1 + MonotoneStepClaim.TOLERANCE));
    }

    /** Verdicts do not depend on the number of threads. */
    @Test
    void verdictsAreDeterministic() {
        CheckGrid grid = new CheckGrid("test", List.of(canonical(1, 0.1, 3.0), canonical(1, 0.9, 2.5),
                ProblemSpec.of(1, new StartSpec.Gaussian(4, 0.5, 0.5, 9))), Axis.linspace(0.1, 1.8, 50), RULE);
        List<java.util.Map<String, Object>> one = ClaimChecker.check(grid, 1, d -> { }).verdicts().stream()
                .map(Verdict::toMap).toList();
        List<java.util.Map<String, Object>> three = ClaimChecker.check(grid, 3, d -> { }).verdicts().stream()
                .map(Verdict::toMap).toList();
        assertThat(three).isEqualTo(one);
    }

    /**
     * The landscape's claims hold on a small grid that reaches beyond η*, into the 2-cycle's window and past it:
     * convergence exactly below η* (the slow runs just below it inconclusive), the balanced 2-cycle, and
     * critical slowing on the grid's targets.
     */
    @Test
    void landscapeClaimsHoldOnASmallGrid() {
        List<ProblemSpec> starts = List.of(canonical(1, 0.1, 1.0), canonical(1, 0.0, 5.0), canonical(-2, -1.5, 4.0),
                ProblemSpec.of(1, new StartSpec.Gaussian(6, 0.4, 0.4, 3)));
        Map<String, Verdict> v = check(starts, Axis.linspace(0.05, 1.9, 80));
        Verdict boundary = v.get("boundary");
        assertThat(boundary.failed()).isZero();
        assertThat(boundary.held()).isGreaterThan(250);
        // the inconclusive runs are the slow ones just below η*: the note names the farthest, within 0.2% of it
        assertThat(boundary.note()).startsWith("the runs below η* still converging at the step budget")
                .contains("./eoslab run --phi ");
        assertThat(Double.parseDouble(boundary.note().replaceAll(".* lie within ([0-9.eE-]+)·η\\*.*", "$1")))
                .isBetween(1e-6, 2e-3);
        Verdict cycle = v.get("cycle");
        assertThat(cycle.applicable()).isPositive();
        assertThat(cycle.failed()).isZero();
        assertThat(cycle.held()).isPositive();
        Verdict slowing = v.get("slowing");
        assertThat(slowing.tried()).as("per target Φ = 1, −2: c = 1, four δ, the exponent").isEqualTo(12);
        assertThat(slowing.failed()).isZero();
        assertThat(slowing.inconclusive()).as("δ = 10^-3.5 needs 37 000 steps, beyond this grid's 20 000, and so "
                + "does the exponent's fit").isEqualTo(4);
        assertThat(slowing.held()).isEqualTo(8);
    }

    /**
     * The corrected GFS monotonicity: inside the convergence region it holds whenever η|ε_t| ≤ √2 throughout, and the
     * note finds the runs where it fails without that hypothesis, e.g. from Φ = 1, aᵀb = 4.5, ‖a‖²+‖b‖² = 9.0001 at
     * η = 0.5 < η* ≈ 0.571 (models.md §1.4), whose first step doubles Q.
     */
    @Test
    void kreislerNeedsTheHypothesisAndTheNoteShowsWhy() {
        ProblemSpec far = canonical(1, 4.5, 9.0001);
        double edge = Runs.resolve(far.model(), far.start()).landmarks().edgeEta();
        Map<String, Verdict> v = check(List.of(far, canonical(1, 0.1, 1.0)), new double[] {0.3 / edge, 0.5 / edge,
            0.9, 1.2});
        Verdict k = v.get("kreisler");
        assertThat(k.failed()).isZero();
        assertThat(k.held()).isPositive();
        assertThat(k.note()).contains("raise the GF-solution sharpness").contains("--m0 4.5").contains("--lambda0 9.0001");
    }

    /** A held claim whose worst margin is a rounding-level negative number is flagged as such, not as a failure. */
    @Test
    void roundingLevelMarginsAreLabelled() {
        Claim gfs = new GfsMonotoneClaim();
        Verdict rounding = Verdict.of(gfs, List.of(Judgement.of(true, -4.44e-16, null), Judgement.of(true, 0.3, null)),
                null);
        assertThat(rounding.outcome()).isEqualTo("held");
        assertThat(rounding.worstMargin()).isEqualTo(-4.44e-16);
        assertThat(rounding.worstMarginIsRounding()).isTrue();
        assertThat(rounding.toMap()).containsEntry("rounding_allowance", ClaimTrace.IMBALANCE_ULPS)
                .containsEntry("worst_margin_is_rounding", true);
        Verdict clear = Verdict.of(gfs, List.of(Judgement.of(true, 0.1, null)), null);
        assertThat(clear.worstMarginIsRounding()).isFalse();
        Verdict failed = Verdict.of(gfs, List.of(Judgement.of(false, -1e-16, "cmd")), null);
        assertThat(failed.worstMarginIsRounding()).isFalse();
        assertThat(new FlatterClaim().roundingAllowance()).isZero();
    }

    /** With the default budget every case of the critical-slowing experiment is decided, and holds; Φ = 0 has none. */
    @Test
    void criticalSlowingHoldsWithTheDefaultBudget() {
        ExperimentClaim.Evidence e = new CriticalSlowingClaim().judge(List.of(1.0, -2.0, 0.0), StopRule.DEFAULT);
        assertThat(e.judgements()).hasSize(12).allSatisfy(j -> assertThat(j.status()).isEqualTo(Judgement.Status.HELD));
        assertThat(e.note()).contains("Φ = 1.0: 0.98").contains("(law 0.97");
    }
}
