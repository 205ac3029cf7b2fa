package eoslab.theory;

/**
 * The verdict of one claim on one case.
 *
 * @param status         whether the hypotheses held and, if so, the conclusion
 * @param margin         how far inside the conclusion the case is (≥ 0 held, &lt; 0 failed; NaN when not applicable
 *                       or inconclusive)
 * @param counterexample for a failure, the exact {@code ./eoslab run …} command(s) that show it; otherwise null
 */
public record Judgement(Status status, double margin, String counterexample) {

    /** The four possible statuses. */
    public enum Status {
        /** The hypotheses did not hold. */
        NOT_APPLICABLE,
        /** The hypotheses and the conclusion held. */
        HELD,
        /** The hypotheses held and the conclusion did not. */
        FAILED,
        /** The hypotheses held but the run could not decide (step budget, or a difference below double precision). */
        INCONCLUSIVE
    }

    /** Not applicable. */
    public static Judgement notApplicable() {
        return new Judgement(Status.NOT_APPLICABLE, Double.NaN, null);
    }

    /** Inconclusive. */
    public static Judgement inconclusive() {
        return new Judgement(Status.INCONCLUSIVE, Double.NaN, null);
    }

    /** Held (margin ≥ 0) or failed, with the command shown for a failure. */
    public static Judgement of(boolean held, double margin, String command) {
        return held ? new Judgement(Status.HELD, margin, null) : new Judgement(Status.FAILED, margin, command);
    }
}
