package eoslab.theory;

import java.util.List;

/** Claim m3: with a warm-up, the method ends at a flatter minimum than with a constant step at the same target η. */
public final class WarmupClaim implements PairClaim {
    /** Relative slack for rounding of λ∞ (as claim 5's). */
    public static final double TOLERANCE = 1e-9;

    @Override
    public String id() {
        return "m3";
    }

    @Override
    public String title() {
        return "With warm-up the limit is flatter than without, at the same target step";
    }

    @Override
    public String statement() {
        return "From one start, if the method converges both with a constant step η and with a linear warm-up to the "
                + "same η, the warmed-up limit is at least as flat: λ∞(warm-up) ≤ λ∞(constant), up to a relative "
                + "1e-9 for rounding. This is the argument that warm-up works by letting GD reach flatter regions "
                + "before the target step; it is an empirical claim, judged case by case. Margin: "
                + "(λ∞(constant) − λ∞(warm-up))/λ∞(constant).";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("the same start and target η", "the method converges with and without warm-up");
    }

    @Override
    public Judgement judge(CaseRun constant, CaseRun warmup) {
        if (!constant.converged() || !warmup.converged()) {
            return Judgement.notApplicable();
        }
        double margin = (constant.limitSharpness() - warmup.limitSharpness()) / constant.limitSharpness();
        return Judgement.of(margin >= -TOLERANCE, margin, constant.command() + " ; " + warmup.command());
    }

    @Override
    public String note(List<CaseRun[]> pairs, List<Judgement> judgements) {
        return RegimeTally.of(pairs.stream().map(p -> p[0]).toList(), judgements);
    }
}
