package eoslab.sweep;

import eoslab.dynamics.Engine;
import eoslab.dynamics.GdResult;
import eoslab.dynamics.GdRunner;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.io.AtomicOutput;
import eoslab.io.CsvRows;
import eoslab.io.Json;
import eoslab.measure.GdSummary;
import eoslab.model.shallow.VectorPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs every point of a {@link ParameterGrid} with {@link GdRunner} (so each row is exactly the {@code run --json}
 * summary of that run) and writes one CSV row per run, resumably. Rows are computed in tiles of {@link #TILE}
 * consecutive runs spread over threads; each finished tile is saved atomically in a journal directory
 * {@code OUT.parts/} beside the output. When all tiles exist, the output is assembled in run order into a temporary
 * file and renamed into place, and the journal is removed. An interrupted sweep leaves only whole tiles behind, so
 * resuming computes the missing tiles and produces the same bytes as an uninterrupted run.
 */
public final class SweepRunner {
    /** Runs per tile. */
    public static final int TILE = 256;
    private static final String SPEC = "spec.json";

    private final ParameterGrid grid;
    private final StopRule rule;
    private final Engine engine;
    private final Precision precision;
    private final List<String> columns;

    /** A sweep of the grid with the given stop rule, engine and arithmetic. */
    public SweepRunner(ParameterGrid grid, StopRule rule, Engine engine, Precision precision) {
        this.grid = grid;
        this.rule = rule;
        this.engine = engine;
        this.precision = precision;
        List<String> cols = new ArrayList<>(GdSummary.KEYS);
        for (String c : grid.at(0).columns().keySet()) {
            if (!cols.contains(c)) {
                cols.add(c);
            }
        }
        this.columns = List.copyOf(cols);
    }

    /** The CSV columns: the summary keys, then the initialization parameters. */
    public List<String> columns() {
        return columns;
    }

    /** Number of tiles. */
    public int tiles() {
        return (int) ((grid.size() + TILE - 1) / TILE);
    }

    /** The summary row of run i (the {@code run --json} summary plus the initialization parameters). */
    public Map<String, Object> row(long index) {
        RunParameters rp = grid.at(index);
        VectorPoint point = rp.init().point();
        double eta = rp.modelStep(point);
        GdResult r = GdRunner.run(precision.stepper(engine, rp.phi(), eta, point), rule, List.of());
        Map<String, Object> m = GdSummary.of(r, eta, point.width(), rp.landmarks(point));
        m.putAll(rp.columns());
        return m;
    }

    /** The CSV text of tile t (rows only). */
    public String tileText(int t) {
        StringBuilder sb = new StringBuilder();
        CsvRows out = CsvRows.withoutHeader(sb);
        long end = Math.min(grid.size(), (long) (t + 1) * TILE);
        for (long i = (long) t * TILE; i < end; i++) {
            Map<String, Object> m = row(i);
            out.row(columns.stream().map(m::get).toList());
        }
        return sb.toString();
    }

    /** The journal directory of an output file. */
    public static Path journal(Path out) {
        return out.resolveSibling(out.getFileName() + ".parts");
    }

    /**
     * Runs the sweep into {@code out}.
     *
     * @param parameters the sweep's parameters: stored in the journal and checked on resume
     * @param resume     finish an interrupted sweep (its journal must exist and match)
     * @param threads    threads
     * @param progress   counts runs (may be null)
     * @param stop       polled between tiles: true interrupts the sweep, leaving the journal
     * @return true when the output was written, false when stopped early
     * @throws IllegalArgumentException if a journal exists without resume, or is missing or different with resume
     */
    public boolean run(Path out, Map<String, Object> parameters, boolean resume, int threads, Progress progress,
                       BooleanSupplier stop) {
        Path dir = journal(out);
        String spec = Json.pretty(parameters) + "\n";
        try {
            if (Files.exists(dir) && !resume) {
                throw new IllegalArgumentException("an unfinished sweep exists in " + dir
                        + ": finish it with --resume, or delete that directory");
            }
            if (resume) {
                if (!Files.isRegularFile(dir.resolve(SPEC))) {
                    throw new IllegalArgumentException("nothing to resume: no journal " + dir);
                }
                if (!Files.readString(dir.resolve(SPEC), StandardCharsets.UTF_8).equals(spec)) {
                    throw new IllegalArgumentException("cannot resume: the sweep in " + dir
                            + " has different parameters");
                }
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.createDirectory(dir);
                AtomicOutput.writeString(dir.resolve(SPEC), spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use journal " + dir + ": " + e.getMessage(), e);
        }
        int tiles = tiles();
        List<Integer> todo = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            if (Files.isRegularFile(tileFile(dir, t))) {
                if (progress != null) {
                    progress.skip(tileRows(t));
                }
            } else {
                todo.add(t);
            }
        }
        int ran = TileExecutor.run(todo.size(), threads, () -> k -> {
            int t = todo.get(k);
            AtomicOutput.writeString(tileFile(dir, t), tileText(t));
            if (progress != null) {
                progress.advance(tileRows(t));
            }
        }, stop);
        if (ran < todo.size()) {
            return false;
        }
        assemble(out, dir, tiles);
        return true;
    }

    private long tileRows(int t) {
        return Math.min(grid.size(), (long) (t + 1) * TILE) - (long) t * TILE;
    }

    private void assemble(Path out, Path dir, int tiles) {
        try (AtomicOutput o = AtomicOutput.open(out)) {
            Writer w = o.writer();
            CsvRows.withHeader(w, columns);
            for (int t = 0; t < tiles; t++) {
                w.write(Files.readString(tileFile(dir, t), StandardCharsets.UTF_8));
            }
            o.commit();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static Path tileFile(Path dir, int t) {
        return dir.resolve(String.format(Locale.ROOT, "tile-%08d.csv", t));
    }
}
