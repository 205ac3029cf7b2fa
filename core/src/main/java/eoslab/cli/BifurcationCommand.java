package eoslab.cli;

import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.grid.Axis;
import eoslab.io.CsvRows;
import eoslab.io.Manifest;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import eoslab.plot.Chart;
import eoslab.plot.ChartWriter;
import eoslab.sweep.Bifurcation;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.RunParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab bifurcation}: attractor points of GD against the step size, with periods and Lyapunov exponents. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true, header = "Attractors, periods and Lyapunov exponents against the step size.", sortOptions = false,
        description = {"For each step in the --eta or --eta-rel range (one fixed initialization), discard --transient "
                + "steps, record --keep iterates of ε (or λ, --observe norm), and report the orbit's period (or "
                + "aperiodic) and its Lyapunov exponents λ₁ ≥ λ₂ from the Jacobian of the 2-variable map (λ₁ > 0: "
                + "chaos; a converged orbit has λ₁ = 0 along the curve of minima and λ₂ = ln|1 − ηλ∞| < 0).",
                "Writes PREFIX.png and PREFIX.svg (the diagram), PREFIX.csv ([eta_rel_set,]eta,index,value), "
                + "PREFIX-orbits.csv (one row per step: eta, eta_rel, status, diverged_step, period, lyapunov, "
                + "lyapunov_2), and manifests."})
final class BifurcationCommand extends BaseCommand {
    @Mixin
    GridOptions grid;

    @Option(names = "--transient", paramLabel = "T", defaultValue = "2000",
            description = "Steps discarded before recording (default ${DEFAULT-VALUE}).")
    int discard;

    @Option(names = "--keep", paramLabel = "K", defaultValue = "200",
            description = "Iterates recorded per step size (default ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--observe", paramLabel = "residual|norm", defaultValue = "residual",
            description = "The recorded quantity: residual ε or norm λ (default ${DEFAULT-VALUE}).")
    String observe;

    @Option(names = "--out", paramLabel = "PREFIX", defaultValue = "bifurcation",
            description = "Output prefix (default ${DEFAULT-VALUE}).")
    String out;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        ParameterGrid g = grid.grid();
        List<Axis> axes = g.axes();
        for (int k = 1; k < axes.size(); k++) {
            if (axes.get(k).count() != 1) {
                throw new UsageException("bifurcation: only the step is a range; --" + axes.get(k).name()
                        + " must be a single value");
            }
        }
        requireAtLeast("--transient", discard, 0);
        requireAtLeast("--keep", keep, 1);
        Bifurcation.Observe what = switch (observe) {
            case "residual" -> Bifurcation.Observe.RESIDUAL;
            case "norm" -> Bifurcation.Observe.NORM;
            default -> throw new UsageException("--observe must be residual or norm, got '" + observe + "'");
        };
        int n = threads.count();
        Path prefix = Path.of(out).toAbsolutePath();
        if (prefix.getParent() != null && !Files.isDirectory(prefix.getParent())) {
            throw new UsageException("directory does not exist: " + prefix.getParent());
        }
        Axis step = axes.get(0);
        RunParameters first = g.at(0);
        VectorPoint start = first.init().point();
        Landmarks landmarks = first.landmarks(start);
        double phi = first.phi();
        Bifurcation.Column[] cols = new Bifurcation.Column[step.count()];
        Progress progress = Progress.onStderr(err(), "step sizes", step.count());
        TileExecutor.run(step.count(), n, () -> i -> {
            cols[i] = Bifurcation.column(phi, g.at(i).modelStep(start), start, discard, keep, what);
            progress.advance(1);
        }, () -> false);
        progress.finish();

        Map<String, Object> params = new LinkedHashMap<>(g.describe());
        params.put("transient", discard);
        params.put("keep", keep);
        params.put("observe", what.label());
        Path csv = file(prefix, ".csv");
        writeResult(csv, params, w -> {
            boolean relative = step.name().equals("eta-rel");
            CsvRows rows = CsvRows.withHeader(w, relative ? List.of("eta_rel_set", "eta", "index", what.label())
                    : List.of("eta", "index", what.label()));
            for (int i = 0; i < cols.length; i++) {
                for (int j = 0; j < cols[i].values().length; j++) {
                    if (relative) {
                        rows.row(step.value(i), cols[i].eta(), j, cols[i].values()[j]);
                    } else {
                        rows.row(cols[i].eta(), j, cols[i].values()[j]);
                    }
                }
            }
            rows.flush();
            return null;
        });
        Path orbits = file(prefix, "-orbits.csv");
        Map<String, Long> statusCounts = new LinkedHashMap<>();
        writeResult(orbits, params, w -> {
            CsvRows rows = CsvRows.withHeader(w,
                    List.of("eta", "eta_rel", "status", "diverged_step", "period", "lyapunov", "lyapunov_2"));
            for (Bifurcation.Column c : cols) {
                statusCounts.merge(c.status(), 1L, Long::sum);
                rows.row(c.eta(), landmarks.relativeStep(c.eta()), c.status(), c.diverged() ? c.divergedStep() : null,
                        c.period(), c.lyapunov(), c.lyapunov2());
            }
            rows.flush();
            return null;
        });
        Chart chart = chart(step, cols, what, landmarks);
        Path png = file(prefix, ".png");
        ChartWriter.writePng(chart, png, 1000, 650);
        Manifest.writeFor(png, argv(), params);
        Path svg = file(prefix, ".svg");
        ChartWriter.writeSvg(chart, svg, 1000, 650);
        Manifest.writeFor(svg, argv(), params);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("step_sizes", step.count());
        summary.putAll(statusCounts);
        summary.put("files", List.of(png.toString(), svg.toString(), csv.toString(), orbits.toString()));
        print(summary, false);
        return 0;
    }

    private Chart chart(Axis step, Bifurcation.Column[] cols, Bifurcation.Observe what, Landmarks landmarks) {
        boolean relative = step.name().equals("eta-rel");
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            for (double v : cols[i].values()) {
                pts.add(new double[] {step.value(i), v});
            }
        }
        double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
        String title = String.format(Locale.ROOT, "GD bifurcation diagram (Φ = %s, λ_GF = %.4g, %d kept after %d)",
                landmarks.phi(), landmarks.gfSharpness(), keep, discard);
        Chart.Builder b = Chart.builder(title)
                .xAxis(relative ? "relative step η·λ_GF/2" : "step size η", step.log())
                .yAxis(what == Bifurcation.Observe.RESIDUAL ? "residual ε = aᵀb − Φ" : "norm λ = ‖a‖² + ‖b‖²", false)
                .dots("attractor", xs, ys);
        double lo = Math.min(step.start(), step.stop());
        double hi = Math.max(step.start(), step.stop());
        double edge = relative ? 1.0 : landmarks.edgeStep();
        double beyond = relative ? landmarks.relativeStep(landmarks.beyondStep()) : landmarks.beyondStep();
        if (edge >= lo && edge <= hi) {
            b.vline(edge, "2/λ_GF");
        }
        if (Double.isFinite(beyond) && beyond >= lo && beyond <= hi) {
            b.vline(beyond, "1/|Φ|");
        }
        return b.build();
    }

    private static Path file(Path prefix, String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }
}
