package eoslab.theory;

import java.util.List;

/** Claim 3: GD's minimum is strictly flatter (and of smaller norm) than GF's from the same start. */
public final class FlatterClaim implements RunClaim {
    /** Below this predicted relative reduction of Q (η²Σε_t²), double precision cannot resolve Q∞ &lt; Q₀. */
    public static final double RESOLUTION = 1e-13;

    @Override
    public String id() {
        return "3";
    }

    @Override
    public String title() {
        return "GD's solution is flatter and of lower norm than GF's";
    }

    @Override
    public String statement() {
        return "If Q0 ≠ 0, ε0 ≠ 0 and GD converges with η|ε_t| ≤ √2 at every step, then Q∞ = Q0·∏|1 − η²ε_t²| < Q0 "
                + "(GF conserves Q), so the minimum GD reaches has norm = sharpness λ∞ = √(4Φ² + Q∞²) strictly below "
                + "λ_GF = √(4Φ² + Q0²), the norm = sharpness of GF's minimum (docs/model.md §7). Margin: 1 − Q∞/Q0.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Q0 ≠ 0", "ε0 ≠ 0", "GD converges", "η|ε_t| ≤ √2 at every step");
    }

    @Override
    public Judgement judge(CaseRun run) {
        double q0 = run.imbalance0();
        if (q0 == 0 || run.result().initial().residual() == 0 || !run.converged()
                || run.trace().maxEtaResidual() > Math.sqrt(2.0)) {
            return Judgement.notApplicable();
        }
        double qEnd = run.imbalanceEnd();
        boolean held = qEnd < q0 && run.limitSharpness() < run.gfSharpness();
        double predicted = 2.0 * run.eta() * run.eta() * run.trace().accumulatedLoss();
        if (!held && predicted < RESOLUTION) {
            return Judgement.inconclusive();
        }
        return Judgement.of(held, 1.0 - qEnd / q0, run.command());
    }
}
