package eoslab.web;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Engine;
import eoslab.dynamics.shallow.Engines;
import eoslab.exec.TileExecutor;
import eoslab.grid.Axis;
import eoslab.io.Columns;
import eoslab.io.ComparisonCsv;
import eoslab.io.CsvRows;
import eoslab.io.Manifest;
import eoslab.io.Npy;
import eoslab.io.PhaseCsv;
import eoslab.io.TrajectoryCsv;
import eoslab.measure.PhaseMap;
import eoslab.plot.Chart;
import eoslab.plot.ChartWriter;
import eoslab.plot.FigureSize;
import eoslab.plot.PhaseImage;
import eoslab.plot.PhasePalette;
import eoslab.service.CompareService;
import eoslab.service.FlowService;
import eoslab.service.ModelCompareService;
import eoslab.service.ModelFlowService;
import eoslab.service.ModelRun;
import eoslab.service.ModelRunReport;
import eoslab.service.ModelRunService;
import eoslab.service.ModelRuns;
import eoslab.service.ResolvedRun;
import eoslab.service.RunReport;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.FlowRunSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.SharpnessSpec;
import eoslab.spec.SpecSchema;
import eoslab.spec.StartSpec;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseSpec;
import eoslab.sweep.SweepRunner;
import eoslab.theory.CheckGrid;
import eoslab.theory.ClaimChecker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The JSON API, independent of HTTP: {@link #handle} answers one request to an endpoint with a {@link Reply}. Every
 * endpoint takes its specification as {@code spec}, {@code options} or {@code args} ({@link Requests}) and returns
 * what the command prints with {@code --json} (or writes with {@code --out}), checked against the {@link Limits}
 * first and stopped at the time limit. Thread-safe.
 *
 * <ul>
 * <li>{@code schema}: the specification's variants ({@link SpecSchema}), limits, endpoints, phase-map axes.
 * <li>{@code run}, {@code compare}, {@code flow}: {@code {"command", "command_out", "spec", "summary"}}, plus
 *     {@code "series"} (the {@code --out} table as columns) with {@code "series": true}; {@code "format": "csv"}
 *     gives the {@code --out} file itself, {@code "f64"} the binary form of {@link SeriesFormat};
 *     {@code "region": true} adds the convergence region of the (m, λ) plane.
 *     The networks ({@code --model linear|diagonal}) run through the CLI's own services ({@code ModelRunService},
 *     {@code ModelCompareService}, {@code ModelFlowService}), bounded by {@link #checkNetwork}; no region for them.
 * <li>{@code sweep}: the {@code --out} file's columns ({@code "format": "csv"}: the file).
 * <li>{@code phase}: {@code "tiles": [first, count]} computes those tiles of the map; {@code "cell": [ix, iy]} gives
 *     the run of a cell; otherwise the whole map (JSON arrays with coordinates, or {@code npy}, {@code csv},
 *     {@code png}, {@code svg}).
 * <li>{@code check}: what {@code check --json} prints.
 * <li>{@code figure}: one plot of the explorer ({@code "chart"}) or the phase map as PNG or SVG.
 * </ul>
 */
public final class Api {
    /** The endpoints, in documentation order. */
    public static final List<String> ENDPOINTS = List.of("schema", "run", "compare", "flow", "sweep", "phase", "check",
            "figure");
    /** Widest start the ODE flow solver is given through the API. */
    static final int ODE_MAX_WIDTH = 10_000;
    private static final int REGION_POINTS = 65;
    /** Hessian-vector products charged per Lanczos sharpness estimate of a network (a generous bound). */
    static final long LANCZOS_HVPS = 50;
    /** Most GF-solution sharpness computations along a network's GD run ({@code steps / --gfs-every}). */
    static final long MAX_GFS_SOLVES = 100;

    private final Requests requests;
    private final Limits limits;
    private final PhaseViews views = new PhaseViews();

    /** An API reading options with {@code reader}, within {@code limits}. */
    public Api(OptionReader reader, Limits limits) {
        this.requests = new Requests(reader, limits);
        this.limits = limits;
    }

    /** The limits. */
    public Limits limits() {
        return limits;
    }

    /**
     * Answers one request.
     *
     * @param endpoint the name after {@code /api/}
     * @param body     the parsed JSON body (an empty map for none)
     * @return the reply; errors are JSON {@code {"error": message}} with their status, never an exception
     */
    public Reply handle(String endpoint, Map<String, Object> body) {
        try {
            return switch (endpoint) {
                case "schema" -> Reply.json(schema());
                case "run" -> run(body);
                case "compare" -> compare(body);
                case "flow" -> flow(body);
                case "sweep" -> sweep(body);
                case "phase" -> phase(body);
                case "check" -> check(body);
                case "figure" -> figure(body);
                default -> throw new ApiException(ApiException.NOT_FOUND, "no endpoint /api/" + endpoint
                        + " (endpoints: " + String.join(", ", ENDPOINTS) + ")");
            };
        } catch (ApiException e) {
            return Reply.error(e);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Reply.error(ApiException.badRequest(firstLine(e.getMessage())));
        } catch (OutOfMemoryError e) {
            return Reply.error(new ApiException(ApiException.UNAVAILABLE, "out of memory: ask for less"));
        } catch (RuntimeException e) {
            return Reply.error(new ApiException(500, "internal failure: " + e + " (please report)"));
        }
    }

    /** The first line of a message, trimmed: the CLI's one-line form. */
    static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse("").trim();
    }

    private Map<String, Object> schema() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Manifest.version());
        m.put("endpoints", ENDPOINTS);
        m.put("spec", SpecSchema.describe());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("max_body_bytes", limits.maxBodyBytes());
        l.put("max_steps", limits.maxSteps());
        l.put("max_width", limits.maxWidth());
        l.put("max_vector_work", limits.maxVectorWork());
        l.put("max_runs", limits.maxRuns());
        l.put("max_cells", limits.maxCells());
        l.put("max_rows", limits.maxRows());
        l.put("time_limit_seconds", limits.timeLimit().toMillis() / 1000.0);
        l.put("max_concurrent", limits.maxConcurrent());
        l.put("reads_files", limits.readsFiles());
        m.put("limits", l);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("x", List.of("eta", "eta-rel"));
        p.put("y", List.of("lambda0", "m0", "phi", "scale"));
        p.put("tile_cells", PhaseSpec.TILE);
        p.put("classes", Arrays.stream(CellClass.values()).map(CellClass::label).toList());
        PhasePalette palette = new PhasePalette(10_000);
        List<Map<String, Object>> legend = new ArrayList<>();
        for (CellClass c : CellClass.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", c.label());
            e.put("rgb", String.format(Locale.ROOT, "#%06x", palette.level(c.ordinal(), 0.45)));
            legend.add(e);
        }
        p.put("legend", legend);
        m.put("phase", p);
        m.put("charts", ViewCharts.NAMES);
        m.put("threads", limits.threads());
        return m;
    }

    private Reply run(Map<String, Object> body) {
        OptionReader.Run r = requests.run("run", body);
        String format = format(body, "json", "csv", "f64");
        if (!(r.spec().model() instanceof ModelSpec.Shallow)) {
            return networkRun(r, body, format);
        }
        checkRun(r.spec());
        ResolvedRun resolved = Runs.resolve(r.spec());
        Deadline deadline = Deadline.in(limits.timeLimit());
        boolean series = !format.equals("json") || flag(body, "series");
        if (series) {
            checkRows(r.spec().stop().maxSteps() / r.every() + 2);
        }
        if (format.equals("csv")) {
            StringBuilder sb = new StringBuilder();
            RunService.run(resolved, sb, r.every(), List.of(deadline));
            return Reply.text("text/csv", sb.toString());
        }
        Columns table = series ? new Columns(TrajectoryCsv.COLUMNS) : null;
        RunReport report = series ? RunService.run(resolved, table, r.every(), List.of(deadline))
                : RunService.run(resolved, List.of(deadline));
        Map<String, Object> reply = envelope("run", r.spec().toArgs(), r.spec().describe(), report.summary(),
                r.every());
        if (flag(body, "region")) {
            reply.put("region", region(resolved, table, "product"));
        }
        return withSeries(reply, table, format);
    }

    private Reply compare(Map<String, Object> body) {
        OptionReader.Run r = requests.run("compare", body);
        String format = format(body, "json", "csv", "f64");
        if (!(r.spec().model() instanceof ModelSpec.Shallow)) {
            return networkCompare(r, body, format);
        }
        checkRun(r.spec());
        ResolvedRun resolved = Runs.resolve(r.spec());
        Deadline deadline = Deadline.in(limits.timeLimit());
        boolean series = !format.equals("json") || flag(body, "series");
        if (series) {
            checkRows(r.spec().stop().maxSteps() / r.every() + 2);
        }
        if (format.equals("csv")) {
            StringBuilder sb = new StringBuilder();
            CompareService.compare(resolved, CsvRows.withHeader(sb, ComparisonCsv.COLUMNS), r.every(),
                    List.of(deadline));
            return Reply.text("text/csv", sb.toString());
        }
        Columns table = series ? new Columns(ComparisonCsv.COLUMNS) : null;
        Map<String, Object> cmp = CompareService.compare(resolved, table, r.every(), List.of(deadline));
        Map<String, Object> reply = envelope("compare", r.spec().toArgs(), r.spec().describe(), cmp, r.every());
        if (flag(body, "region")) {
            reply.put("region", region(resolved, table, "gd_product"));
        }
        return withSeries(reply, table, format);
    }

    private Reply flow(Map<String, Object> body) {
        FlowRunSpec spec = requests.flow(body);
        String format = format(body, "json", "csv", "f64");
        if (!(spec.model() instanceof ModelSpec.Shallow)) {
            return networkFlow(spec, body, format);
        }
        checkStart(spec.start());
        if (spec.solver().equals("ode")) {
            Limits.require("the width of an ODE flow", width(spec.start()), Math.min(ODE_MAX_WIDTH,
                    limits.maxWidth()), "use the exact solver, or the CLI");
        }
        FlowService.FlowPlan plan = FlowService.plan(spec);
        checkRows(plan.sampling().sampleCount());
        if (format.equals("csv")) {
            StringBuilder sb = new StringBuilder();
            FlowService.solve(plan, sb);
            return Reply.text("text/csv", sb.toString());
        }
        boolean series = !format.equals("json") || flag(body, "series");
        Columns table = series ? new Columns(TrajectoryCsv.COLUMNS) : null;
        FlowService.FlowReport report = FlowService.solveInto(plan, table);
        Map<String, Object> reply = envelope("flow", spec.toArgs(), spec.describe(), report.summary(), 0);
        return withSeries(reply, table, format);
    }

    /** {@code run} of a network ({@code --model linear|diagonal}): the CLI's service, within the network limits. */
    private Reply networkRun(OptionReader.Run r, Map<String, Object> body, String format) {
        ModelRun resolved = ModelRuns.resolve(r.spec());
        checkNetwork(r.spec(), resolved.problem().dimension());
        boolean series = !format.equals("json") || flag(body, "series");
        if (series) {
            checkRows(r.spec().stop().maxSteps() / r.every() + 2);
        }
        StringBuilder sb = series ? new StringBuilder() : null;
        ModelRunReport report = ModelRunService.run(resolved, sb, r.every(), List.of(Deadline.in(limits.timeLimit())),
                false);
        if (format.equals("csv")) {
            return Reply.text("text/csv", sb.toString());
        }
        Map<String, Object> reply = envelope("run", r.spec().toArgs(), r.spec().describe(), report.summary(),
                r.every());
        return withSeries(reply, series ? columns(sb) : null, format);
    }

    /** {@code compare} of a network: GD against GF (DP853) by the CLI's service, within the network limits. */
    private Reply networkCompare(OptionReader.Run r, Map<String, Object> body, String format) {
        ModelRun resolved = ModelRuns.resolve(r.spec());
        checkNetwork(r.spec(), resolved.problem().dimension());
        boolean series = !format.equals("json") || flag(body, "series");
        if (series) {
            checkRows(r.spec().stop().maxSteps() / r.every() + 2);
        }
        StringBuilder sb = series ? new StringBuilder() : null;
        Map<String, Object> cmp = ModelCompareService.compare(resolved, sb, r.every(),
                List.of(Deadline.in(limits.timeLimit())));
        if (format.equals("csv")) {
            return Reply.text("text/csv", sb.toString());
        }
        Map<String, Object> reply = envelope("compare", r.spec().toArgs(), r.spec().describe(), cmp, r.every());
        return withSeries(reply, series ? columns(sb) : null, format);
    }

    /** {@code flow} of a network: DP853 (or the chain's closed form) by the CLI's service. */
    private Reply networkFlow(FlowRunSpec spec, Map<String, Object> body, String format) {
        ModelFlowService.FlowPlan plan = ModelFlowService.plan(spec);
        Limits.require("the number of parameters", plan.problem().dimension(), limits.maxWidth(), "use the CLI");
        boolean series = !format.equals("json") || flag(body, "series");
        StringBuilder sb = series ? new StringBuilder() : null;
        ModelFlowService.FlowReport report = ModelFlowService.solve(plan, sb);
        if (format.equals("csv")) {
            return Reply.text("text/csv", sb.toString());
        }
        Columns table = series ? columns(sb) : null;
        if (table != null) {
            checkRows(table.rows());
        }
        Map<String, Object> reply = envelope("flow", spec.toArgs(), spec.describe(), report.summary(), 0);
        return withSeries(reply, table, format);
    }

    /**
     * The work limits of a network run: steps, parameters, steps × parameters, the sharpness estimates' work (each
     * charged {@link #LANCZOS_HVPS} Hessian-vector products per eigenvalue, or n products when dense) and the number
     * of GF-solution sharpness computations along GD.
     */
    void checkNetwork(RunSpec spec, long parameters) {
        long steps = spec.stop().maxSteps();
        Limits.require("--steps", steps, limits.maxSteps(), "use the CLI for longer runs");
        Limits.require("the number of parameters", parameters, limits.maxWidth(), "use the CLI");
        Limits.require("steps × parameters of a network", Math.multiplyHigh(steps, parameters) != 0 ? Long.MAX_VALUE
                : steps * parameters, limits.maxVectorWork(), "use the CLI");
        SharpnessSpec s = spec.sharpness();
        long estimates = s.every() > 0 ? steps / s.every() + 2 : 2;
        long perEstimate = s.method().equals("dense") ? parameters : LANCZOS_HVPS * s.topK();
        double work = (double) estimates * perEstimate * parameters;
        Limits.require("the sharpness work (estimates × HVPs × parameters)", work > Long.MAX_VALUE ? Long.MAX_VALUE
                : (long) work, limits.maxVectorWork(), "give a larger --sharpness-every");
        if (s.gfsEvery() > 0) {
            Limits.require("the GF-solution sharpness computations (steps / --gfs-every)", steps / s.gfsEvery(),
                    MAX_GFS_SOLVES, "give a larger --gfs-every");
        }
    }

    /** A numeric CSV table (the services' trajectory files) as columns; an empty cell is NaN. */
    private static Columns columns(StringBuilder csv) {
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(csv.toString()));
            Columns table = new Columns(parser.getHeaderNames());
            for (CSVRecord rec : parser) {
                Object[] row = new Object[rec.size()];
                for (int i = 0; i < row.length; i++) {
                    String v = rec.get(i);
                    row[i] = v.isEmpty() ? null : Double.parseDouble(v);
                }
                table.row(row);
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply sweep(Map<String, Object> body) {
        ParameterGrid grid = requests.sweep(body);
        String format = format(body, "json", "csv");
        Limits.require("the number of runs", grid.size(), limits.maxRuns(), "split the sweep");
        RunSpec first = grid.at(0);
        checkRun(first);
        SweepRunner runner = new SweepRunner(grid);
        Deadline deadline = Deadline.in(limits.timeLimit());
        int tiles = runner.tiles();
        if (format.equals("csv")) {
            String[] text = new String[tiles];
            runTiles(tiles, deadline, t -> text[t] = runner.tileText(t));
            StringBuilder sb = new StringBuilder();
            CsvRows.withHeader(sb, runner.columns());
            for (String s : text) {
                sb.append(s);
            }
            return Reply.text("text/csv", sb.toString());
        }
        Object[][] cells = new Object[runner.columns().size()][(int) grid.size()];
        runTiles(tiles, deadline, t -> {
            long end = Math.min(grid.size(), (long) (t + 1) * SweepRunner.TILE);
            for (long i = (long) t * SweepRunner.TILE; i < end; i++) {
                Map<String, Object> row = runner.row(i);
                for (int c = 0; c < cells.length; c++) {
                    cells[c][(int) i] = row.get(runner.columns().get(c));
                }
            }
        });
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int c = 0; c < cells.length; c++) {
            columns.put(runner.columns().get(c), Arrays.asList(cells[c]));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("command", "./eoslab sweep " + shellJoin(argsOf("sweep", body)) + " --out sweep.csv");
        reply.put("runs", grid.size());
        reply.put("columns", columns);
        return Reply.json(reply);
    }

    private Reply phase(Map<String, Object> body) {
        PhaseSpec spec = requests.phase(body);
        Limits.require("--steps", spec.maxSteps(), limits.maxSteps(), "");
        if (body.containsKey("cell")) {
            int[] c = ints(body, "cell", 2);
            if (c[0] < 0 || c[0] >= spec.nx() || c[1] < 0 || c[1] >= spec.ny()) {
                throw new IllegalArgumentException("cell must be [ix, iy] with 0 <= ix < " + spec.nx()
                        + " and 0 <= iy < " + spec.ny());
            }
            RunSpec cell = spec.cell(c[0], c[1]);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("cell", List.of(c[0], c[1]));
            reply.put("x", spec.x().value(c[0]));
            reply.put("y", spec.y().value(c[1]));
            reply.put("command", cell.command());
            reply.put("spec", cell.describe());
            return Reply.json(reply);
        }
        if (body.containsKey("tiles")) {
            return Reply.json(tiles(spec, body));
        }
        String format = format(body, "json", "npy", "csv", "png", "svg");
        Limits.require("the number of cells", (long) spec.nx() * spec.ny(), limits.maxCells(),
                "ask for tiles, or use the CLI");
        PhaseMap map = PhaseMap.empty(spec.nx(), spec.ny());
        Deadline deadline = Deadline.in(limits.timeLimit());
        int done = TileExecutor.run(spec.tiles(), limits.threads(), () -> {
            PhaseEngine.Scratch s = new PhaseEngine.Scratch();
            return t -> {
                PhaseEngine.tile(spec, t, s).copyInto(map);
            };
        }, deadline);
        if (done < spec.tiles()) {
            deadline.check();
        }
        return switch (format) {
            case "npy" -> Reply.bytes("application/octet-stream", Npy.phaseMap(map));
            case "csv" -> {
                StringBuilder sb = new StringBuilder();
                PhaseCsv.write(sb, map, spec.x(), spec.y());
                yield Reply.text("text/csv", sb.toString());
            }
            case "png" -> Reply.bytes("image/png", phasePng(spec, map));
            case "svg" -> Reply.text("image/svg+xml", rasterSvg(phasePng(spec, map)));
            default -> Reply.json(mapJson(spec, map, body));
        };
    }

    private Map<String, Object> tiles(PhaseSpec spec, Map<String, Object> body) {
        int[] range = ints(body, "tiles", 2);
        int first = range[0];
        int count = range[1];
        if (first < 0 || count < 1 || first >= spec.tiles()) {
            throw new IllegalArgumentException("tiles must be [first, count] with 0 <= first < " + spec.tiles()
                    + " and count >= 1");
        }
        count = Math.min(count, spec.tiles() - first);
        Limits.require("the number of cells", (long) count * Math.min(PhaseSpec.TILE, spec.nx()), limits.maxCells(),
                "ask for fewer tiles");
        BooleanSupplier cancelled = () -> false;
        if (body.get("cancel") instanceof Map<?, ?> c && c.get("group") instanceof String g
                && c.get("seq") instanceof Number seq) {
            cancelled = views.open(g, seq.longValue());
        }
        Deadline deadline = Deadline.in(limits.timeLimit(), cancelled);
        PhaseEngine.TileResult[] results = new PhaseEngine.TileResult[count];
        int n = count;
        TileExecutor.run(n, 1, () -> {
            PhaseEngine.Scratch s = new PhaseEngine.Scratch();
            return k -> results[k] = PhaseEngine.tile(spec, first + k, s);
        }, deadline);
        PhasePalette palette = new PhasePalette(spec.maxSteps());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < n && results[k] != null; k++) {
            PhaseEngine.TileResult r = results[k];
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tile", first + k);
            t.put("first", r.first());
            t.put("cls", codes(r.cls()));
            t.put("steps", r.steps());
            t.put("period", codes(r.period()));
            byte[] rgb = new byte[3 * r.cls().length];
            for (int i = 0; i < r.cls().length; i++) {
                int c = palette.color(r.cls()[i], r.steps()[i], r.period()[i]);
                rgb[3 * i] = (byte) (c >> 16);
                rgb[3 * i + 1] = (byte) (c >> 8);
                rgb[3 * i + 2] = (byte) c;
            }
            t.put("rgb", Base64.getEncoder().encodeToString(rgb));
            out.add(t);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("command", "./eoslab phase " + shellJoin(argsOf("phase", body)) + " --out phase");
        reply.put("nx", spec.nx());
        reply.put("ny", spec.ny());
        reply.put("tiles_total", spec.tiles());
        reply.put("tile_cells", PhaseSpec.TILE);
        reply.put("cancelled", out.size() < n);
        reply.put("tiles", out);
        if (out.size() < n && !cancelled.getAsBoolean()) {
            deadline.check();
        }
        return reply;
    }

    private Map<String, Object> mapJson(PhaseSpec spec, PhaseMap map, Map<String, Object> body) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("command", "./eoslab phase " + shellJoin(argsOf("phase", body)) + " --out phase");
        reply.put("nx", spec.nx());
        reply.put("ny", spec.ny());
        reply.put("x", axis(spec.x()));
        reply.put("y", axis(spec.y()));
        reply.put("classes", Arrays.stream(CellClass.values()).map(CellClass::label).toList());
        long[] counts = map.counts();
        Map<String, Object> summary = new LinkedHashMap<>();
        for (CellClass c : CellClass.values()) {
            summary.put(c.label(), counts[c.ordinal()]);
        }
        reply.put("counts", summary);
        reply.put("outcome", codes(map.cls()));
        reply.put("period", codes(map.period()));
        reply.put("steps", map.steps());
        return reply;
    }

    private static Map<String, Object> axis(Axis a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("log", a.log());
        m.put("values", a.values());
        return m;
    }

    private Reply check(Map<String, Object> body) {
        CheckGrid grid = requests.check(body);
        Limits.require("the number of runs", grid.cases(), limits.maxRuns(), "give a smaller grid");
        Limits.require("--steps", grid.rule().maxSteps(), limits.maxSteps(), "");
        for (var p : grid.starts()) {
            checkStart(p.start());
        }
        Deadline deadline = Deadline.in(limits.timeLimit());
        long t0 = System.nanoTime();
        ClaimChecker.Report report = ClaimChecker.check(grid, limits.threads(), done -> deadline.check());
        return Reply.json(report.describe((System.nanoTime() - t0) * 1e-9));
    }

    private Reply figure(Map<String, Object> body) {
        if (!(body.get("chart") instanceof String chart)) {
            throw new IllegalArgumentException("figure needs chart: one of " + String.join(", ", ViewCharts.NAMES)
                    + ", phase");
        }
        Map<String, Object> rest = new LinkedHashMap<>(body);
        rest.remove("chart");
        String format = format(rest, "png", "svg");
        rest.remove("format");
        if (chart.equals("phase")) {
            rest.put("format", format);
            return phase(rest);
        }
        if (!ViewCharts.NAMES.contains(chart)) {
            throw new IllegalArgumentException("chart must be one of " + String.join(", ", ViewCharts.NAMES)
                    + ", phase; got '" + chart + "'");
        }
        OptionReader.Run r = requests.run("compare", rest);
        if (!(r.spec().model() instanceof ModelSpec.Shallow)) {
            return networkFigure(chart, r, format);
        }
        checkRun(r.spec());
        checkRows(r.spec().stop().maxSteps() / r.every() + 2);
        ResolvedRun resolved = Runs.resolve(r.spec());
        Columns table = new Columns(ComparisonCsv.COLUMNS);
        Map<String, Object> cmp = CompareService.compare(resolved, table, r.every(),
                List.of(Deadline.in(limits.timeLimit())));
        Chart c = ViewCharts.chart(chart, table, cmp, region(resolved, table, "gd_product"));
        return format.equals("svg") ? Reply.text("image/svg+xml", ChartWriter.svg(c, new FigureSize(9, 5.6, 100)))
                : Reply.bytes("image/png", ChartWriter.png(c, new FigureSize(9, 5.6, 100)));
    }

    /** A plot of a network's comparison as PNG or SVG, within the network limits. */
    private Reply networkFigure(String chart, OptionReader.Run r, String format) {
        ModelRun resolved = ModelRuns.resolve(r.spec());
        checkNetwork(r.spec(), resolved.problem().dimension());
        checkRows(r.spec().stop().maxSteps() / r.every() + 2);
        StringBuilder sb = new StringBuilder();
        Map<String, Object> cmp = ModelCompareService.compare(resolved, sb, r.every(),
                List.of(Deadline.in(limits.timeLimit())));
        Chart c = ViewCharts.networkChart(chart, columns(sb), cmp);
        return format.equals("svg") ? Reply.text("image/svg+xml", ChartWriter.svg(c, new FigureSize(9, 5.6, 100)))
                : Reply.bytes("image/png", ChartWriter.png(c, new FigureSize(9, 5.6, 100)));
    }

    private Map<String, Object> envelope(String command, List<String> args, Map<String, Object> spec,
                                         Map<String, Object> summary, long every) {
        Map<String, Object> m = new LinkedHashMap<>();
        String base = "./eoslab " + command + " " + shellJoin(args);
        m.put("command", base);
        m.put("command_out", base + " --out " + command + ".csv" + (every > 1 ? " --every " + every : ""));
        m.put("spec", spec);
        m.put("summary", summary);
        return m;
    }

    private static Reply withSeries(Map<String, Object> reply, Columns table, String format) {
        if (table == null) {
            return Reply.json(reply);
        }
        if (format.equals("f64")) {
            return Reply.bytes(SeriesFormat.TYPE, SeriesFormat.encode(reply, table));
        }
        reply.put("series", table.describe());
        return Reply.json(reply);
    }

    private static Map<String, Object> region(ResolvedRun run, Columns table, String productColumn) {
        double m0 = run.start().product();
        double lambda0 = run.start().norm();
        double lo = Math.min(Math.min(m0, run.phi()), 0);
        double hi = Math.max(Math.max(m0, run.phi()), 0);
        if (table != null) {
            for (double m : table.column(productColumn)) {
                if (Double.isFinite(m)) {
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
            }
        }
        double pad = 0.1 * Math.max(hi - lo, 1e-3 * Math.max(1, Math.abs(hi)));
        return ConvergenceRegion.of(run.phi(), run.eta(), lo - pad, hi + pad, REGION_POINTS, m0, lambda0);
    }

    private void checkRun(RunSpec spec) {
        checkShallow(spec.model());
        Limits.require("--steps", spec.stop().maxSteps(), limits.maxSteps(), "use the CLI for longer runs");
        checkStart(spec.start());
        if (Engines.resolve(spec.engine()) == Engine.VECTOR) {
            Limits.require("steps × width on the vector engine", spec.stop().maxSteps() * width(spec.start()),
                    limits.maxVectorWork(), "use --engine auto");
        }
    }

    /** Sweeps, phase maps and checks serve the shallow model; the networks run in run, compare, flow and figure. */
    private static void checkShallow(ModelSpec model) {
        if (!(model instanceof ModelSpec.Shallow)) {
            throw new IllegalArgumentException("the API's sweep, phase and check run --model shallow; "
                    + "--model " + model.family() + " runs in run, compare, flow and figure (or the CLI)");
        }
    }

    private void checkStart(StartSpec start) {
        Limits.require("the width", width(start), limits.maxWidth(), "");
    }

    private static long width(StartSpec start) {
        if (start instanceof StartSpec.Gaussian g) {
            return g.width();
        }
        return start instanceof StartSpec.Explicit e ? e.point().width() : 1;
    }

    private void checkRows(long rows) {
        Limits.require("the number of trajectory rows", rows, limits.maxRows(), "give a larger every (--every)");
    }

    private void runTiles(int tiles, Deadline deadline, TileExecutor.Worker worker) {
        int done = TileExecutor.run(tiles, limits.threads(), () -> worker, deadline);
        if (done < tiles) {
            deadline.check();
        }
    }

    private List<String> argsOf(String command, Map<String, Object> body) {
        return requests.args(command, body);
    }

    private static byte[] phasePng(PhaseSpec spec, PhaseMap map) {
        String title = String.format(Locale.ROOT, "GD phase map, %d steps, %d×%d cells", spec.maxSteps(), spec.nx(),
                spec.ny());
        return PhaseImage.png(map, spec.x(), spec.y(), spec.maxSteps(), title);
    }

    /** An SVG document holding a PNG image (the phase map is a raster). */
    private static String rasterSvg(byte[] png) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\"><image width=\"%d\" height=\"%d\" href=\"data:image/png;base64,%s\"/></svg>%n",
                img.getWidth(), img.getHeight(), img.getWidth(), img.getHeight(), img.getWidth(), img.getHeight(),
                Base64.getEncoder().encodeToString(png));
    }

    /** The requested format: the default, or one of the others. */
    private static String format(Map<String, Object> body, String dflt, String... others) {
        List<String> allowed = new ArrayList<>(List.of(dflt));
        for (String o : others) {
            if (!allowed.contains(o)) {
                allowed.add(o);
            }
        }
        Object f = body.get("format");
        if (f == null) {
            return dflt;
        }
        if (!allowed.contains(f)) {
            throw new IllegalArgumentException("format must be one of " + String.join(", ", allowed) + ", got '" + f
                    + "'");
        }
        return (String) f;
    }

    private static boolean flag(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (v != null && !(v instanceof Boolean)) {
            throw new IllegalArgumentException(key + " must be true or false");
        }
        return Boolean.TRUE.equals(v);
    }

    private static int[] ints(Map<String, Object> body, String key, int n) {
        if (!(body.get(key) instanceof List<?> l) || l.size() != n
                || !l.stream().allMatch(x -> x instanceof Integer)) {
            throw new IllegalArgumentException(key + " must be an array of " + n + " integers");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (Integer) l.get(i);
        }
        return out;
    }

    /** Unsigned byte codes as integers, for JSON. */
    private static int[] codes(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    /** A command line of arguments, each quoted for a POSIX shell when it needs to be. */
    static String shellJoin(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            sb.append(sb.length() == 0 ? "" : " ");
            sb.append(a.matches("[A-Za-z0-9_.,:=+/@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
