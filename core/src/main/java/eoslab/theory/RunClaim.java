package eoslab.theory;

import java.util.List;

/** A claim about single GD runs. */
public non-sealed interface RunClaim extends Claim {
    /** The verdict on one run. */
    Judgement judge(CaseRun run);

    /**
     * A remark on the evidence of some runs, given with their judgements in the same order (default none). The note of
     * a whole check is the remark of highest rank over its starts, the first one on ties, so remarks must be ranked
     * consistently: the remark of a list is the first of highest rank among its runs.
     *
     * @return the remark, or null
     */
    default Remark note(List<CaseRun> runs, List<Judgement> judgements) {
        return null;
    }

    /**
     * A ranked remark.
     *
     * @param rank what makes one remark win over another (higher wins)
     * @param text the remark
     */
    record Remark(double rank, String text) {
        /** The better of two remarks (this one when equal); either may be null. */
        public static Remark better(Remark first, Remark later) {
            return first == null || (later != null && later.rank() > first.rank()) ? later : first;
        }
    }
}
