package eoslab.cli;

import eoslab.dynamics.shallow.Engines;
import eoslab.exec.Progress;
import eoslab.exec.TileJournal;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import eoslab.io.OutputSet;
import eoslab.spec.RunSettings;
import eoslab.sweep.ModelGrid;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.SweepRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
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
                "--model linear|diagonal: the model and start options of run, with ranges on --eta/--eta-rel, --phi (a "
                + "linear network's scalar target), --scale (its Gaussian start), --imbalance (its --balanced start) and "
                + "--alpha (a diagonal network's start); columns: the run --json summary (top_k as top_k_1…), then "
                + "eta_rel_set and NAME_set for the swept values.",
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

    @ArgGroup(exclusive = false, heading = "%nHessian measurements (sweep --model linear|diagonal):%n")
    SharpnessOptions sharpness;

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
        Plan plan = plan();
        int n = threads.count();
        Path out = outFile.toAbsolutePath();
        warnTolerance(plan.below(), plan.size());
        OutputSet set = plan(List.of(out), force.force);
        Progress progress = Progress.onStderr(err(), "runs", plan.size());
        Thread hook = new Thread(() -> {
            if (set.committed()) {
                return;
            }
            err().println();
            err().println("interrupted: finished tiles are kept in " + TileJournal.directory(out)
                    + "; rerun the same command with --resume to complete " + out);
            err().flush();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try (set) {
            plan.runner().run(set, out, () -> manifest(set, out, plan.params(), null), plan.params(), resume, n,
                    progress, () -> false);
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        progress.finish();
        summary(plan, out, (System.nanoTime() - t0) * 1e-9);
        return 0;
    }

    /**
     * The runner of the options, its manifest parameters, its number of runs and how many of them have a tolerance
     * below what their arithmetic resolves.
     */
    private record Plan(SweepRunner runner, Map<String, Object> params, long size, long below) {
    }

    private Plan plan() {
        boolean shallow = grid.family().equals("shallow");
        RunSettings settings = shallow ? gd.gridSettings() : gd.settings();
        String given = sharpness == null ? null : sharpness.firstGiven();
        if (shallow && given != null) {
            throw new UsageException(given + " applies to --model linear|diagonal (the shallow model's sharpness is in "
                    + "closed form)");
        }
        ParameterGrid g = shallow ? grid.grid(settings, gd.methodOptions()) : null;
        ModelGrid mg = shallow ? null : grid.networkGrid(settings,
                (sharpness == null ? new SharpnessOptions() : sharpness).spec(0));
        threads.count();
        plan(List.of(outFile), force.force).close();
        Map<String, Object> params = new LinkedHashMap<>(shallow ? g.describe() : mg.describe());
        params.put("steps", settings.stop().maxSteps());
        params.put(settings.stop().relative() ? "tol_rel" : "tol", settings.stop().tol());
        params.put("engine", shallow ? Engines.resolve(settings.engine()).label() : "vector");
        params.put("precision", settings.precision().label());
        return shallow ? new Plan(new SweepRunner(g), params, g.size(), g.runsBelowResolution())
                : new Plan(new SweepRunner(mg), params, mg.size(), 0);
    }

    @Override
    public Tiling.Prepared prepare() {
        Plan plan = plan();
        return Tiling.Prepared.of("sweep", () -> plan.runner().job(), plan.params(), outFile.toString(),
                (results, file, seconds) -> {
                    Path out = Path.of(file).toAbsolutePath();
                    try (OutputSet set = plan(List.of(out), force.force)) {
                        plan.runner().write(set, out, results);
                        manifest(set, out, plan.params(), null);
                        set.commit();
                    }
                    summary(plan, out, seconds);
                    return List.of(out);
                });
    }

    /** The summary of a written sweep. */
    private void summary(Plan plan, Path out, double seconds) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runs", plan.size());
        summary.put("file", out.toString());
        summary.put("seconds", seconds);
        summary.put("threads", threads.count());
        print(summary, false);
    }
}
