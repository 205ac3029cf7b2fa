package eoslab.theory;

import java.util.List;

/** Claim (b) for networks: GD converges only to minima whose sharpness is below its stability edge 2/η. */
public final class BelowEdgeClaim implements ModelClaim {
    @Override
    public String id() {
        return "b";
    }

    @Override
    public String title() {
        return "GD's limit sharpness is below 2/η";
    }

    @Override
    public String statement() {
        return "If GD with step η converges, the sharpness S∞ at its last iterate is at most 2/η (a minimum with "
                + "S > 2/η is linearly unstable under GD), up to its error bar and a relative "
                + FlatterLimitClaim.SLACK + ". Margin: 1 − ηS∞/2.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("GD converges", "the start is not already converged");
    }

    @Override
    public Judgement judge(ModelCaseRun run) {
        if (!run.converged() || run.report().result().steps() == 0) {
            return Judgement.notApplicable();
        }
        double s = run.limit().value();
        double edge = 2 / run.eta();
        boolean held = s <= edge + run.limit().errorBound(0) + FlatterLimitClaim.SLACK * edge;
        return Judgement.of(held, 1 - s / edge, run.command());
    }

    @Override
    public String note(List<ModelCaseRun> runs, List<Judgement> judgements) {
        return Regimes.failures(runs, judgements);
    }
}
