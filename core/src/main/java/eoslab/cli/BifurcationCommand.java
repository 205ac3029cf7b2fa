package eoslab.cli;

import eoslab.dynamics.StopRule;
import eoslab.exec.Memory;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.grid.Axis;
import eoslab.io.BifurcationCsv;
import eoslab.io.OutputSet;
import eoslab.measure.Orbit;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.BifurcationChart;
import eoslab.plot.ChartWriter;
import eoslab.plot.FigureSize;
import eoslab.plot.Panels;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.sweep.Bifurcation;
import eoslab.sweep.ParameterGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
                "Writes PREFIX.png, PREFIX.svg and PREFIX.pdf (the diagram, with the closed-form 2-cycle, the superstable "
                + "points, divergence shaded and the Lyapunov exponent λ₁ in a panel under it), PREFIX.csv ([eta_rel_set,]eta,index,value), "
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
    ForceOption force;

    @Mixin
    ThreadsOption threads;

    @Mixin
    FigureOptions figure;

    @Override
    public Integer call() {
        ParameterGrid g = grid.grid(RunSettings.gd(StopRule.DEFAULT));
        List<Axis> axes = g.axes();
        for (int k = 1; k < axes.size(); k++) {
            if (axes.get(k).count() != 1) {
                throw new UsageException("bifurcation: only the step is a range; --" + axes.get(k).name()
                        + " must be a single value");
            }
        }
        requireAtLeast("--transient", discard, 0);
        requireAtLeast("--keep", keep, 1);
        Orbit.Observed what = Orbit.Observed.parse(observe);
        FigureSize size = figure.figureSize();
        int n = threads.count();
        // each step size keeps its orbit (--keep doubles) and the CSV holds its text
        Memory.require("bifurcation: " + axes.get(0).count() + " step sizes × --keep " + keep + " points",
                axes.get(0).count() * (double) keep * 40);
        OutputPrefix prefix = OutputPrefix.of(out);
        Path csv = prefix.file(".csv");
        Path orbitsCsv = prefix.file("-orbits.csv");
        List<Path> figures = List.of(prefix.file(".png"), prefix.file(".svg"), prefix.file(".pdf"));
        List<Path> all = new ArrayList<>(figures);
        all.add(csv);
        all.add(orbitsCsv);
        try (OutputSet set = plan(all, force.force)) {
            compute(set, g, what, size, n, csv, orbitsCsv, figures);
        }
        return 0;
    }

    private void compute(OutputSet set, ParameterGrid g, Orbit.Observed what, FigureSize size, int n, Path csv,
                         Path orbitsCsv, List<Path> figures) {
        List<Axis> axes = g.axes();
        Axis etaAxis = axes.get(0);
        RunSpec first = g.at(0);
        ResolvedStart start = Runs.resolve(first.model(), first.start());
        Landmarks landmarks = start.landmarks();
        Orbit[] orbits = new Orbit[etaAxis.count()];
        Progress progress = Progress.onStderr(err(), "step sizes", etaAxis.count());
        TileExecutor.run(etaAxis.count(), n, () -> i -> {
            orbits[i] = Bifurcation.column(Runs.resolve(g.at(i), start), discard, keep, what);
            progress.advance(1);
        }, () -> false);
        progress.finish();

        Map<String, Object> params = new LinkedHashMap<>(g.describe());
        params.put("transient", discard);
        params.put("keep", keep);
        params.put("observe", what.label());
        writeResult(set, csv, params, null, w -> {
            BifurcationCsv.points(w, etaAxis, orbits, what);
            return null;
        });
        writeResult(set, orbitsCsv, params, null, w -> {
            BifurcationCsv.orbits(w, orbits, landmarks::relativeEta);
            return null;
        });
        Map<String, Long> statusCounts = new LinkedHashMap<>();
        for (Orbit o : orbits) {
            statusCounts.merge(o.status(), 1L, Long::sum);
        }
        Panels drawing = BifurcationChart.of(etaAxis.values(), etaAxis.start(), etaAxis.stop(), etaAxis.log(),
                etaAxis.name().equals("eta-rel"), orbits, what, landmarks);
        set.write(figures.get(0), ChartWriter.png(drawing, size));
        set.write(figures.get(1), ChartWriter.svg(drawing, size));
        set.write(figures.get(2), ChartWriter.pdf(drawing, size, "GD bifurcation diagram"));
        for (Path f : figures) {
            manifest(set, f, params, null);
        }
        set.commit();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("step_sizes", etaAxis.count());
        summary.putAll(statusCounts);
        List<String> files = new ArrayList<>();
        figures.forEach(f -> files.add(f.toString()));
        files.add(csv.toString());
        files.add(orbitsCsv.toString());
        summary.put("files", files);
        print(summary, false);
    }
}
