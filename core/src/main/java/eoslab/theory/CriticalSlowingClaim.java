package eoslab.theory;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.StopRule;
import eoslab.landscape.CriticalSlowing;
import eoslab.model.shallow.ShallowState;
import eoslab.service.ResolvedRun;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Critical slowing at η|Φ| = 1 (models.md §1.3), on the balanced start of each target of the grid: |ε_t|·√t → |Φ|/2
 * at c = η|Φ| = 1, and below it the steps to the tolerance follow the leading-order law of {@link CriticalSlowing}
 * and grow like 1/(1 − c) only up to a logarithm.
 */
public final class CriticalSlowingClaim implements ExperimentClaim {
    /** The distances δ = 1 − c below the critical step. */
    static final double[] DELTAS = {1e-2, Math.pow(10, -2.5), 1e-3, Math.pow(10, -3.5)};
    /** Allowed relative deviation of |ε_T|·√T from |Φ|/2 at c = 1. */
    public static final double CONSTANT_TOLERANCE = 0.01;
    /** Allowed relative deviation of a step count from the leading-order law. */
    public static final double STEPS_TOLERANCE = 0.03;
    /** Allowed difference between the fitted exponent and the law's. */
    public static final double EXPONENT_TOLERANCE = 0.01;
    /** Fewest steps at c = 1 for the limit to be judged. */
    public static final long MIN_STEPS = 10_000;

    @Override
    public String id() {
        return "slowing";
    }

    @Override
    public String title() {
        return "Critical slowing at η|Φ| = 1: |ε_t|·√t → |Φ|/2, and steps ∼ 1/(1 − c) up to a logarithm below";
    }

    @Override
    public String statement() {
        return "On the balanced start a = b·sign(Φ) with aᵀb = Φ/2 (z0 = c/2 in z = ηm·sign(Φ), c = η|Φ|): at c = 1 "
                + "the minimum's multiplier is −1 and GD converges sublinearly, |ε_t|·√t → |Φ|/2 (judged at the step "
                + "budget, within " + CONSTANT_TOLERANCE + " relative); for c = 1 − δ the number of steps until "
                + "|ε| ≤ τ is [ln(1 + δ/x²) − ln(1 + δ/x0²)]/(4δ) to leading order, x = ητ, x0 = η|ε0| (within "
                + STEPS_TOLERANCE + " relative, δ = 10^-2 … 10^-3.5), which grows like 1/(1 − c) only up to a "
                + "logarithm: the exponent of a power-law fit of the steps against 1/δ is below 1 and equals the law's "
                + "within " + EXPONENT_TOLERANCE + ". Cases beyond the step budget are inconclusive. Margin: 1 − "
                + "deviation/tolerance.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Φ ≠ 0 (one experiment per target of the grid)", "the balanced start aᵀb = Φ/2, ‖a‖² + ‖b‖² = |Φ|");
    }

    @Override
    public Evidence judge(List<Double> phis, StopRule rule) {
        List<Judgement> out = new ArrayList<>();
        List<String> exponents = new ArrayList<>();
        for (double phi : phis) {
            if (phi == 0) {
                continue;
            }
            if (!Double.isFinite(1 / Math.abs(phi))) {
                out.add(Judgement.inconclusive()); // the step 1/|Φ| is beyond double's range
                continue;
            }
            ProblemSpec start = ProblemSpec.of(phi, new StartSpec.Canonical(0.5 * phi, Math.abs(phi)));
            out.add(atOne(start, rule));
            double[] inverse = new double[DELTAS.length];
            double[] measured = new double[DELTAS.length];
            double[] law = new double[DELTAS.length];
            boolean all = true;
            for (int i = 0; i < DELTAS.length; i++) {
                double c = 1 - DELTAS[i];
                ResolvedRun run = Runs.resolve(start.run(new EtaSpec.Absolute(c / Math.abs(phi)), RunSettings.gd(rule)));
                RunResult<ShallowState> r = RunService.run(run, List.of()).result();
                double x0 = run.eta() * Math.abs(r.initial().residual());
                double x = run.eta() * run.stop().tol();
                inverse[i] = 1 / DELTAS[i];
                if (!(x > 0) || !(x <= x0)) {
                    all = false; // a tolerance of 0, or one the start already meets: the law does not apply
                    out.add(Judgement.inconclusive());
                    continue;
                }
                law[i] = CriticalSlowing.steps(c, x0, x);
                measured[i] = r.steps();
                if (r.outcome() != Outcome.CONVERGED) {
                    all = false;
                    out.add(Judgement.inconclusive());
                    continue;
                }
                double deviation = Math.abs(measured[i] / law[i] - 1);
                out.add(Judgement.of(deviation <= STEPS_TOLERANCE, 1 - deviation / STEPS_TOLERANCE,
                        run.spec().command() + " --json"));
            }
            if (!all) {
                out.add(Judgement.inconclusive());
                continue;
            }
            double fitted = CriticalSlowing.fit(inverse, measured).exponent();
            double predicted = CriticalSlowing.fit(inverse, law).exponent();
            double gap = Math.abs(fitted - predicted);
            exponents.add(String.format(Locale.ROOT, "Φ = %s: %.4f (law %.4f)", phi, fitted, predicted));
            out.add(Judgement.of(fitted < 1 && gap <= EXPONENT_TOLERANCE,
                    Math.min(1 - fitted, 1 - gap / EXPONENT_TOLERANCE), null));
        }
        return new Evidence(out, exponents.isEmpty() ? null : "fitted exponents of steps against 1/(1 − c), δ = "
                + "10^-2 … 10^-3.5: " + String.join("; ", exponents));
    }

    /** |ε_T|·√T against |Φ|/2 after the whole budget at c = 1 (the tolerance switched off). */
    private static Judgement atOne(ProblemSpec start, StopRule rule) {
        if (rule.maxSteps() < MIN_STEPS) {
            return Judgement.inconclusive();
        }
        double phi = start.phi();
        ResolvedRun run = Runs.resolve(start.run(new EtaSpec.Absolute(1 / Math.abs(phi)),
                RunSettings.gd(new StopRule(rule.maxSteps(), 0))));
        RunResult<ShallowState> r = RunService.run(run, List.of()).result();
        if (r.outcome() != Outcome.MAX_STEPS) {
            return Judgement.of(false, -1, run.spec().command() + " --json");
        }
        double ratio = Math.abs(r.last().residual()) * Math.sqrt(r.steps()) / (0.5 * Math.abs(phi));
        double deviation = Math.abs(ratio - 1);
        return Judgement.of(deviation <= CONSTANT_TOLERANCE, 1 - deviation / CONSTANT_TOLERANCE,
                run.spec().command() + " --json");
    }
}
