package eoslab.report;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.StopRule;
import eoslab.exec.TileExecutor;
import eoslab.model.shallow.ShallowState;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.theory.ClaimTrace;
import java.util.List;

/**
 * GD (or another method) from one start at many step sizes, through the run service, in parallel on the tile
 * executor, results in η order: what F2, F3, F6, F7, F11 and F13 plot.
 */
final class EtaSweep {
    /** One run of the sweep. */
    record Point(double eta, RunResult<ShallowState> result, ClaimTrace trace) {
    }

    private EtaSweep() {
    }

    static List<Point> run(ProblemSpec start, double[] etas, StopRule rule, int threads) {
        return run(start, etas, RunSettings.gd(rule), threads);
    }

    /** The same with any method and schedule (the settings' stop rule). */
    static List<Point> run(ProblemSpec start, double[] etas, RunSettings settings, int threads) {
        ResolvedStart problem = Runs.resolve(start.model(), start.start());
        Point[] points = new Point[etas.length];
        TileExecutor.run(etas.length, threads, () -> i -> {
            ResolvedRun run = Runs.resolve(start.run(new EtaSpec.Absolute(etas[i]), settings), problem);
            ClaimTrace trace = new ClaimTrace(run.eta(), Double.NaN, 0.0);
            points[i] = new Point(run.eta(), RunService.run(run, List.of(trace)).result(), trace);
        }, () -> false);
        return List.of(points);
    }
}
