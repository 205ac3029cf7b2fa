package eoslab.theory;

import java.util.List;

/** Claim m2: when the method converges, the sharpness of its limit is at most the method's stability edge 2κ/η. */
public final class MethodEdgeClaim implements RunClaim {
    @Override
    public String id() {
        return "m2";
    }

    @Override
    public String title() {
        return "The limit sharpness is below the method's stability edge";
    }

    @Override
    public String statement() {
        return "If the method converges with step η, its limit has sharpness λ∞ ≤ 2κ/η, the method's stability edge "
                + "(κ = 1 for GD, 1 + β for heavy ball, (1 + β)/(1 + 2β) for Nesterov): a minimum above the edge is "
                + "linearly unstable (docs/models.md §2). Margin: 1 − ηλ∞/(2κ).";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("the method converges");
    }

    @Override
    public Judgement judge(CaseRun run) {
        if (!run.converged()) {
            return Judgement.notApplicable();
        }
        double edge = run.run().method().nominalEdge();
        return Judgement.of(run.limitSharpness() <= edge, 1.0 - run.limitSharpness() / edge, run.command());
    }
}
