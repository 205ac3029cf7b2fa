package eoslab.theory;

import eoslab.dynamics.Outcome;
import eoslab.measure.GfsTrack;
import java.util.List;
import java.util.Locale;

/** Claim (c) for networks: the GF-solution sharpness does not increase along GD. */
public final class GfsAlongGdClaim implements ModelClaim {
    @Override
    public String id() {
        return "c";
    }

    @Override
    public String title() {
        return "along GD the GF-solution sharpness is non-increasing";
    }

    @Override
    public String statement() {
        return "Along GD, the GF-solution sharpness S_GFS(θ_t) (the sharpness where gradient flow from θ_t reaches the "
                + "tolerance) does not increase: S_GFS(θ_t) ≤ S_GFS(θ_s) + e_s + e_t + " + GfsTrack.RELATIVE_SLACK
                + "·S_GFS(θ_s) for consecutive sampled steps s < t (every step up to 10, every 10th up to 100, every "
                + "100th up to 1000, and the last step). Kreisler et al. (2023) prove it for scalar networks under a step-size condition; on the "
                + "shallow model it fails on steps with η|ε_t| > √2 (docs/models.md §1.4). Margin: minus the largest "
                + "relative rise between consecutive samples.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("GD does not diverge", "the GF-solution sharpness is resolved at two or more sampled iterates");
    }

    @Override
    public Judgement judge(ModelCaseRun run) {
        GfsTrack t = run.gfsTrack();
        if (t == null || run.report().result().outcome() == Outcome.DIVERGED || !Double.isFinite(t.largestRise())) {
            return Judgement.notApplicable();
        }
        boolean held = t.increases() == 0;
        long step = t.maxIncreaseStep();
        return Judgement.of(held, -t.largestRise(), held ? null : run.command(Math.max(step, 1), "--gfs-every 1"));
    }

    @Override
    public String note(List<ModelCaseRun> runs, List<Judgement> judgements) {
        long unresolved = 0;
        long samples = 0;
        for (ModelCaseRun r : runs) {
            if (r.gfsTrack() != null) {
                unresolved += r.gfsTrack().unresolved();
                samples += r.gfsTrack().samples();
            }
        }
        return String.format(Locale.ROOT, "%d GF-solution sharpness samples along GD, %d whose flow did not reach the "
                + "tolerance in its time limit; %s", samples, unresolved, Regimes.failures(runs, judgements));
    }
}
