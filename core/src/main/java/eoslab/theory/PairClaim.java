package eoslab.theory;

import java.util.List;

/** A claim comparing two runs of one case: the method with a constant step and the same method with a warm-up. */
public non-sealed interface PairClaim extends Claim {
    /**
     * The verdict on one case.
     *
     * @param constant the run with a constant step η
     * @param warmup   the run from the same start with a warm-up to the same target η
     */
    Judgement judge(CaseRun constant, CaseRun warmup);

    /**
     * A remark on the evidence, given all pairs and their judgements in the same order (default none).
     *
     * @return the remark, or null
     */
    default String note(List<CaseRun[]> pairs, List<Judgement> judgements) {
        return null;
    }
}
