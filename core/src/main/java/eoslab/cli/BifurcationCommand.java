package eoslab.cli;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.grid.Axis;
import eoslab.io.BifurcationCsv;
import eoslab.io.Manifest;
import eoslab.measure.Orbit;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.Chart;
import eoslab.plot.ChartWriter;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import eoslab.spec.RunSpec;
import eoslab.sweep.Bifurcation;
import eoslab.sweep.ParameterGrid;
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

/** {@code eoslab bifurcation}: attractor points of GD against the step size, with periods and Lyapunov exponents. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true, header = "Attractors, periods and Lyapunov exponents against the step size.", sortOptions = false,
        description = {"For each step in the --eta or --eta-rel range (one fixed initialization), discard --transient "
                + "steps, record --keep iterates of ε (or λ, --observe norm), and report the orbit's period (or "
                + "aperiodic) and its Lyapunov exponents λ₁ ≥ λ₂ from the Jacobian of the 2-variable map (λ₁ > 0: "
                + "chaos; a converged orbit has λ₁ = 0 along the curve of minima and λ₂ = ln|1 − ηλ∞| < 0).",
                "With --method heavy-ball or nesterov: the 4-variable map (its two largest exponents); --beta may be "
                + "the range instead of the step (a diagram over β at one η, with the momenta where κ(β) = ηλ_GF/2 and "
                + "κ(β) = η|Φ| marked).",
                "Writes PREFIX.png and PREFIX.svg (the diagram), PREFIX.csv ([eta_rel_set,]eta,index,value), "
                + "PREFIX-orbits.csv (one row per step: eta, eta_rel, status, diverged_step, period, lyapunov, "
                + "lyapunov_2), and manifests."})
final class BifurcationCommand extends BaseCommand {
    @Mixin
    GridOptions grid;

    @ArgGroup(validate = false, heading = "%nMethod (a constant step; --beta may be the range instead of the step):%n")
    MethodOptions method;

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
        MethodOptions mo = MethodOptions.orNone(method);
        MethodSpec methodSpec = mo.gridSpec();
        if (!(methodSpec.schedule() instanceof ScheduleSpec.Constant)) {
            throw new UsageException("bifurcation: attractors need a constant step; --schedule must be constant");
        }
        ParameterGrid g = grid.grid(new RunSettings(methodSpec, StopRule.DEFAULT, Engine.AUTO, Precision.DOUBLE), mo);
        List<Axis> axes = g.axes();
        int xIndex = 0;
        for (int k = 1; k < axes.size(); k++) {
            if (axes.get(k).count() != 1) {
                if (axes.get(k).name().equals("beta") && axes.get(0).count() == 1) {
                    xIndex = k;
                } else {
                    throw new UsageException("bifurcation: only the step (or, at one step, --beta) is a range; --"
                            + axes.get(k).name() + " must be a single value");
                }
            }
        }
        requireAtLeast("--transient", discard, 0);
        requireAtLeast("--keep", keep, 1);
        Orbit.Observed what = Orbit.Observed.parse(observe);
        int n = threads.count();
        OutputPrefix prefix = OutputPrefix.of(out);
        Axis etaAxis = axes.get(xIndex);
        RunSpec first = g.at(0);
        ResolvedStart start = Runs.resolve(first.model(), first.start());
        Landmarks landmarks = start.landmarks();
        Orbit[] orbits = new Orbit[etaAxis.count()];
        double[] betas = null;
        if (methodSpec.hasMomentum()) {
            betas = new double[etaAxis.count()];
            for (int i = 0; i < betas.length; i++) {
                betas[i] = g.at(i).method().beta();
            }
        }
        Progress progress = Progress.onStderr(err(), xIndex == 0 ? "step sizes" : "momenta", etaAxis.count());
        TileExecutor.run(etaAxis.count(), n, () -> i -> {
            orbits[i] = Bifurcation.column(Runs.resolve(g.at(i), start), discard, keep, what);
            progress.advance(1);
        }, () -> false);
        progress.finish();

        Map<String, Object> params = new LinkedHashMap<>(g.describe());
        params.put("transient", discard);
        params.put("keep", keep);
        params.put("observe", what.label());
        Path csv = prefix.file(".csv");
        writeResult(csv, params, null, w -> {
            BifurcationCsv.points(w, etaAxis, orbits, what);
            return null;
        });
        Path orbitsCsv = prefix.file("-orbits.csv");
        double[] orbitBetas = betas;
        writeResult(orbitsCsv, params, null, w -> {
            BifurcationCsv.orbits(w, orbits, landmarks::relativeEta, orbitBetas);
            return null;
        });
        Map<String, Long> statusCounts = new LinkedHashMap<>();
        for (Orbit o : orbits) {
            statusCounts.merge(o.status(), 1L, Long::sum);
        }
        Chart chart = xIndex == 0 ? chart(etaAxis, orbits, what, landmarks, methodSpec, first)
                : betaChart(etaAxis, orbits, what, landmarks, Runs.resolve(first, start));
        Path png = prefix.file(".png");
        ChartWriter.writePng(chart, png, 1000, 650);
        Manifest.writeFor(png, argv(), params, null);
        Path svg = prefix.file(".svg");
        ChartWriter.writeSvg(chart, svg, 1000, 650);
        Manifest.writeFor(svg, argv(), params, null);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put(xIndex == 0 ? "step_sizes" : "momenta", etaAxis.count());
        summary.putAll(statusCounts);
        summary.put("files", List.of(png.toString(), svg.toString(), csv.toString(), orbitsCsv.toString()));
        print(summary, false);
        return 0;
    }

    private Chart chart(Axis etaAxis, Orbit[] orbits, Orbit.Observed what, Landmarks landmarks, MethodSpec m,
                        RunSpec first) {
        boolean relative = etaAxis.name().equals("eta-rel");
        boolean plain = m.isPlainGd();
        double kappa = plain ? 1.0 : Runs.resolve(first).method().edgeFactor();
        String name = plain ? "GD" : String.format(Locale.ROOT, "%s (β = %s)", m.name(), (float) m.beta());
        String title = String.format(Locale.ROOT, "%s bifurcation diagram (Φ = %s, λ_GF = %.4g, %d kept after %d)",
                name, landmarks.phi(), landmarks.gfSharpness(), keep, discard);
        Chart.Builder b = diagram(title, relative ? "relative step η·λ_GF/2" : "step size η", etaAxis, orbits, what);
        double lo = Math.min(etaAxis.start(), etaAxis.stop());
        double hi = Math.max(etaAxis.start(), etaAxis.stop());
        double edge = relative ? kappa : landmarks.edgeEta(kappa);
        double beyond = relative ? landmarks.relativeEta(landmarks.beyondEta(kappa)) : landmarks.beyondEta(kappa);
        if (edge >= lo && edge <= hi) {
            b.vline(edge, plain ? "2/λ_GF" : "2κ/λ_GF");
        }
        if (Double.isFinite(beyond) && beyond >= lo && beyond <= hi) {
            b.vline(beyond, plain ? "1/|Φ|" : "κ/|Φ|");
        }
        return b.build();
    }

    /**
     * A diagram over β at one step η, with the momenta at which the method's edge factor κ(β) equals ηλ_GF/2 (the GF
     * solution's linear stability changes) and η|Φ| (no minimum is linearly stable beyond it).
     */
    private Chart betaChart(Axis betaAxis, Orbit[] orbits, Orbit.Observed what, Landmarks landmarks,
                            ResolvedRun run) {
        String name = run.method().name();
        String title = String.format(Locale.ROOT, "%s bifurcation diagram over β (Φ = %s, η = %.4g, λ_GF = %.4g, "
                + "%d kept after %d)", name, landmarks.phi(), run.eta(), landmarks.gfSharpness(), keep, discard);
        Chart.Builder b = diagram(title, "momentum β", betaAxis, orbits, what);
        boolean nesterov = name.equals("nesterov");
        double edge = betaAt(nesterov, run.eta() * landmarks.gfSharpness() / 2.0);
        double beyond = betaAt(nesterov, run.eta() * Math.abs(landmarks.phi()));
        if (edge >= betaAxis.start() && edge <= betaAxis.stop()) {
            b.vline(edge, "κ(β) = ηλ_GF/2");
        }
        if (beyond >= betaAxis.start() && beyond <= betaAxis.stop()) {
            b.vline(beyond, "κ(β) = η|Φ|");
        }
        return b.build();
    }

    /** The β at which the edge factor κ(β) equals x: 1 + β (heavy ball) or (1 + β)/(1 + 2β) (Nesterov); NaN if none. */
    static double betaAt(boolean nesterov, double x) {
        return nesterov ? (1.0 - x) / (2.0 * x - 1.0) : x - 1.0;
    }

    private Chart.Builder diagram(String title, String xLabel, Axis axis, Orbit[] orbits, Orbit.Observed what) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < orbits.length; i++) {
            for (double v : orbits[i].values()) {
                pts.add(new double[] {axis.value(i), v});
            }
        }
        double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
        return Chart.builder(title)
                .xAxis(xLabel, axis.log())
                .yAxis(what == Orbit.Observed.RESIDUAL ? "residual ε = aᵀb − Φ" : "norm λ = ‖a‖² + ‖b‖²", false)
                .dots("attractor", xs, ys);
    }

}
