package eoslab.theory;

import eoslab.dynamics.Outcome;
import eoslab.model.shallow.Landmarks;
import java.util.List;

/** Claim 2: GD still converges in the edge regime 2/λ_GF ≤ η &lt; 1/|Φ|, from starts with ηλ₀ ≤ 2. */
public final class EdgeConvergenceClaim implements RunClaim {
    @Override
    public String id() {
        return "2";
    }

    @Override
    public String title() {
        return "Convergence beyond 2/λ_GF, possibly very slowly";
    }

    @Override
    public String statement() {
        return "If Φ ≠ 0, 2/λ_GF ≤ η < 1/|Φ| (the edge regime: the GF solution is not a stable fixed point) and the "
                + "start has η·λ0 ≤ 2, then GD converges to a global minimum, necessarily a flatter one with "
                + "λ∞ ≤ 2/η < λ_GF; the number of steps may grow without bound as η → 1/|Φ|. Runs that exhaust the "
                + "step budget are inconclusive, not failures. Margin: 1 − ηλ∞/2.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Φ ≠ 0", "2/λ_GF ≤ η < 1/|Φ|", "η·λ0 ≤ 2");
    }

    /** Relative rounding allowance on ηλ∞/2 (λ∞ is evaluated from Q_T at the last iterate). */
    public static final double TOLERANCE = 1e-12;

    /** The allowance on 1 − ηλ∞/2. */
    @Override
    public double roundingAllowance() {
        return TOLERANCE;
    }

    @Override
    public Judgement judge(CaseRun run) {
        double eta = run.eta();
        Landmarks landmarks = run.landmarks();
        if (run.phi() == 0 || eta < landmarks.edgeEta() || eta >= landmarks.beyondEta()
                || eta * run.result().initial().norm() > 2.0) {
            return Judgement.notApplicable();
        }
        if (run.result().outcome() == Outcome.MAX_STEPS) {
            return Judgement.inconclusive();
        }
        double lambda = run.converged() ? run.limitSharpness() : run.result().last().norm();
        return Judgement.of(run.converged(), 1.0 - eta * lambda / 2.0, run.command());
    }

    @Override
    public Remark note(List<CaseRun> runs, List<Judgement> judgements) {
        CaseRun slowest = null;
        for (int i = 0; i < runs.size(); i++) {
            if (judgements.get(i).status() == Judgement.Status.HELD
                    && (slowest == null || runs.get(i).result().steps() > slowest.result().steps())) {
                slowest = runs.get(i);
            }
        }
        return slowest == null ? null : new Remark(slowest.result().steps(), "slowest convergence: "
                + slowest.result().steps() + " steps at η·|Φ| = " + (float) (slowest.eta() * Math.abs(slowest.phi()))
                + ": " + slowest.command());
    }
}
