package eoslab.theory;

import java.util.List;

/**
 * Claim m1: the method (gradient descent, heavy ball or Nesterov, with a constant step) still ends at a strictly
 * flatter minimum than gradient flow from the same start when it converges.
 */
public final class MethodFlatterClaim implements RunClaim {
    /** Below this relative change of Q, double precision cannot tell Q∞ from Q₀. */
    public static final double RESOLUTION = 1e-13;

    @Override
    public String id() {
        return "m1";
    }

    @Override
    public String title() {
        return "The method still ends flatter than GF when it converges";
    }

    @Override
    public String statement() {
        return "If Q0 ≠ 0, ε0 ≠ 0 and the method converges, the minimum it reaches has sharpness = norm "
                + "λ∞ = √(4Φ² + Q∞²) strictly below λ_GF = √(4Φ² + Q0²), the sharpness of GF's minimum from the same "
                + "start (GF conserves Q). For gradient descent this is claim 3 without its step hypothesis; for "
                + "momentum there is no product formula for Q∞ (docs/models.md §2), so this is an empirical claim. "
                + "Runs whose Q moved by less than 1e-13 relative are inconclusive. Margin: 1 − λ∞/λ_GF.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Q0 ≠ 0", "ε0 ≠ 0", "the method converges");
    }

    @Override
    public Judgement judge(CaseRun run) {
        double q0 = run.imbalance0();
        if (q0 == 0 || run.result().initial().residual() == 0 || !run.converged()) {
            return Judgement.notApplicable();
        }
        double lambda = run.limitSharpness();
        double gf = run.gfSharpness();
        boolean held = lambda < gf;
        if (!held && Math.abs(1.0 - run.imbalanceEnd() / q0) < RESOLUTION) {
            return Judgement.inconclusive();
        }
        return Judgement.of(held, 1.0 - lambda / gf, run.command());
    }

    /** The split of the decided cases over the method's regimes (one remark for all runs: rank 0). */
    @Override
    public Remark note(List<CaseRun> runs, List<Judgement> judgements) {
        String tally = RegimeTally.of(runs, judgements);
        return tally == null ? null : new Remark(0, tally);
    }
}
