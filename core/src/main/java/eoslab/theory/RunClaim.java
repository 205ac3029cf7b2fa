package eoslab.theory;

import java.util.List;

/** A claim about single GD runs. */
public non-sealed interface RunClaim extends Claim {
    /** The verdict on one run. */
    Judgement judge(CaseRun run);

    /**
     * A remark on the evidence, given all runs and their judgements in the same order (default none).
     *
     * @return the remark, or null
     */
    default String note(List<CaseRun> runs, List<Judgement> judgements) {
        return null;
    }
}
