package eoslab.theory;

import java.util.List;

/** Claim 4: regularization grows with the loss accumulated on the way (the speed/regularization trade-off). */
public final class TradeOffClaim implements RunClaim {
    /** Absolute rounding allowance on ln(Q₀/Q∞) (it is a difference of logarithms accumulated over many steps). */
    public static final double TOLERANCE = 1e-12;

    @Override
    public String id() {
        return "4";
    }

    @Override
    public String title() {
        return "Trade-off: slower convergence accumulates more loss and regularizes more";
    }

    @Override
    public String statement() {
        return "If Q0 ≠ 0, GD converges and η|ε_t| < 1 at every step, then ln(Q0/Q∞) = −Σ_t ln(1 − η²ε_t²) ≥ "
                + "2η²·Σ_t L_t: the regularization is at least 2η² times the loss accumulated along the way, so a "
                + "run that converges slowly (oscillating at the edge of stability) regularizes more; and if "
                + "η ≥ 2/λ_GF, the gain 1 − λ∞/λ_GF ≥ 1 − 2/(ηλ_GF) > 0. Margin: the smaller of "
                + "(ln(Q0/Q∞) − 2η²ΣL_t)/(2η²ΣL_t) and, at the edge, (2/η − λ∞)/λ_GF.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Q0 ≠ 0", "GD converges", "η|ε_t| < 1 at every step");
    }

    /** The allowance on ln(Q₀/Q∞) and on the gap at the edge. */
    @Override
    public double roundingAllowance() {
        return TOLERANCE;
    }

    @Override
    public Judgement judge(CaseRun run) {
        double q0 = run.imbalance0();
        if (q0 == 0 || !run.converged() || run.trace().maxEtaResidual() >= 1.0) {
            return Judgement.notApplicable();
        }
        double eta = run.eta();
        double accumulated = 2.0 * eta * eta * run.trace().accumulatedLoss();
        double gained = Math.log(q0) - Math.log(run.imbalanceEnd());
        boolean held = gained >= accumulated - TOLERANCE;
        double margin = accumulated > 0 ? (gained - accumulated) / accumulated : 0.0;
        if (eta >= 2.0 / run.gfSharpness()) {
            double gap = (2.0 / eta - run.limitSharpness()) / run.gfSharpness();
            held &= gap >= -TOLERANCE;
            margin = Math.min(margin, gap);
        }
        return Judgement.of(held, margin, run.command());
    }
}
