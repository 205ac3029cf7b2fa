package eoslab.theory;

import java.util.List;

/** A claim comparing the runs of one start across step sizes. */
public non-sealed interface SweepClaim extends Claim {
    /**
     * The verdicts on the runs of one start.
     *
     * @param runs the runs of one start, in increasing η
     * @return one judgement per case (for example per pair of neighbouring step sizes)
     */
    List<Judgement> judge(List<CaseRun> runs);
}
