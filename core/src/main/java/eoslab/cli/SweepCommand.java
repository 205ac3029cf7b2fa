package eoslab.cli;

import eoslab.dynamics.shallow.Engines;
import eoslab.exec.Progress;
import eoslab.exec.TileJournal;
import eoslab.io.Manifest;
import eoslab.spec.RunSettings;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
final class SweepCommand extends BaseCommand {
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
    ThreadsOption threads;

    @Override
    public Integer call() {
        RunSettings settings = gd.gridSettings();
        ParameterGrid g = grid.grid(settings, gd.methodOptions());
        int n = threads.count();
        Path out = outFile.toAbsolutePath();
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UsageException("directory does not exist: " + out.getParent());
        }
        Map<String, Object> params = new LinkedHashMap<>(g.describe());
        params.put("steps", settings.stop().maxSteps());
        params.put("tol", settings.stop().tol());
        params.put("engine", Engines.resolve(settings.engine()).label());
        params.put("precision", settings.precision().label());
        SweepRunner runner = new SweepRunner(g);
        Progress progress = Progress.onStderr(err(), "runs", g.size());
        Thread hook = new Thread(() -> {
            err().println();
            err().println("interrupted: finished tiles are kept in " + TileJournal.directory(out)
                    + "; rerun the same command with --resume to complete " + out);
            err().flush();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        try {
            runner.run(out, params, resume, n, progress, () -> false);
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        progress.finish();
        Manifest.writeFor(out, argv(), params, null);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runs", g.size());
        summary.put("file", out.toString());
        summary.put("seconds", (System.nanoTime() - t0) * 1e-9);
        summary.put("threads", n);
        print(summary, false);
        return 0;
    }

}
