package eoslab.service;

import eoslab.dynamics.RunResult;
import eoslab.measure.GfsTrack;
import eoslab.measure.SharpnessTrack;
import eoslab.model.State;
import java.util.Map;

/**
 * A finished GD run of a deep linear or diagonal network.
 *
 * @param run       the resolved run
 * @param result    how it ended
 * @param sharpness the sharpness along it
 * @param gfs       the GF-solution sharpness along it, or null when not tracked
 * @param theta     the last iterate (copied in and out)
 * @param summary   the summary ({@code run --json}), insertion-ordered
 */
public record ModelRunReport(ModelRun run, RunResult<State> result, SharpnessTrack sharpness, GfsTrack gfs,
                             double[] theta, Map<String, Object> summary) {
    /** Copies. */
    public ModelRunReport {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }
}
