package eoslab.theory;

import java.util.ArrayList;
import java.util.List;

/** Claim 5: the sharpness (= norm) of GD's solution does not increase with η. Checked on a dense η grid. */
public final class MonotoneStepClaim implements SweepClaim {
    /** Relative slack for rounding of λ∞ (far above double rounding, far below any real violation). */
    public static final double TOLERANCE = 1e-9;

    @Override
    public String id() {
        return "5";
    }

    @Override
    public String title() {
        return "The sharpness and norm of GD's solution decrease as the step size grows";
    }

    @Override
    public String statement() {
        return "From a fixed start, for step sizes η < η′ at which GD converges, λ∞(η′) ≤ λ∞(η), where "
                + "λ∞ = √(4Φ² + Q∞²) is both the norm and the sharpness of the minimum reached. Checked between "
                + "every two neighbouring converged step sizes of a dense η grid. Margin: (λ∞(η) − λ∞(η′))/λ∞(η).";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("the same start (Φ, a0, b0)", "GD converges at both η < η′");
    }

    /** The relative slack for the rounding of λ∞. */
    @Override
    public double roundingAllowance() {
        return TOLERANCE;
    }

    @Override
    public List<Judgement> judge(List<CaseRun> runs) {
        List<Judgement> out = new ArrayList<>();
        CaseRun previous = null;
        for (int i = 0; i < runs.size(); i++) {
            CaseRun run = runs.get(i);
            if (!run.converged()) {
                if (i > 0) {
                    out.add(Judgement.notApplicable());
                }
                continue;
            }
            if (previous != null) {
                double before = previous.limitSharpness();
                double margin = (before - run.limitSharpness()) / before;
                out.add(Judgement.of(margin >= -TOLERANCE, margin, previous.command() + " ; " + run.command()));
            } else if (i > 0) {
                out.add(Judgement.notApplicable());
            }
            previous = run;
        }
        return out;
    }
}
