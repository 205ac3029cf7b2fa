package eoslab.sweep;

import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.exec.TileJournal;
import eoslab.exec.TiledJob;
import eoslab.io.CsvRows;
import eoslab.io.Json;
import eoslab.io.OutputSet;
import eoslab.measure.GdSummary;
import eoslab.service.ModelRunService;
import eoslab.service.ModelRuns;
import eoslab.service.ModelStart;
import eoslab.service.RunService;
import eoslab.spec.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;

/**
 * Runs every point of a {@link ParameterGrid} through the run service (so each row is exactly the {@code run --json}
 * summary of that run) and writes one CSV row per run, resumably. Rows are computed in tiles of {@link #TILE}
 * consecutive runs spread over threads; each finished tile is kept in a {@link TileJournal} beside the output. When
 * all tiles exist, the output is assembled in run order into a temporary file and renamed into place, and the journal
 * is removed. An interrupted sweep leaves only whole tiles behind, so resuming computes the missing tiles and produces
 * the same bytes as an uninterrupted run.
 */
public final class SweepRunner {
    /** Runs per tile. */
    public static final int TILE = 256;

    private final long size;
    private final LongFunction<Map<String, Object>> rows;
    private final List<String> columns;

    /** The most runs one sweep holds (a billion rows: some 300 GB of CSV). */
    public static final long MAX_RUNS = 1_000_000_000L;

    /**
     * A sweep of the grid.
     *
     * @throws IllegalArgumentException if the grid has more than {@link #MAX_RUNS} runs (naming the size)
     */
    public SweepRunner(ParameterGrid grid) {
        if (grid.size() > MAX_RUNS) {
            throw new IllegalArgumentException("sweep: " + grid.size() + " runs (" + grid.counts() + ") exceed the "
                    + "limit of " + MAX_RUNS + " runs per sweep; use smaller ranges");
        }
        this.size = grid.size();
        this.rows = index -> {
            RunSpec spec = grid.at(index);
            Map<String, Object> m = RunService.run(spec).summary();
            m.putAll(ParameterGrid.columns(spec));
            return m;
        };
        List<String> cols = new ArrayList<>(GdSummary.KEYS);
        cols.addAll(RunService.methodKeys(grid.settings().method()));
        for (String c : ParameterGrid.columns(grid.at(0)).keySet()) {
            if (!cols.contains(c)) {
                cols.add(c);
            }
        }
        this.columns = List.copyOf(cols);
    }

    /**
     * A sweep of a grid of deep linear or diagonal networks: each row is the {@code run --json} summary of its run
     * (lists flattened: {@code top_k} into {@code top_k_1 … top_k_k}, other lists joined with ';'), then the swept
     * values. The start of each distinct model and initialization is resolved and measured (λ_GF) once.
     */
    public SweepRunner(ModelGrid grid) {
        this.size = grid.size();
        Map<List<Object>, ModelStart> starts = new ConcurrentHashMap<>();
        this.rows = index -> {
            RunSpec spec = grid.at(index);
            List<Object> key = List.of(spec.model(), spec.start(), spec.stop(), spec.sharpness());
            ModelStart start = starts.computeIfAbsent(key, k -> ModelRuns.start(spec));
            Map<String, Object> m = flatten(ModelRunService.run(ModelRuns.resolve(spec, start), null, 1, List.of(),
                    false).summary());
            m.putAll(grid.columns(index));
            return m;
        };
        this.columns = List.copyOf(rows.apply(0).keySet());
    }

    /** Lists and arrays as CSV cells: arrays of numbers into indexed columns, other lists joined with ';'. */
    static Map<String, Object> flatten(Map<String, Object> summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        summary.forEach((k, v) -> {
            if (v instanceof double[] arr) {
                for (int i = 0; i < arr.length; i++) {
                    m.put(k + "_" + (i + 1), arr[i]);
                }
            } else if (v instanceof List<?> list) {
                m.put(k, String.join(";", list.stream().map(String::valueOf).toList()));
            } else {
                m.put(k, v);
            }
        });
        return m;
    }

    /** The CSV columns: the summary keys, then the initialization parameters. */
    public List<String> columns() {
        return columns;
    }

    /** Number of tiles. */
    public int tiles() {
        return (int) ((size + TILE - 1) / TILE);
    }

    /** The summary row of run i (the {@code run --json} summary plus the run's own parameters). */
    public Map<String, Object> row(long index) {
        return rows.apply(index);
    }

    /** The CSV text of tile t (rows only). */
    public String tileText(int t) {
        StringBuilder sb = new StringBuilder();
        CsvRows out = CsvRows.withoutHeader(sb);
        long end = Math.min(size, (long) (t + 1) * TILE);
        for (long i = (long) t * TILE; i < end; i++) {
            Map<String, Object> m = row(i);
            out.row(columns.stream().map(m::get).toList());
        }
        return sb.toString();
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
        try (OutputSet set = OutputSet.plan(List.of(out), true)) {
            return run(set, out, () -> { }, parameters, resume, threads, progress, stop);
        }
    }

    /**
     * Runs the sweep into the planned output {@code out} of a set: when every tile exists, the CSV is written into the
     * set, {@code others} writes the caller's other files into it (such as the manifest), the set is committed, and
     * the journal is removed under the commit's lock (Ctrl-C cannot leave the output beside its journal).
     *
     * @param others writes the caller's other files into the set
     * @return true when the output was written and committed, false when stopped early
     */
    public boolean run(OutputSet set, Path out, Runnable others, Map<String, Object> parameters, boolean resume,
                       int threads, Progress progress, BooleanSupplier stop) {
        TileJournal journal = TileJournal.open(out, Json.pretty(parameters) + "\n", resume);
        int tiles = tiles();
        List<Integer> todo = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            if (journal.has(t)) {
                if (progress != null) {
                    progress.skip(tileRows(t));
                }
            } else {
                todo.add(t);
            }
        }
        int ran = TileExecutor.run(todo.size(), threads, () -> k -> {
            int t = todo.get(k);
            journal.put(t, tileText(t));
            if (progress != null) {
                progress.advance(tileRows(t));
            }
        }, stop);
        if (ran < todo.size()) {
            return false;
        }
        write(set.writer(out), out, journal::get, tiles);
        others.run();
        set.commit(() -> {
            try {
                journal.delete();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + TileJournal.directory(out) + ": " + e.getMessage(), e);
            }
        });
        return true;
    }

    private long tileRows(int t) {
        return Math.min(size, (long) (t + 1) * TILE) - (long) t * TILE;
    }

    /** The text of one tile, which may have to be read. */
    private interface TileText {
        String get(int t) throws IOException;
    }

    private void write(Writer w, Path out, TileText texts, int tiles) {
        try {
            CsvRows.withHeader(w, columns);
            for (int t = 0; t < tiles; t++) {
                w.write(texts.get(t));
            }
            w.flush();
        } catch (IOException e) {
            throw OutputSet.failure(out, e);
        }
    }

    /** The sweep as a {@link TiledJob}: tile t's result is the UTF-8 text of {@link #tileText}. */
    public TiledJob job() {
        return new TiledJob() {
            @Override
            public int tiles() {
                return SweepRunner.this.tiles();
            }

            @Override
            public long units(int t) {
                return tileRows(t);
            }

            @Override
            public Worker worker() {
                return t -> tileText(t).getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /**
     * Writes the sweep's CSV file into a set from the results of all its tiles (indexed by tile number, as
     * {@link #job} makes them): the same bytes as {@link #run}.
     */
    public void write(OutputSet set, Path out, byte[][] results) {
        write(set.writer(out), out, t -> new String(results[t], StandardCharsets.UTF_8), results.length);
    }
}
