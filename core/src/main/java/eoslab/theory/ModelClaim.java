package eoslab.theory;

import java.util.List;

/** A claim about single GD runs of a deep linear or diagonal network ({@code check --model linear|diagonal}). */
public non-sealed interface ModelClaim extends Claim {
    /** The verdict on one run. */
    Judgement judge(ModelCaseRun run);

    /**
     * A remark on the evidence, given all runs and their judgements in the same order (default none).
     *
     * @return the remark, or null
     */
    default String note(List<ModelCaseRun> runs, List<Judgement> judgements) {
        return null;
    }

    /** The four claims of {@code check --model linear|diagonal}, in order. */
    static List<ModelClaim> all() {
        return List.of(new FlatterLimitClaim(), new BelowEdgeClaim(), new GfsAlongGdClaim(), new FlattestChainClaim());
    }
}
