package eoslab.theory;

import java.util.List;

/** Claim (a) for networks: whenever GD converges, its limit is flatter than the GF solution from the same start. */
public final class FlatterLimitClaim implements ModelClaim {
    /** Relative slack for rounding beyond the estimates' error bars. */
    public static final double SLACK = 1e-9;

    @Override
    public String id() {
        return "a";
    }

    @Override
    public String title() {
        return "GD's limit is flatter than GF's";
    }

    @Override
    public String statement() {
        return "If GD converges (L − L* ≤ τ²/2), the sharpness S∞ at its last iterate is at most λ_GF, the sharpness "
                + "where gradient flow from the same start reaches the tolerance: S∞ ≤ λ_GF (up to the error bars of "
                + "both estimates and a relative " + SLACK + "). Margin: 1 − S∞/λ_GF.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("GD converges", "the start is not already converged", "the gradient flow from the start "
                + "reaches the tolerance (λ_GF known)");
    }

    @Override
    public Judgement judge(ModelCaseRun run) {
        if (!run.converged() || run.report().result().steps() == 0 || run.gfs() == null) {
            return Judgement.notApplicable();
        }
        double s = run.limit().value();
        double gf = run.gfs().value();
        boolean held = s <= gf + run.limit().errorBound(0) + run.gfs().errorBound() + SLACK * Math.abs(gf);
        return Judgement.of(held, 1 - s / gf, run.command());
    }

    @Override
    public String note(List<ModelCaseRun> runs, List<Judgement> judgements) {
        return Regimes.failures(runs, judgements);
    }
}
