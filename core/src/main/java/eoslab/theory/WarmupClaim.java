package eoslab.theory;

import eoslab.dynamics.Outcome;
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
                + "before the target step; it is an empirical claim, judged case by case. A warm-up run converges only "
                + "after the warm-up, on a minimum the target step holds (λ ≤ 2κ/η); one left on a minimum the target "
                + "step does not hold with ε = 0 exactly (a fixed point of double arithmetic) is inconclusive. Margin: "
                + "(λ∞(constant) − λ∞(warm-up))/λ∞(constant).";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("the same start and target η", "the method converges with and without warm-up");
    }

    @Override
    public Judgement judge(CaseRun constant, CaseRun warmup) {
        if (constant.converged() && stuck(warmup)) {
            return Judgement.inconclusive();
        }
        if (!constant.converged() || !warmup.converged()) {
            return Judgement.notApplicable();
        }
        double margin = (constant.limitSharpness() - warmup.limitSharpness()) / constant.limitSharpness();
        return Judgement.of(margin >= -TOLERANCE, margin, constant.command() + " ; " + warmup.command());
    }

    /**
     * True when the warm-up run ended its budget on a minimum the target step does not hold with ε exactly 0: a fixed
     * point of double arithmetic (the warm-up converged there while the step was small), which exact or decimal
     * arithmetic would leave ({@code --precision decimal:N}).
     */
    static boolean stuck(CaseRun warmup) {
        return warmup.result().outcome() == Outcome.MAX_STEPS && warmup.result().last().residual() == 0
                && warmup.result().last().sharpness() > warmup.run().method().nominalEdge();
    }

    @Override
    public String note(List<CaseRun[]> pairs, List<Judgement> judgements) {
        String tally = RegimeTally.of(pairs.stream().map(p -> p[0]).toList(), judgements);
        long stuck = pairs.stream().filter(p -> p[0].converged() && stuck(p[1])).count();
        if (stuck == 0) {
            return tally;
        }
        return (tally == null ? "" : tally + "; ") + stuck + " inconclusive: the warm-up run sat on a minimum the "
                + "target step does not hold with ε = 0 exactly, a fixed point of double arithmetic (rerun with "
                + "--precision decimal:40 to see it leave)";
    }
}
