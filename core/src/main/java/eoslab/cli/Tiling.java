package eoslab.cli;

import eoslab.exec.Progress;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import eoslab.io.Json;
import eoslab.io.Manifest;
import eoslab.io.OutputSet;
import eoslab.io.PartFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.SortedMap;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * The one mechanism behind {@code --tile i/N}, {@code eoslab merge} and the Spark backend: a tiled command turns its
 * options into a {@link Prepared} computation (a {@link TiledJob}, the specification that identifies it, and the step
 * that writes the command's outputs from all tile results). A share of the tiles goes into a part file; the results of
 * all tiles, from one process, from parts or from Spark tasks, go through the same output step, so every route writes
 * the same bytes.
 */
public final class Tiling {
    /** Header field: the format name of a part. */
    static final String FORMAT = "eoslab-part";

    private Tiling() {
    }

    /** A command's computation, ready to run in tiles. */
    public interface Prepared {
        /** The command's name ({@code sweep}, {@code phase}, {@code atlas}, {@code check}). */
        String command();

        /** The tiles. */
        TiledJob job();

        /** What identifies the result (parts of one computation have equal specifications). */
        Map<String, Object> spec();

        /** The command's {@code --out}. */
        String out();

        /**
         * Writes the command's outputs, as a single run would, from the results of all tiles (indexed by tile number),
         * and prints its summary.
         *
         * @param out     the output file or prefix (replacing the command's {@code --out})
         * @param seconds the computation's time, for the summary
         * @return the files written
         */
        List<Path> finish(byte[][] results, String out, double seconds);

        /**
         * A prepared computation from its parts.
         *
         * @param job    makes the tiles (called when they are needed)
         * @param finish {@link #finish}
         */
        static Prepared of(String command, Supplier<TiledJob> job, Map<String, Object> spec, String out,
                           Finisher finish) {
            return new Prepared() {
                @Override
                public String command() {
                    return command;
                }

                @Override
                public TiledJob job() {
                    return job.get();
                }

                @Override
                public Map<String, Object> spec() {
                    return spec;
                }

                @Override
                public String out() {
                    return out;
                }

                @Override
                public List<Path> finish(byte[][] results, String file, double seconds) {
                    return finish.finish(results, file, seconds);
                }
            };
        }
    }

    /** What {@link Prepared#finish} does. */
    @FunctionalInterface
    public interface Finisher {
        /** As {@link Prepared#finish}. */
        List<Path> finish(byte[][] results, String out, double seconds);
    }

    /** A command whose work is a {@link TiledJob}. */
    interface TiledCommand {
        /** Validates the options and prepares the computation (nothing computed or written yet). */
        Prepared prepare();
    }

    /**
     * Parses an eoslab command line (for example {@code atlas --eta 0.2:1.6:64 … --out atlas}) into its prepared
     * computation: the entry of the Spark backend and of {@code merge}.
     *
     * @param args     the command line to run (its {@code --out} must be a local file or prefix)
     * @param recorded the command line that the outputs' manifests record (for example with the final, remote
     *                 {@code --out}); {@code --tile} is dropped from it
     * @param out      where the command prints its summary
     * @param err      where it prints progress and notes
     * @throws IllegalArgumentException if the arguments are not a valid tiled command
     */
    public static Prepared prepare(List<String> args, List<String> recorded, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setDefaultValueProvider(new StopOptions.Defaults());
        cl.setOut(out);
        cl.setErr(err);
        CommandLine.ParseResult parsed;
        try {
            parsed = cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!parsed.hasSubcommand() || !(parsed.subcommand().commandSpec().userObject() instanceof TiledCommand c)) {
            throw new IllegalArgumentException("not a tiled command (sweep, phase, atlas or check): "
                    + String.join(" ", args));
        }
        if (c instanceof BaseCommand b) {
            b.argvOverride = withOut(recorded, null);
        }
        try {
            return c.prepare();
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A command line without {@code --tile}, and with {@code --out} replaced when {@code out} is not null (added when
     * missing): the single run that writes what the parts of {@code args} assemble.
     */
    public static List<String> withOut(List<String> args, String out) {
        List<String> a = new ArrayList<>();
        boolean replaced = false;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals("--tile")) {
                i++;
            } else if (!s.startsWith("--tile=")) {
                if (out != null && s.equals("--out") && i + 1 < args.size()) {
                    a.add(s);
                    a.add(out);
                    i++;
                    replaced = true;
                } else if (out != null && s.startsWith("--out=")) {
                    a.add("--out=" + out);
                    replaced = true;
                } else {
                    a.add(s);
                }
            }
        }
        if (out != null && !replaced) {
            a.add("--out");
            a.add(out);
        }
        return a;
    }

    /** The value of {@code --out} in a command line, or null. */
    public static String outOf(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--out") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith("--out=")) {
                return args.get(i).substring("--out=".length());
            }
        }
        return null;
    }

    /** The specification as JSON text (numbers as a part stores them), for comparing computations. */
    public static String specText(Prepared p) {
        return Json.compact(normalized(p.spec()));
    }

    /**
     * Computes one share of a prepared computation and writes it as a part file beside the output, with its manifest.
     *
     * @param argv the command line as typed (stored in the part: {@code merge} re-prepares the computation from it)
     * @return the part file
     */
    static Path writePart(Prepared p, TileShare share, int threads, boolean force, List<String> argv, PrintWriter out,
                          PrintWriter err) {
        Path part = PartFile.pathFor(Path.of(p.out()).toAbsolutePath(), share.index(), share.count());
        try (OutputSet set = BaseCommand.plan(List.of(part), force)) {
            return writePart(p, share, threads, set, part, argv, out, err);
        }
    }

    private static Path writePart(Prepared p, TileShare share, int threads, OutputSet set, Path part,
                                  List<String> argv, PrintWriter out, PrintWriter err) {
        TiledJob job = p.job();
        int tiles = job.tiles();
        long units = 0;
        for (int k = 0; k < share.size(tiles); k++) {
            units += job.units(share.tile(k));
        }
        long t0 = System.nanoTime();
        Progress progress = Progress.onStderr(err, "units of part " + share, units);
        SortedMap<Integer, byte[]> results = Collections.synchronizedSortedMap(new TreeMap<>());
        job.run(share, threads, results::put, progress);
        progress.finish();
        Map<String, Object> header = header(p, share, tiles, argv);
        String sha = PartFile.write(set, part, header, results);
        Map<String, Object> params = new LinkedHashMap<>(header);
        params.remove("format");
        params.remove("argv");
        params.put("sha256", sha);
        set.write(Manifest.pathFor(part), Manifest.text(argv, params, null));
        set.commit();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("part", part.toString());
        summary.put("tile", share.toString());
        summary.put("tiles", share.size(tiles));
        summary.put("of_tiles", tiles);
        summary.put("units", units);
        summary.put("seconds", (System.nanoTime() - t0) * 1e-9);
        out.println(Table.of(summary));
        out.flush();
        return part;
    }

    private static Map<String, Object> header(Prepared p, TileShare share, int tiles, List<String> argv) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("format", FORMAT);
        h.put("command", p.command());
        h.put("argv", argv);
        h.put("spec", p.spec());
        h.put("part", share.toString());
        h.put("index", share.index());
        h.put("count", share.count());
        h.put("tiles_total", tiles);
        h.put("tiles", "t mod " + share.count() + " = " + share.index() + " (" + share.size(tiles) + " tiles)");
        return h;
    }

    /** The specification in its JSON form (as read back from a part), for comparison with a part's. */
    static Object normalized(Map<String, Object> spec) {
        try {
            return Json.mapper().readValue(Json.compact(spec), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a prepared computation whole, in this process, and writes its outputs. */
    static List<Path> runWhole(Prepared p, int threads, PrintWriter err, String label) {
        TiledJob job = p.job();
        byte[][] results = new byte[job.tiles()][];
        Progress progress = Progress.onStderr(err, label, job.units());
        long t0 = System.nanoTime();
        job.run(new TileShare(0, 1), threads, (t, r) -> results[t] = r, progress);
        progress.finish();
        return p.finish(results, p.out(), (System.nanoTime() - t0) * 1e-9);
    }
}
