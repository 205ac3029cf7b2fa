package eoslab.cli;

import eoslab.dynamics.CellClass;
import eoslab.exec.Progress;
import eoslab.grid.Axis;
import eoslab.io.AtomicOutput;
import eoslab.io.CsvRows;
import eoslab.io.Json;
import eoslab.io.Manifest;
import eoslab.io.Npy;
import eoslab.measure.PhaseMap;
import eoslab.plot.PhaseImage;
import eoslab.sweep.Certifier;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab phase}: a 2-D map of GD outcomes over the step and one initialization parameter. */
@Command(name = "phase", mixinStandardHelpOptions = true, header = "Map of GD outcomes over a plane of two parameters.", sortOptions = false,
        description = {"Phase map: x = --eta or --eta-rel (a range), y = one of --lambda0, --m0, --scale, --phi (a range). "
                + "Every cell is a GD run of at most --steps steps, classified converged or diverged (with the step), "
                + "periodic (period 2..64), aperiodic, or slow (settling, not within --tol in time).",
                "Writes PREFIX.png, PREFIX.npy (structured array of shape (ny, nx): outcome u1, period u1, steps "
                + "int32), PREFIX.csv for small maps, and a manifest beside each."})
final class PhaseCommand extends BaseCommand {
    @Mixin
    GridOptions grid;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10000",
            description = "Step budget per cell (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--tol", paramLabel = "τ", defaultValue = "1e-12",
            description = "Converged when |ε| <= τ (default ${DEFAULT-VALUE}).")
    double tol;

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
    ThreadsOption threads;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        ParameterGrid g = grid.grid();
        PhaseSpec spec = spec(g);
        requireAtLeast("--steps", steps, 0);
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new UsageException("--tol must be a finite non-negative number, got " + tol);
        }
        requireAtLeast("--certify", certify, 0);
        if (certify > 0 && certifyDigits < eoslab.dynamics.Precision.MIN_DIGITS) {
            throw new UsageException("--certify-digits must be at least " + eoslab.dynamics.Precision.MIN_DIGITS);
        }
        int nThreads = threads.count();
        Path prefix = Path.of(out).toAbsolutePath();
        if (prefix.getParent() != null && !java.nio.file.Files.isDirectory(prefix.getParent())) {
            throw new UsageException("directory does not exist: " + prefix.getParent());
        }
        long t0 = System.nanoTime();
        Progress progress = Progress.onStderr(err(), "cells", (long) spec.nx() * spec.ny());
        PhaseMap map = PhaseEngine.run(spec, nThreads, progress);
        progress.finish();
        double seconds = (System.nanoTime() - t0) * 1e-9;
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
        String title = String.format(Locale.ROOT, "GD phase map, Φ = %s, %d steps, %d×%d cells",
                fixed(spec), steps, spec.nx(), spec.ny());
        Path png = file(prefix, ".png");
        AtomicOutput.writeBytes(png, PhaseImage.png(map, spec, title));
        Manifest.writeFor(png, argv(), params);
        Path npy = file(prefix, ".npy");
        AtomicOutput.writeBytes(npy, Npy.phaseMap(map));
        Manifest.writeFor(npy, argv(), params);
        List<String> files = new ArrayList<>(List.of(png.toString(), npy.toString()));
        if ((long) spec.nx() * spec.ny() <= csvMax) {
            Path csv = file(prefix, ".csv");
            writeResult(csv, params, w -> {
                CsvRows rows = CsvRows.withHeader(w,
                        List.of("ix", "iy", spec.x().name(), spec.y().name(), "outcome", "steps", "period"));
                for (int iy = 0; iy < spec.ny(); iy++) {
                    for (int ix = 0; ix < spec.nx(); ix++) {
                        int c = iy * spec.nx() + ix;
                        rows.row(ix, iy, spec.x().value(ix), spec.y().value(iy), CellClass.of(map.cls()[c]).label(),
                                map.steps()[c], map.period()[c]);
                    }
                }
                rows.flush();
                return null;
            });
            files.add(csv.toString());
        }
        if (certify > 0) {
            Certifier.Report report = certify(spec, map, nThreads);
            summary.put("certify", certificationSummary(spec, report, prefix, params));
            files.add(file(prefix, "-certify.csv").toString());
        }
        summary.put("files", files);
        if (json) {
            out().println(Json.compact(summary));
        } else {
            out().println(Table.of(summary));
        }
        out().flush();
        return 0;
    }

    private Certifier.Report certify(PhaseSpec spec, PhaseMap map, int nThreads) {
        int boundaryCells = 0;
        for (boolean b : map.boundary()) {
            boundaryCells += b ? 1 : 0;
        }
        Progress p = Progress.onStderr(err(), "certified cells", boundaryCells
                + Math.min(certify, (long) spec.nx() * spec.ny() - boundaryCells));
        Certifier.Report report = Certifier.certify(spec, map, certify, certifyDigits, nThreads, p);
        p.finish();
        return report;
    }

    private Map<String, Object> certificationSummary(PhaseSpec spec, Certifier.Report report, Path prefix,
                                                     Map<String, Object> params) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("digits", report.digits());
        c.put("checked", report.checks().size());
        c.put("boundary_cells", report.boundaryCells());
        c.put("sampled_cells", report.sampled());
        c.put("confirmed", report.confirmed());
        c.put("class_changed", report.classChanged());
        c.put("step_or_period_changed", report.mismatches().size() - report.classChanged());
        List<Map<String, Object>> rows = report.checks().stream().map(k -> k.row(spec)).toList();
        Path csv = file(prefix, "-certify.csv");
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("certify", certify);
        p.put("certify_digits", certifyDigits);
        writeResult(csv, p, w -> {
            List<String> keys = rows.isEmpty() ? List.of("ix", "iy") : new ArrayList<>(rows.get(0).keySet());
            List<String> header = new ArrayList<>(keys);
            header.add("confirmed");
            CsvRows out = CsvRows.withHeader(w, header);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> r = rows.get(i);
                List<Object> cells = new ArrayList<>(keys.stream().map(r::get).toList());
                cells.add(report.checks().get(i).confirmed());
                out.row(cells);
            }
            out.flush();
            return null;
        });
        c.put("mismatches", report.mismatches().stream().limit(20).map(k -> k.row(spec)).toList());
        return c;
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
            throw new UsageException("phase: give a y range: one of --lambda0, --m0, --scale, --phi as start:stop:count");
        }
        if ((long) axes.get(0).count() * axes.get(yIndex).count() > 4096L * 4096L) {
            throw new UsageException("phase: at most 4096×4096 cells");
        }
        if (zoom != null) {
            g = zoomed(g, yIndex);
        }
        try {
            return new PhaseSpec(g, yIndex, steps, tol);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ParameterGrid zoomed(ParameterGrid g, int yIndex) {
        String[] xy = zoom.split(",", -1);
        String[] xs = xy[0].split(":", -1);
        String[] ys = xy.length == 2 ? xy[1].split(":", -1) : new String[0];
        if (xy.length != 2 || xs.length != 2 || ys.length != 2) {
            throw new UsageException("--zoom must be x0:x1,y0:y1, got '" + zoom + "'");
        }
        try {
            GridOptions z = new GridOptions();
            Axis x = g.axes().get(0);
            Axis y = g.axes().get(yIndex);
            String xr = xs[0] + ":" + xs[1] + ":" + x.count();
            String yr = ys[0] + ":" + ys[1] + ":" + y.count();
            z.eta = x.name().equals("eta") ? xr : grid.eta;
            z.etaRel = x.name().equals("eta-rel") ? xr : grid.etaRel;
            z.phi = y.name().equals("phi") ? yr : grid.phi;
            z.m0 = y.name().equals("m0") ? yr : grid.m0;
            z.lambda0 = y.name().equals("lambda0") ? yr : grid.lambda0;
            z.scale = y.name().equals("scale") ? yr : grid.scale;
            z.scaleB = grid.scaleB;
            z.width = grid.width;
            z.seed = grid.seed;
            z.log = grid.log;
            return z.grid();
        } catch (NumberFormatException e) {
            throw new UsageException("--zoom must be x0:x1,y0:y1, got '" + zoom + "'");
        }
    }

    private static String fixed(PhaseSpec spec) {
        Axis phi = spec.grid().axis("phi");
        return phi.count() == 1 ? label(phi.start()) : "varies";
    }

    private static String label(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static Path file(Path prefix, String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }
}
