package eoslab.theory;

/** A claim about single GD runs. */
public non-sealed interface RunClaim extends Claim {
    /** The verdict on one run. */
    Judgement judge(CaseRun run);

    /**
     * A remark on the evidence, given all runs and their judgements in the same order (default none).
     *
     * @return the remark, or null
     */
    default String note(java.util.List<CaseRun> runs, java.util.List<Judgement> judgements) {
        return null;
    }
}
