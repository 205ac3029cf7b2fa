package eoslab.cli;

import eoslab.dynamics.CellClass;
import eoslab.exec.Memory;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import eoslab.grid.Axis;
import eoslab.io.CsvRows;
import eoslab.io.Json;
import eoslab.io.Npy;
import eoslab.io.OutputSet;
import eoslab.measure.AtlasVolume;
import eoslab.plot.AnimatedGif;
import eoslab.plot.PhaseImage;
import eoslab.spec.RunSettings;
import eoslab.sweep.AtlasEngine;
import eoslab.sweep.AtlasSpec;
import eoslab.sweep.ParameterGrid;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab atlas}: a 3-D map of GD outcomes over three parameters, with slices, an animation and the boundary. */
@Command(name = "atlas", mixinStandardHelpOptions = true, header = "3-D atlas of GD outcomes over three parameters.",
        sortOptions = false,
        description = {"Atlas: three of --eta/--eta-rel, --phi, --m0, --lambda0, --scale are ranges start:stop:count "
                + "(x, y, z in that order, or as --axes orders them); every cell is a GD run of at most --steps steps "
                + "(default 10000), classified as in 'phase'.",
                "Writes PREFIX.npy (structured array of shape (nz, ny, nx): outcome u1, period u1, steps int32), "
                + "PREFIX-AXIS.npy (the coordinates of each axis, float64), PREFIX-slice-AXIS-INDEX.png (--slices "
                + "slices along each axis), PREFIX.gif (the z slices, animated), PREFIX-boundary.csv (per slice, "
                + "the share of cells on the boundary surface between converging, diverging and bounded runs), "
                + "and a manifest beside each."})
final class AtlasCommand extends BaseCommand implements Tiling.TiledCommand {
    @Mixin
    GridOptions grid;

    @Mixin
    StopOptions stop;

    @Option(names = "--axes", paramLabel = "X,Y,Z", split = ",",
            description = "The ranged parameters as x, y, z (z is animated; x may not be phi) (default: the order "
                    + "eta, phi, m0, lambda0, scale).")
    List<String> axisNames;

    @Option(names = "--slices", paramLabel = "K", defaultValue = "4",
            description = "Slice images per axis, evenly spaced, ends included (default ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--gif-frames", paramLabel = "F", defaultValue = "64",
            description = "Most frames of the animation through z, evenly spaced (default ${DEFAULT-VALUE}).")
    int gifFrames;

    @Option(names = "--out", paramLabel = "PREFIX", defaultValue = "atlas",
            description = "Output prefix (default ${DEFAULT-VALUE}).")
    String out;

    @Mixin
    ForceOption force;

    @Mixin
    ThreadsOption threads;

    @Mixin
    TileOption tile;

    @Option(names = "--json", description = "Print the summary as one JSON object (default: a table).")
    boolean json;

    @Override
    public Integer call() {
        Tiling.Prepared prepared = prepare();
        TileShare share = tile.share();
        if (share != null) {
            Tiling.writePart(prepared, share, threads.count(), force.force, argv(), out(), err());
        } else {
            Tiling.runWhole(prepared, threads.count(), err(), "cells");
        }
        return 0;
    }

    @Override
    public Tiling.Prepared prepare() {
        AtlasSpec spec = spec(grid.grid(RunSettings.gd(stop.rule())));
        requireAtLeast("--slices", slices, 1);
        requireAtLeast("--gif-frames", gifFrames, 1);
        // the volume (6 bytes a cell) and the tiles' results it is assembled from
        Memory.require("atlas: " + spec.n(0) * (long) spec.n(1) * spec.n(2) + " cells",
                12.0 * spec.n(0) * spec.n(1) * spec.n(2));
        plan(files(spec, OutputPrefix.of(out)), force.force).close();
        threads.count();
        Map<String, Object> identity = spec.describe();
        identity.put("slices", slices);
        identity.put("gif_frames", gifFrames);
        if (spec.grid().axis("phi").count() > 1) {
            err().println("note: by the scale invariance of docs/model.md §1, (a, b, η, Φ) → (a/√|Φ|, b/√|Φ|, η|Φ|, "
                    + "sign Φ) maps GD onto GD: a Φ axis of one sign repeats the Φ = ±1 atlas on rescaled axes");
            err().flush();
        }
        return Tiling.Prepared.of("atlas", () -> AtlasEngine.job(spec), identity, out, (results, prefix, seconds) ->
                writeOutputs(spec, AtlasEngine.assemble(spec, results), OutputPrefix.of(prefix), seconds));
    }

    private AtlasSpec spec(ParameterGrid g) {
        List<Axis> all = g.axes();
        List<Integer> ranged = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).count() > 1) {
                ranged.add(k);
            }
        }
        if (ranged.size() != 3) {
            throw new UsageException("atlas: give exactly three ranges start:stop:count among --eta/--eta-rel, --phi, "
                    + "--m0, --lambda0, --scale (got " + ranged.size() + ")");
        }
        int[] axes = new int[3];
        if (axisNames == null) {
            for (int k = 0; k < 3; k++) {
                axes[k] = ranged.get(k);
            }
        } else {
            if (axisNames.size() != 3) {
                throw new UsageException("--axes must name three parameters X,Y,Z, got " + String.join(",", axisNames));
            }
            for (int k = 0; k < 3; k++) {
                int index = -1;
                for (int r : ranged) {
                    if (all.get(r).name().equals(axisNames.get(k))) {
                        index = r;
                    }
                }
                if (index < 0) {
                    throw new UsageException("--axes: '" + axisNames.get(k) + "' is not one of the ranged parameters");
                }
                axes[k] = index;
            }
        }
        try {
            return new AtlasSpec(g, axes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The atlas's files (their manifests aside), in the order they are written. */
    private List<Path> files(AtlasSpec spec, OutputPrefix prefix) {
        List<Path> files = new ArrayList<>();
        files.add(prefix.file(".npy"));
        for (Axis a : spec.axisList()) {
            files.add(prefix.file("-" + a.name() + ".npy"));
        }
        for (int k = 0; k < 3; k++) {
            Axis along = spec.axis(k);
            for (int i : spread(along.count(), slices)) {
                files.add(slicePng(prefix, along, i));
            }
        }
        files.add(prefix.file(".gif"));
        files.add(prefix.file("-boundary.csv"));
        return files;
    }

    private static Path slicePng(OutputPrefix prefix, Axis along, int i) {
        return prefix.file(String.format(Locale.ROOT, "-slice-%s-%04d.png", along.name(), i));
    }

    /** Writes the atlas's files and prints the summary. */
    private List<Path> writeOutputs(AtlasSpec spec, AtlasVolume volume, OutputPrefix prefix, double seconds) {
        try (OutputSet set = plan(files(spec, prefix), force.force)) {
            return writeOutputs(set, spec, volume, prefix, seconds);
        }
    }

    private List<Path> writeOutputs(OutputSet set, AtlasSpec spec, AtlasVolume volume, OutputPrefix prefix,
                                    double seconds) {
        Map<String, Object> params = spec.describe();
        params.put("slices", slices);
        params.put("gif_frames", gifFrames);
        Map<String, Object> scaleFree = scaleFree(spec);
        if (scaleFree != null) {
            params.put("scale_free", scaleFree);
        }
        List<Path> files = new ArrayList<>();
        Path npy = prefix.file(".npy");
        set.write(npy, o -> Npy.writeVolume(o, volume));
        manifest(set, npy, params, null);
        files.add(npy);
        for (Axis a : spec.axisList()) {
            Path coords = prefix.file("-" + a.name() + ".npy");
            set.write(coords, Npy.float64(a.values()));
            manifest(set, coords, params, null);
            files.add(coords);
        }
        for (int k = 0; k < 3; k++) {
            Axis along = spec.axis(k);
            for (int i : spread(along.count(), slices)) {
                Path png = slicePng(prefix, along, i);
                set.write(png, PhaseImage.png(volume.slice(k, i), sliceX(spec, k), sliceY(spec, k),
                        spec.maxSteps(), title(spec, k, i)));
                manifest(set, png, params, null);
                files.add(png);
            }
        }
        List<BufferedImage> frames = new ArrayList<>();
        for (int i : spread(spec.n(2), gifFrames)) {
            frames.add(PhaseImage.render(volume.slice(2, i), spec.axis(0), spec.axis(1), spec.maxSteps(),
                    title(spec, 2, i)));
        }
        Path gif = prefix.file(".gif");
        set.write(gif, AnimatedGif.of(frames, 20));
        manifest(set, gif, params, null);
        files.add(gif);
        long[][] boundary = volume.boundaryCounts();
        Path csv = prefix.file("-boundary.csv");
        writeResult(set, csv, params, null, w -> {
            CsvRows rows = CsvRows.withHeader(w, List.of("axis", "index", "value", "boundary_cells", "cells",
                    "area_fraction"));
            for (int k = 0; k < 3; k++) {
                long cells = (long) volume.cls().length / spec.n(k);
                for (int i = 0; i < spec.n(k); i++) {
                    rows.row(spec.axis(k).name(), i, spec.axis(k).value(i), boundary[k][i], cells,
                            (double) boundary[k][i] / cells);
                }
            }
            rows.flush();
            return null;
        });
        files.add(csv);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("nx", spec.n(0));
        summary.put("ny", spec.n(1));
        summary.put("nz", spec.n(2));
        summary.put("axes", spec.axisList().stream().map(Axis::name).toList());
        long[] counts = volume.counts();
        for (CellClass c : CellClass.values()) {
            summary.put(c.label(), counts[c.ordinal()]);
        }
        long edge = 0;
        for (long b : boundary[2]) {
            edge += b;
        }
        summary.put("boundary_fraction", (double) edge / volume.cls().length);
        if (scaleFree != null) {
            summary.put("scale_free", scaleFree);
        }
        summary.put("seconds", seconds);
        summary.put("files", files.size());
        summary.put("npy", npy.toString());
        set.commit();
        out().println(json ? Json.compact(summary) : Table.of(summary));
        out().flush();
        return files;
    }

    /** Indices 0 … n−1, at most k of them, evenly spaced with both ends. */
    private static List<Integer> spread(int n, int k) {
        TreeSet<Integer> s = new TreeSet<>();
        if (k == 1 || n == 1) {
            s.add(0);
        } else {
            for (int j = 0; j < Math.min(k, n); j++) {
                s.add((int) Math.round((double) j * (n - 1) / (Math.min(k, n) - 1)));
            }
        }
        return List.copyOf(s);
    }

    private static Axis sliceX(AtlasSpec spec, int k) {
        return spec.axis(k == 0 ? 1 : 0);
    }

    private static Axis sliceY(AtlasSpec spec, int k) {
        return spec.axis(k == 2 ? 1 : 2);
    }

    private static String title(AtlasSpec spec, int k, int i) {
        Axis a = spec.axis(k);
        Axis phi = spec.grid().axis("phi");
        String phiText = phi.count() == 1 ? "Φ = " + number(phi.start()) + ", " : "";
        return String.format(Locale.ROOT, "GD atlas, %s = %s (%d of %d), %s%d steps", symbol(a.name()),
                number(a.value(i)), i + 1, a.count(), phiText, spec.maxSteps());
    }

    private static String symbol(String axis) {
        return switch (axis) {
            case "eta" -> "η";
            case "eta-rel" -> "η·λ_GF/2";
            case "m0" -> "m₀";
            case "lambda0" -> "λ₀";
            case "scale" -> "σ";
            case "phi" -> "Φ";
            default -> axis;
        };
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * The atlas's axes in scale-free form (docs/model.md §1): for a fixed Φ ≠ 0 the same dynamics at Φ = sign Φ, with
     * η → η|Φ|, m0 → m0/|Φ|, λ0 → λ0/|Φ|, σ → σ/√|Φ| (η-rel unchanged), as [start, stop] of every axis; null
     * when Φ varies, is 0, or is so far from 1 that the rescaled axes are not finite.
     */
    private static Map<String, Object> scaleFree(AtlasSpec spec) {
        Axis phi = spec.grid().axis("phi");
        if (phi.count() != 1 || phi.start() == 0) {
            return null;
        }
        double f = Math.abs(phi.start());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phi", Math.signum(phi.start()));
        for (Axis a : spec.grid().axes()) {
            if (a.name().equals("phi")) {
                continue;
            }
            double factor = switch (a.name()) {
                case "eta" -> f;
                case "m0", "lambda0" -> 1 / f;
                case "scale" -> 1 / Math.sqrt(f);
                default -> 1;
            };
            double lo = a.start() * factor;
            double hi = a.stop() * factor;
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                return null; // |Φ| so small (or large) that the rescaled axes leave double's range
            }
            m.put(a.name(), List.of(lo, hi));
        }
        return m;
    }
}
