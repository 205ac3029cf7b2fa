package eoslab.theory;

import eoslab.dynamics.Outcome;
import eoslab.model.shallow.Landmarks;
import java.util.List;
import java.util.Locale;

/**
 * The exact convergence boundary (Liang &amp; Montúfar; models.md §1.1): GD converges iff η &lt; η*, judged on every run
 * of the grid.
 */
public final class BoundaryClaim implements RunClaim {
    /** Relative rounding allowance on |η − η*|/η* (η* and η are each computed to a few ulps). */
    public static final double TOLERANCE = 1e-12;

    @Override
    public String id() {
        return "boundary";
    }

    @Override
    public String title() {
        return "GD converges exactly below the boundary η* = min{1/|Φ|, 8/(λ0 + √(λ0² − 16Φ(m0 − Φ)))}";
    }

    @Override
    public String statement() {
        return "For almost every start, GD converges iff η < η* = min{1/|Φ|, 8/(λ0 + √(λ0² − 16Φ(m0 − Φ)))} "
                + "(Liang & Montúfar; equivalently η|Φ| < 1 and F0 = λ0 − 4/η − ηΦ(m0 − Φ) < 0, and F_{t+1} = "
                + "(1 + η²m_tε_t)·F_t keeps the sign of F while η|Φ| < 2). Below η* the run must converge (a run "
                + "still converging at the step budget is inconclusive: slow near 1/|Φ|, critical slowing); at or "
                + "above η* it must not converge (it diverges, or oscillates boundedly when 1/|Φ| binds). The "
                + "measure-zero exceptions are excluded: a start already at a minimum stays there for every η, and a "
                + "balanced start on the side opposite the target (Q0 = 0, Φm0 ≤ 0) never reaches it. Margin: "
                + "|η* − η|/η*, signed positive when the outcome is the predicted one.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("|ε0| above the tolerance (not at a minimum)", "not balanced opposite the target (Q0 = 0, "
                + "Φm0 ≤ 0, Φ ≠ 0)");
    }

    @Override
    public double roundingAllowance() {
        return TOLERANCE;
    }

    @Override
    public Judgement judge(CaseRun run) {
        if (run.result().steps() == 0 && run.converged()) {
            return Judgement.notApplicable();
        }
        Landmarks l = run.landmarks();
        if (run.phi() != 0 && run.imbalance0() == 0 && run.phi() * l.product0() <= 0) {
            return Judgement.notApplicable();
        }
        double critical = l.criticalEta();
        double distance = (critical - run.eta()) / critical;
        if (distance > 0) {
            if (run.result().outcome() == Outcome.MAX_STEPS) {
                return Judgement.inconclusive();
            }
            return Judgement.of(run.converged() || distance <= TOLERANCE, run.converged() ? distance : -distance,
                    run.command());
        }
        return Judgement.of(!run.converged() || -distance <= TOLERANCE, run.converged() ? distance : -distance,
                run.command());
    }

    /**
     * The run below η* still converging at the budget (inconclusive: these are counted separately from the decided
     * cases) that is farthest from the boundary, ranked by that distance; else none.
     */
    @Override
    public Remark note(List<CaseRun> runs, List<Judgement> judgements) {
        CaseRun farthest = null;
        double distance = -1;
        for (int i = 0; i < runs.size(); i++) {
            CaseRun r = runs.get(i);
            if (judgements.get(i).status() == Judgement.Status.INCONCLUSIVE) {
                double d = (r.landmarks().criticalEta() - r.eta()) / r.landmarks().criticalEta();
                if (d > distance) {
                    distance = d;
                    farthest = r;
                }
            }
        }
        return farthest == null ? null : new Remark(distance, String.format(Locale.ROOT, "the runs below η* still "
                + "converging at the step budget (slow, counted as inconclusive) lie within %.3g·η* of the boundary; "
                + "the farthest: %s", distance, farthest.command()));
    }
}
