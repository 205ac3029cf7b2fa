package eoslab.cli;

import eoslab.io.Json;
import eoslab.io.Manifest;
import eoslab.io.OutputSet;
import eoslab.io.ThetaJson;
import eoslab.model.Layout;
import eoslab.service.ModelRun;
import eoslab.service.ResolvedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Shared plumbing of the subcommands: streams, the original arguments, summaries and the output policy (all of a command's files through one {@link OutputSet}). */
abstract class BaseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard output of the command. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of the command (progress, warnings). */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command line that manifests record instead of the typed one (a merge records the single run), or null. */
    List<String> argvOverride;

    /** The full command line after {@code eoslab}, as typed. */
    List<String> argv() {
        if (argvOverride != null) {
            return argvOverride;
        }
        CommandLine root = spec.root().commandLine();
        return root.getParseResult() == null ? List.of(spec.name()) : root.getParseResult().originalArgs();
    }

    /** Prints a summary as one JSON object or as an aligned table. */
    void print(Map<String, Object> summary, boolean json) {
        out().println(json ? Json.compact(summary) : Table.of(summary));
        out().flush();
    }

    /** A body that writes a result through a writer. */
    interface WriterBody<T> {
        T write(Writer w) throws IOException;
    }

    /**
     * Plans a command's result files and their manifests (a device such as {@code /dev/null} is written through and
     * gets none), checking them before any computation.
     *
     * @throws IllegalArgumentException one line naming the file and the problem
     */
    static OutputSet plan(List<Path> results, boolean force) {
        List<Path> all = new ArrayList<>();
        for (Path r : results) {
            all.add(r);
            if (!OutputSet.isDevice(r)) {
                all.add(Manifest.pathFor(r));
            }
        }
        return OutputSet.plan(all, force);
    }

    /** Writes the manifest of a planned result file into its set (none for a device). */
    void manifest(OutputSet set, Path result, Map<String, Object> parameters, Map<String, Object> spec) {
        if (!OutputSet.isDevice(result)) {
            set.write(Manifest.pathFor(result), Manifest.text(argv(), parameters, spec));
        }
    }

    /**
     * Writes a result file of a planned set, then its manifest; both appear when the set is committed.
     *
     * @param spec the specification that reruns the result (its JSON form), or null
     * @return what the body returned
     */
    <T> T writeResult(OutputSet set, Path file, Map<String, Object> parameters, Map<String, Object> spec,
                      WriterBody<T> body) {
        T value;
        Writer w = set.writer(file);
        try {
            value = body.write(w);
            w.flush();
        } catch (IOException e) {
            throw OutputSet.failure(file, e);
        } catch (UncheckedIOException e) {
            throw OutputSet.failure(file, e.getCause());
        }
        manifest(set, file, parameters, spec);
        return value;
    }

    /** Writes parameters in the form {@code --theta} reads ({@link ThetaJson}) into a planned set, with a manifest. */
    void writeTheta(OutputSet set, Path file, Layout layout, double[] theta, boolean matrices,
                    Map<String, Object> parameters, Map<String, Object> spec) {
        writeResult(set, file, parameters, spec, w -> {
            ThetaJson.write(w, layout, theta, matrices);
            return null;
        });
    }

    /** Plans, writes and commits one result file with its manifest. */
    <T> T writeResult(Path file, boolean force, Map<String, Object> parameters, Map<String, Object> spec,
                      WriterBody<T> body) {
        try (OutputSet set = plan(List.of(file), force)) {
            T value = writeResult(set, file, parameters, spec, body);
            set.commit();
            return value;
        }
    }

    /** Warns (one line on stderr) when a run's tolerance is below what its arithmetic resolves. */
    void warnTolerance(ResolvedRun run) {
        if (run.toleranceBelowResolution()) {
            err().printf(Locale.ROOT, "warning: the tolerance |ε| <= %.3g is below what the arithmetic resolves for "
                    + "this run (about %.3g, one ulp of max(|Φ|, λ₀, λ_GF)): it can end at max_steps without "
                    + "converging%n", run.stop().tol(), run.resolution());
            err().flush();
        }
    }

    /** Warns (one line on stderr) when a network run's tolerance is below what its arithmetic resolves. */
    void warnTolerance(ModelRun run) {
        if (run.toleranceBelowResolution()) {
            err().printf(Locale.ROOT, "warning: the tolerance √(2(L − L*)) <= %.3g is below what the arithmetic "
                    + "resolves for this run (about %.3g: one ulp of the residual at θ = 0, or 256 ulps of L* where "
                    + "L* > 0): it can end at max_steps without converging%n", run.stop().tol(), run.resolution());
            err().flush();
        }
    }

    /** Warns (one line on stderr) when the tolerance is below what the arithmetic resolves for some runs of a grid. */
    void warnTolerance(long below, long total) {
        if (below > 0) {
            err().printf(Locale.ROOT, "warning: the tolerance is below what the arithmetic resolves (one ulp of "
                    + "max(|Φ|, λ₀, λ_GF)) for %d of %d runs: those can end at max_steps without converging%n", below,
                    total);
            err().flush();
        }
    }

    static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException(String.format(Locale.ROOT, "%s must be at least %d, got %d", option, min, value));
        }
    }
}
