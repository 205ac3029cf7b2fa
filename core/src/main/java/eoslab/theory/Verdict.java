package eoslab.theory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict of one claim over a grid. A margin is ≥ 0 when the conclusion held with room to spare; a held case may
 * have a margin in [−{@link Claim#roundingAllowance()}, 0), the conclusion holding up to the rounding of the
 * quantities the margin is made of ({@link #worstMarginIsRounding()}); only a failed case has a margin beyond it.
 *
 * @param claim          the claim
 * @param tried          cases tried
 * @param applicable     cases where the hypotheses held
 * @param held           applicable cases where the conclusion held
 * @param failed         applicable cases where it did not
 * @param inconclusive   applicable cases the runs could not decide (step budget, double precision)
 * @param worstMargin    the smallest margin over decided cases (NaN when none)
 * @param counterexample the command(s) showing the worst failure, or null
 * @param note           a remark on the evidence (for example the slowest convergence), or null
 */
public record Verdict(Claim claim, long tried, long applicable, long held, long failed, long inconclusive,
                      double worstMargin, String counterexample, String note) {

    /** Aggregates the judgements of one claim. */
    public static Verdict of(Claim claim, List<Judgement> judgements, String note) {
        return of(claim, Tally.of(judgements), note);
    }

    /** The verdict of a tally. */
    public static Verdict of(Claim claim, Tally t, String note) {
        return new Verdict(claim, t.tried(), t.applicable(), t.held(), t.failed(), t.inconclusive(), t.worst(),
                t.counterexample(), note);
    }

    /**
     * The counts of a run of judgements, in an order: adding the tallies of consecutive runs ({@link #plus}) gives the
     * tally of the whole run, so cases judged in separate tiles aggregate to the same verdict.
     *
     * @param tried          judgements
     * @param applicable     those whose hypotheses held
     * @param held           held
     * @param failed         failed
     * @param inconclusive   inconclusive
     * @param worst          the smallest margin of a decided case (NaN when none)
     * @param worstFailure   the margin of the counterexample (NaN when none)
     * @param counterexample the first failure of smallest margin, or null
     */
    public record Tally(long tried, long applicable, long held, long failed, long inconclusive, double worst,
                        double worstFailure, String counterexample) {
        /** The tally of no judgement. */
        public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, Double.NaN, Double.NaN, null);

        /** The tally of judgements in order. */
        public static Tally of(List<Judgement> judgements) {
            long applicable = 0;
            long held = 0;
            long failed = 0;
            long inconclusive = 0;
            double worst = Double.NaN;
            double worstFailure = Double.NaN;
            String counterexample = null;
            for (Judgement j : judgements) {
                switch (j.status()) {
                    case NOT_APPLICABLE -> {
                        continue;
                    }
                    case HELD -> held++;
                    case FAILED -> failed++;
                    case INCONCLUSIVE -> inconclusive++;
                }
                applicable++;
                if (!Double.isNaN(j.margin()) && (Double.isNaN(worst) || j.margin() < worst)) {
                    worst = j.margin();
                }
                if (j.status() == Judgement.Status.FAILED
                        && (counterexample == null || j.margin() < worstFailure)) {
                    worstFailure = j.margin();
                    counterexample = j.counterexample();
                }
            }
            return new Tally(judgements.size(), applicable, held, failed, inconclusive, worst, worstFailure,
                    counterexample);
        }

        /** The tally of these judgements followed by {@code later}'s. */
        public Tally plus(Tally later) {
            double w = !Double.isNaN(later.worst) && (Double.isNaN(worst) || later.worst < worst) ? later.worst : worst;
            boolean theirs = counterexample == null || (later.counterexample != null
                    && later.worstFailure < worstFailure);
            return new Tally(tried + later.tried, applicable + later.applicable, held + later.held,
                    failed + later.failed, inconclusive + later.inconclusive, w,
                    theirs ? later.worstFailure : worstFailure, theirs ? later.counterexample : counterexample);
        }
    }

    /**
     * True when the worst margin is negative but within the claim's rounding allowance and no case failed: the
     * conclusion held, to rounding (a margin of −4.4·10⁻¹⁶ is not a failure).
     */
    public boolean worstMarginIsRounding() {
        return failed == 0 && worstMargin < 0 && worstMargin >= -claim.roundingAllowance();
    }

    /** The verdict word: "held", "failed", or "untested" when no case was decided. */
    public String outcome() {
        if (failed > 0) {
            return "failed";
        }
        return held > 0 ? "held" : "untested";
    }

    /** The JSON form (fields id, title, statement, hypotheses, tried, applicable, held, failed, …); NaN → null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", claim.id());
        m.put("title", claim.title());
        m.put("statement", claim.statement());
        m.put("hypotheses", claim.hypotheses());
        m.put("verdict", outcome());
        m.put("tried", tried);
        m.put("applicable", applicable);
        m.put("held", held);
        m.put("failed", failed);
        m.put("inconclusive", inconclusive);
        m.put("worst_margin", Double.isFinite(worstMargin) ? worstMargin : null);
        m.put("rounding_allowance", claim.roundingAllowance());
        m.put("worst_margin_is_rounding", worstMarginIsRounding());
        m.put("counterexample", counterexample);
        m.put("note", note);
        return m;
    }
}
