package eoslab.cli;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.exec.Progress;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import eoslab.grid.Axis;
import eoslab.io.CertificationCsv;
import eoslab.io.Json;
import eoslab.io.Npy;
import eoslab.io.OutputSet;
import eoslab.io.PhaseCsv;
import eoslab.io.PhaseNpz;
import eoslab.measure.CellCheck.Certification;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.PhaseImage;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import eoslab.sweep.Certifier;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseColoring;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseOverlay;
import eoslab.sweep.PhaseSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab phase}: a 2-D map of GD outcomes over the step and one initialization parameter. */
@Command(name = "phase", mixinStandardHelpOptions = true, header = "Map of GD outcomes over a plane of two parameters.", sortOptions = false,
        description = {"Phase map: x = --eta, --eta-rel or --eta-crit (a range), y = one of --lambda0, --m0, --scale, --phi "
                + "(a range), or --beta with --method heavy-ball or nesterov (the momentum kernel, same classification). "
                + "Every cell is a run of at most --steps steps (default 10000), classified converged or diverged "
                + "(with the step), periodic (period 2..64), aperiodic, or slow (settling, not within the tolerance in "
                + "time).",
                "Writes PREFIX.png, PREFIX.npy (structured array of shape (ny, nx): outcome u1, period u1, steps "
                + "int32, sharpness f8, max_loss f8), PREFIX-coords.npz (the axis values and each row's Φ, λ₀, λ_GF, "
                + "η*), PREFIX.csv for small maps, and a manifest beside each."})
final class PhaseCommand extends BaseCommand implements Tiling.TiledCommand {
    @Mixin
    GridOptions grid;

    @Mixin
    StopOptions stop;

    @ArgGroup(validate = false, heading = "%nMethod (a constant step; --beta may be the y range):%n")
    MethodOptions method;
    @Option(names = "--overlay",
            description = "Draw each row's landmarks over the map: the convergence boundary η*, 2/λ_GF, 1/|Φ|, and "
                    + "where Φ = 0 the lines ηλ₀ = 2 and 4.")
    boolean overlay;

    @Option(names = "--color", paramLabel = "outcome|steps|sharpness|gain|max-loss|period", defaultValue = "outcome",
            description = "What the cells show: the outcome (hue by class, lightness by steps or period), or one "
                    + "quantity on a colour scale where it applies: steps to converge, the final sharpness λ∞, the "
                    + "gain 1 − λ∞/λ_GF (converged cells), the largest loss (converged and bounded cells), the period "
                    + "(periodic cells) (default ${DEFAULT-VALUE}).")
    String color;

    @Option(names = "--zoom", paramLabel = "x0:x1,y0:y1",
            description = "Render the sub-rectangle [x0, x1] × [y0, y1] at the same resolution as the ranges.")
    String zoom;

    @Option(names = "--out", paramLabel = "PREFIX", defaultValue = "phase",
            description = "Output prefix (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--csv-max", paramLabel = "cells", defaultValue = "65536",
            description = "Also write PREFIX.csv when the map has at most this many cells (default ${DEFAULT-VALUE}).")
    long csvMax;

    @Option(names = "--box-dimension",
            description = "Estimate the box-counting dimension of the converging / non-converging boundary.")
    boolean boxDimension;

    @Option(names = "--certify", paramLabel = "K", defaultValue = "0",
            description = "Re-run K random cells and every boundary cell in decimal arithmetic and report how many "
                    + "double-precision classifications are confirmed (default ${DEFAULT-VALUE}: off).")
    int certify;

    @Option(names = "--certify-digits", paramLabel = "N", defaultValue = "40",
            description = "Significant digits of the certification (default ${DEFAULT-VALUE}).")
    int certifyDigits;

    @Mixin
    ForceOption force;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Mixin
    TileOption tile;

    @Override
    public Integer call() {
        Tiling.Prepared prepared = prepare();
        TileShare share = tile.share();
        if (share != null) {
            Tiling.writePart(prepared, share, threads.count(), force.force, argv(), out(), err());
            return 0;
        }
        PhaseSpec spec = phaseSpec();
        long t0 = System.nanoTime();
        Progress progress = Progress.onStderr(err(), "cells", (long) spec.nx() * spec.ny());
        PhaseMap map = PhaseEngine.run(spec, threads.count(), progress);
        progress.finish();
        writeOutputs(spec, map, OutputPrefix.of(out), (System.nanoTime() - t0) * 1e-9);
        return 0;
    }

    @Override
    public Tiling.Prepared prepare() {
        PhaseSpec spec = phaseSpec();
        if (coloring() == PhaseColoring.MAX_LOSS && spec.grid().settings().method().hasMomentum()) {
            throw new UsageException("--color max-loss is not available with momentum: the momentum kernel does not "
                    + "track the largest loss (use --color steps, sharpness, gain or period)");
        }
        requireAtLeast("--certify", certify, 0);
        if (certify > 0 && (certifyDigits < Precision.MIN_DIGITS || certifyDigits > Precision.MAX_DIGITS)) {
            throw new UsageException("--certify-digits must be between " + Precision.MIN_DIGITS + " and "
                    + Precision.MAX_DIGITS + ", got " + certifyDigits);
        }
        warnTolerance(spec.grid().runsBelowResolution(), spec.grid().size());
        plan(files(spec, OutputPrefix.of(out)), force.force).close();
        threads.count();
        Map<String, Object> identity = spec.describe();
        identity.put("csv_max", csvMax);
        identity.put("box_dimension", boxDimension);
        identity.put("certify", certify);
        identity.put("certify_digits", certifyDigits);
        identity.put("color", coloring().label());
        identity.put("overlay", overlay);
        return Tiling.Prepared.of("phase", () -> PhaseEngine.job(spec), identity, out, (results, prefix, seconds) ->
                writeOutputs(spec, PhaseEngine.assemble(spec, results), OutputPrefix.of(prefix), seconds));
    }

    /** The files the map is written to (their manifests aside). */
    private List<Path> files(PhaseSpec spec, OutputPrefix prefix) {
        List<Path> files = new ArrayList<>(List.of(prefix.file(".png"), prefix.file(".npy"),
                prefix.file("-coords.npz")));
        if ((long) spec.nx() * spec.ny() <= csvMax) {
            files.add(prefix.file(".csv"));
        }
        if (certify > 0) {
            files.add(prefix.file("-certify.csv"));
        }
        return files;
    }

    /** Writes the map's files and prints the summary. */
    private List<Path> writeOutputs(PhaseSpec spec, PhaseMap map, OutputPrefix prefix, double seconds) {
        List<Path> files = files(spec, prefix);
        try (OutputSet set = plan(files, force.force)) {
            writeOutputs(set, spec, map, prefix, seconds);
        }
        return files;
    }

    private void writeOutputs(OutputSet set, PhaseSpec spec, PhaseMap map, OutputPrefix prefix, double seconds) {
        int nThreads = threads.count();
        Map<String, Object> params = spec.describe();
        params.put("threads", nThreads);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("nx", spec.nx());
        summary.put("ny", spec.ny());
        summary.put("x", spec.x().name());
        summary.put("y", spec.y().name());
        long[] counts = map.counts();
        for (CellClass c : CellClass.values()) {
            summary.put(c.label(), counts[c.ordinal()]);
        }
        summary.put("seconds", seconds);
        if (boxDimension) {
            double d = map.boxDimension();
            summary.put("box_dimension", Double.isFinite(d) ? d : null);
        }
        String title = String.format(Locale.ROOT, "%s phase map, Φ = %s, %d steps, %d×%d cells", methodTitle(spec),
                fixedPhi(spec), spec.maxSteps(), spec.nx(), spec.ny());
        Landmarks[] rows = spec.rowLandmarks();
        PhaseColoring coloring = coloring();
        Path png = prefix.file(".png");
        set.write(png, PhaseImage.png(map, spec.x(), spec.y(), spec.maxSteps(), title,
                coloring.field(map, rows), overlay ? PhaseOverlay.curves(spec, rows) : List.of()));
        Map<String, Object> imageParams = new LinkedHashMap<>(params);
        imageParams.put("color", coloring.label());
        imageParams.put("overlay", overlay);
        manifest(set, png, imageParams, null);
        Path npy = prefix.file(".npy");
        set.write(npy, Npy.phaseMap(map));
        manifest(set, npy, params, null);
        Path coords = prefix.file("-coords.npz");
        set.write(coords, coordinates(spec, rows));
        manifest(set, coords, params, null);
        List<Path> files = new ArrayList<>(List.of(png, npy, coords));
        if ((long) spec.nx() * spec.ny() <= csvMax) {
            Path csv = prefix.file(".csv");
            writeResult(set, csv, params, null, w -> {
                PhaseCsv.write(w, map, spec.x(), spec.y());
                return null;
            });
            files.add(csv);
        }
        if (certify > 0) {
            Certification report = certify(spec, map, nThreads);
            Path csv = prefix.file("-certify.csv");
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.put("certify", certify);
            p.put("certify_digits", certifyDigits);
            writeResult(set, csv, p, null, w -> {
                CertificationCsv.write(w, report, spec.x(), spec.y());
                return null;
            });
            summary.put("certify", certificationSummary(spec, report));
            files.add(csv);
        }
        summary.put("files", files.stream().map(Path::toString).toList());
        set.commit();
        out().println(json ? Json.compact(summary) : Table.of(summary));
        out().flush();
    }

    /** What the cells show ({@code --color}). */
    private PhaseColoring coloring() {
        try {
            return PhaseColoring.parse(color);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The coordinates archive: the axes and each row's landmarks. */
    private static byte[] coordinates(PhaseSpec spec, Landmarks[] rows) {
        int ny = rows.length;
        double[] phi = new double[ny];
        double[] lambda0 = new double[ny];
        double[] gf = new double[ny];
        double[] critical = new double[ny];
        double[] perX = new double[ny];
        for (int iy = 0; iy < ny; iy++) {
            phi[iy] = rows[iy].phi();
            lambda0[iy] = rows[iy].norm0();
            gf[iy] = rows[iy].gfSharpness();
            critical[iy] = rows[iy].criticalEta();
            perX[iy] = spec.etaPerUnit(rows[iy]);
        }
        return PhaseNpz.coordinates(spec.x(), spec.y(), phi, lambda0, gf, critical, perX);
    }

    private Certification certify(PhaseSpec spec, PhaseMap map, int nThreads) {
        int boundaryCells = 0;
        for (boolean b : map.boundary()) {
            boundaryCells += b ? 1 : 0;
        }
        Progress p = Progress.onStderr(err(), "certified cells", boundaryCells
                + Math.min(certify, (long) spec.nx() * spec.ny() - boundaryCells));
        Certification report = Certifier.certify(spec, map, certify, certifyDigits, nThreads, p);
        p.finish();
        return report;
    }

    private static Map<String, Object> certificationSummary(PhaseSpec spec, Certification report) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("digits", report.digits());
        c.put("checked", report.checks().size());
        c.put("boundary_cells", report.boundaryCells());
        c.put("sampled_cells", report.sampled());
        c.put("confirmed", report.confirmed());
        c.put("class_changed", report.classChanged());
        List<Map<String, Object>> mismatches = report.mismatches().stream().map(k -> k.row(spec.x(), spec.y()))
                .toList();
        c.put("step_or_period_changed", mismatches.size() - report.classChanged());
        c.put("mismatches", mismatches.subList(0, Math.min(20, mismatches.size())));
        return c;
    }

    /** The map of the options. */
    PhaseSpec phaseSpec() {
        MethodOptions mo = MethodOptions.orNone(method);
        MethodSpec methodSpec = mo.gridSpec();
        if (!(methodSpec.schedule() instanceof ScheduleSpec.Constant)) {
            throw new UsageException("phase maps run a constant step; --schedule must be constant");
        }
        return spec(grid.grid(new RunSettings(methodSpec, stop.rule(), Engine.AUTO, Precision.DOUBLE), mo));
    }

    private PhaseSpec spec(ParameterGrid g) {
        List<Axis> axes = g.axes();
        if (axes.get(0).count() < 2) {
            throw new UsageException("phase: the x axis --" + axes.get(0).name() + " must be a range start:stop:count "
                    + "with count >= 2");
        }
        int yIndex = -1;
        for (int k = 1; k < axes.size(); k++) {
            if (axes.get(k).count() > 1) {
                if (yIndex >= 0) {
                    throw new UsageException("phase: give exactly one y range (got --" + axes.get(yIndex).name()
                            + " and --" + axes.get(k).name() + ")");
                }
                yIndex = k;
            }
        }
        if (yIndex < 0) {
            throw new UsageException("phase: give a y range: one of --lambda0, --m0, --scale, --phi (or --beta with "
                    + "--method heavy-ball or nesterov) as start:stop:count");
        }
        if ((long) axes.get(0).count() * axes.get(yIndex).count() > 4096L * 4096L) {
            throw new UsageException("phase: at most 4096×4096 cells");
        }
        return new PhaseSpec(zoom == null ? g : zoomed(g, yIndex), yIndex);
    }

    private ParameterGrid zoomed(ParameterGrid g, int yIndex) {
        String[] xy = zoom.split(",", -1);
        String[] xs = xy[0].split(":", -1);
        String[] ys = xy.length == 2 ? xy[1].split(":", -1) : new String[0];
        if (xy.length != 2 || xs.length != 2 || ys.length != 2) {
            throw new UsageException("--zoom must be x0:x1,y0:y1, got '" + zoom + "'");
        }
        try {
            return g.zoom(0, Double.parseDouble(xs[0]), Double.parseDouble(xs[1]))
                    .zoom(yIndex, Double.parseDouble(ys[0]), Double.parseDouble(ys[1]));
        } catch (NumberFormatException e) {
            throw new UsageException("--zoom must be x0:x1,y0:y1, got '" + zoom + "'");
        }
    }

    /** "GD", or the method with its β when β is fixed. */
    private static String methodTitle(PhaseSpec spec) {
        MethodSpec m = spec.grid().settings().method();
        if (!m.hasMomentum()) {
            return "GD";
        }
        Axis beta = spec.grid().axis("beta");
        return beta.count() == 1 ? m.name() + " (β = " + (float) beta.start() + ")" : m.name();
    }

    private static String fixedPhi(PhaseSpec spec) {
        Axis phi = spec.grid().axis("phi");
        if (phi.count() != 1) {
            return "varies";
        }
        String s = String.format(Locale.ROOT, "%.6g", phi.start());
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
