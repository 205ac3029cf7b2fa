package eoslab.theory;

import eoslab.dynamics.StopRule;
import java.util.List;

/** A claim judged on runs of its own design, made from the targets Φ of a check grid's starts. */
public non-sealed interface ExperimentClaim extends Claim {
    /**
     * The judgements of an experiment and a remark on them.
     *
     * @param judgements one per case
     * @param note       a remark on the evidence, or null
     */
    record Evidence(List<Judgement> judgements, String note) {
        /** Copies the list. */
        public Evidence {
            judgements = List.copyOf(judgements);
        }
    }

    /**
     * Makes the claim's runs and judges them.
     *
     * @param phis the distinct targets of the grid, in order of first appearance
     * @param rule the grid's step budget and tolerance
     */
    Evidence judge(List<Double> phis, StopRule rule);
}
