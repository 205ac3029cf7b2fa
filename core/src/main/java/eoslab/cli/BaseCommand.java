package eoslab.cli;

import eoslab.io.AtomicOutput;
import eoslab.io.Json;
import eoslab.io.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** Shared plumbing of the subcommands: streams, the original arguments, summaries and atomic result files. */
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
     * Writes a result file atomically, then its manifest.
     *
     * @param spec the specification that reruns the result (its JSON form), or null
     * @return what the body returned
     */
    <T> T writeResult(Path file, Map<String, Object> parameters, Map<String, Object> spec, WriterBody<T> body) {
        T value;
        try (AtomicOutput o = AtomicOutput.open(file)) {
            value = body.write(o.writer());
            o.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        Manifest.writeFor(file, argv(), parameters, spec);
        return value;
    }

    static void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException(String.format(Locale.ROOT, "%s must be at least %d, got %d", option, min, value));
        }
    }
}
