package eoslab.cli;

import eoslab.dynamics.shallow.Engines;
import eoslab.exec.Progress;
import eoslab.exec.TileJournal;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import eoslab.io.OutputSet;
import eoslab.spec.RunSettings;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.SweepRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab sweep}: a grid of GD runs, one CSV row (the {@code run --json} summary) per run. */
@Command(name = "sweep", mixinStandardHelpOptions = true, header = "One CSV row per GD run over a parameter grid (resumable).", sortOptions = false,
        description = {"Run GD on every point of a parameter grid and write one CSV row per run: the run --json summary "
                + "fields, then eta_rel_set (relative sweeps) and the initialization parameters (m0, lambda0 or "
                + "scale, scale_b, seed). Ranges start:stop:count on --eta/--eta-rel, --beta (with --method heavy-ball "
                + "or nesterov), --phi, --m0, --lambda0, --scale; the last axis varies fastest (order: step, beta, phi, "
                + "initialization).",
                "Rows are identical to individual runs and do not depend on --threads. An interrupted sweep keeps its "
                + "finished tiles in OUT.parts/; --resume completes them into the same file an uninterrupted run "
                + "writes."})
final class SweepCommand extends BaseCommand implements Tiling.TiledCommand {
    @Mixin
    GridOptions grid;
    @Mixin
    GdOptions gd;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true,
            description = "The result file (written atomically when the sweep is complete), plus its manifest.")
    Path outFile;

    @Option(names = "--resume", description = "Finish the interrupted sweep of --out (same options).")
    boolean resume;

    @Mixin
    ForceOption force;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TileOption tile;

    @Override
    public Integer call() {
        Tiling.Prepared prepared = prepare();
        TileShare share = tile.share();
        if (share != null) {
            if (resume) {
                throw new UsageException("--resume does not apply to --tile (a part is computed whole)");
            }
            Tiling.writePart(prepared, share, threads.count(), force.force, argv(), out(), err());
            return 0;
        }
        RunSettings settings = gd.gridSettings();
        ParameterGrid g = grid.grid(settings, gd.methodOptions());
        int n = threads.count();
        Path out = outFile.toAbsolutePath();
        Map<String, Object> params = parameters(g, settings);
        warnTolerance(g.runsBelowResolution(), g.size());
        SweepRunner runner = new SweepRunner(g);
        OutputSet set = plan(List.of(out), force.force);
        Progress progress = Progress.onStderr(err(), "runs", g.size());
        Thread hook = new Thread(() -> {
            err().println();
            err().println("interrupted: finished tiles are kept in " + TileJournal.directory(out)
                    + "; rerun the same command with --resume to complete " + out);
            err().flush();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try (set) {
            runner.run(set, out, () -> {
                manifest(set, out, params, null);
                set.commit();
            }, params, resume, n, progress, () -> false);
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        progress.finish();
        summary(g, out, (System.nanoTime() - t0) * 1e-9);
        return 0;
    }

    @Override
    public Tiling.Prepared prepare() {
        RunSettings settings = gd.gridSettings();
        ParameterGrid g = grid.grid(settings, gd.methodOptions());
        threads.count();
        plan(List.of(outFile), force.force).close();
        Map<String, Object> params = parameters(g, settings);
        SweepRunner runner = new SweepRunner(g);
        return new Tiling.Prepared() {
            @Override
            public String command() {
                return "sweep";
            }

            @Override
            public TiledJob job() {
                return runner.job();
            }

            @Override
            public Map<String, Object> spec() {
                return params;
            }

            @Override
            public String out() {
                return outFile.toString();
            }

            @Override
            public List<Path> finish(byte[][] results, String file, double seconds) {
                Path out = Path.of(file).toAbsolutePath();
                try (OutputSet set = plan(List.of(out), force.force)) {
                    runner.write(set, out, results);
                    manifest(set, out, params, null);
                    set.commit();
                }
                summary(g, out, seconds);
                return List.of(out);
            }
        };
    }

    private static Map<String, Object> parameters(ParameterGrid g, RunSettings settings) {
        Map<String, Object> params = new LinkedHashMap<>(g.describe());
        params.put("steps", settings.stop().maxSteps());
        params.put(settings.stop().relative() ? "tol_rel" : "tol", settings.stop().tol());
        params.put("engine", Engines.resolve(settings.engine()).label());
        params.put("precision", settings.precision().label());
        return params;
    }

    /** The summary of a written sweep. */
    private void summary(ParameterGrid g, Path out, double seconds) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runs", g.size());
        summary.put("file", out.toString());
        summary.put("seconds", seconds);
        summary.put("threads", threads.count());
        print(summary, false);
    }
}
