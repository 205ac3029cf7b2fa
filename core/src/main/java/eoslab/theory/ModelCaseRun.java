package eoslab.theory;

import eoslab.gradientflow.GfsSharpness;
import eoslab.measure.GfsTrack;
import eoslab.model.linear.ScalarChain;
import eoslab.service.ModelRun;
import eoslab.service.ModelRunReport;
import eoslab.sharpness.Sharpness;
import eoslab.spec.EtaSpec;

/**
 * One GD run of a network check grid, with what the claims judge it by.
 *
 * @param run    the resolved run
 * @param report how it ended: its sharpness and GF-solution sharpness along the way
 */
public record ModelCaseRun(ModelRun run, ModelRunReport report) {

    /** The step η. */
    public double eta() {
        return run.eta();
    }

    /** True when GD converged (L − L* ≤ τ²/2). */
    public boolean converged() {
        return report.result().converged();
    }

    /** The sharpness at the last iterate, with its error bar. */
    public Sharpness limit() {
        return report.sharpness().last();
    }

    /** λ_GF, the GF-solution sharpness of the start, or null when unknown. */
    public GfsSharpness gfs() {
        return run.gfs();
    }

    /** The GF-solution sharpness along the run (null when not tracked). */
    public GfsTrack gfsTrack() {
        return report.gfs();
    }

    /** The scalar chain when the model is one, else null. */
    public ScalarChain chain() {
        return run.problem().chain();
    }

    /** The exact command that reruns this case (with its absolute step). */
    public String command() {
        return run.spec().withEta(new EtaSpec.Absolute(eta())).command() + " --json";
    }

    /** The exact command that reruns this case for at most the given number of steps, with extra options. */
    public String command(long steps, String extra) {
        return run.spec().withEta(new EtaSpec.Absolute(eta())).withStop(run.stop().withMaxSteps(steps))
                .command() + (extra.isEmpty() ? "" : " " + extra) + " --json";
    }
}
