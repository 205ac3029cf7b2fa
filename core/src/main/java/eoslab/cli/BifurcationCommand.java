package eoslab.cli;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.exec.Memory;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.grid.Axis;
import eoslab.io.BifurcationCsv;
import eoslab.io.OutputSet;
import eoslab.landscape.Superstable;
import eoslab.measure.Orbit;
import eoslab.measure.SuperstablePoint;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.BifurcationChart;
import eoslab.plot.ChartWriter;
import eoslab.plot.FigureSize;
import eoslab.plot.MomentumBifurcationChart;
import eoslab.plot.Panels;
import eoslab.service.ResolvedRun;
import eoslab.service.ResolvedStart;
import eoslab.service.Runs;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import eoslab.sweep.Bifurcation;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.SuperstableSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab bifurcation}: attractor points of GD against the step size, with periods and Lyapunov exponents. */
@Command(name = "bifurcation", mixinStandardHelpOptions = true, header = "Attractors, periods and Lyapunov exponents against the step size.", sortOptions = false,
        description = {"For each step in the --eta, --eta-rel or --eta-crit range (one fixed initialization), discard "
                + "--transient steps, record --keep iterates of ε (or λ, --observe norm), and report the orbit's class "
                + "by the rule of phase (the transient as the budget: converged, diverged with its step, periodic with "
                + "its period, aperiodic, slow), and its Lyapunov exponents λ₁ ≥ λ₂ with their errors, from the "
                + "Jacobian of the 2-variable map (λ₁ > 0: chaos; a converged orbit has λ₁ = 0 along the curve of "
                + "minima and λ₂ = ln|1 − ηλ∞| < 0).",
                "Reports the superstable parameters c_n = η|Φ| of the period-2ⁿ cycles (n ≤ 5) that the scan "
                + "resolves, found on the GD orbit, next to their exact values, and the Feigenbaum ratio they give.",
                "With --method heavy-ball or nesterov: the 4-variable map (its two largest exponents, without errors; "
                + "the closed forms and the cascade of GD are not drawn); --beta may be the range instead of the step "
                + "(a diagram over β at one η, with the momenta where κ(β) = ηλ_GF/2 and κ(β) = η|Φ| marked).",
                "Writes PREFIX.png, PREFIX.svg and PREFIX.pdf (the diagram, with the closed-form 2-cycle, the superstable "
                + "points, divergence shaded and the Lyapunov exponent λ₁ in a panel under it), "
                + "PREFIX.csv ([eta_rel_set,|eta_crit_set,]eta,index,value), PREFIX-orbits.csv (one row per step: eta, "
                + "eta_rel, eta_crit, status, converged_step, diverged_step, period, lyapunov, lyapunov_error, "
                + "lyapunov_2, lyapunov_2_error), PREFIX-cascade.csv (n, period, eta, c, c_exact, c_error, note), and "
                + "manifests."})
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

    @Mixin
    FigureOptions figure;

    @Mixin
    ForceOption force;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

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
        FigureSize size = figure.figureSize();
        int n = threads.count();
        // each step size keeps its orbit (--keep doubles) and the CSV holds its text
        Memory.require("bifurcation: " + axes.get(xIndex).count() + " step sizes × --keep " + keep + " points",
                axes.get(xIndex).count() * (double) keep * 40);
        OutputPrefix prefix = OutputPrefix.of(out);
        Path csv = prefix.file(".csv");
        Path orbitsCsv = prefix.file("-orbits.csv");
        Path cascadeCsv = prefix.file("-cascade.csv");
        boolean cascadeApplies = methodSpec.isPlainGd();
        List<Path> figures = List.of(prefix.file(".png"), prefix.file(".svg"), prefix.file(".pdf"));
        List<Path> all = new ArrayList<>(figures);
        all.addAll(cascadeApplies ? List.of(csv, orbitsCsv, cascadeCsv) : List.of(csv, orbitsCsv));
        try (OutputSet set = plan(all, force.force)) {
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
            writeResult(set, csv, params, null, w -> {
                BifurcationCsv.points(w, etaAxis, orbits, what);
                return null;
            });
            double[] orbitBetas = betas;
            writeResult(set, orbitsCsv, params, null, w -> {
                BifurcationCsv.orbits(w, orbits, landmarks, orbitBetas);
                return null;
            });
            List<SuperstablePoint> cascade = cascadeApplies ? SuperstableSearch.find(g, start, orbits, discard)
                    : List.of();
            if (cascadeApplies) {
                writeResult(set, cascadeCsv, params, null, w -> {
                    BifurcationCsv.cascade(w, cascade);
                    return null;
                });
            }
            Map<String, Long> statusCounts = new LinkedHashMap<>();
            for (Orbit o : orbits) {
                statusCounts.merge(o.status().label(), 1L, Long::sum);
            }
            Panels drawing = methodSpec.isPlainGd() ? BifurcationChart.of(etaAxis.values(), etaAxis.start(),
                    etaAxis.stop(), etaAxis.log(), etaAxis.name(), orbits, what, landmarks)
                    : momentumDrawing(etaAxis, orbits, what, landmarks, Runs.resolve(first, start), xIndex != 0);
            set.write(figures.get(0), ChartWriter.png(drawing, size));
            set.write(figures.get(1), ChartWriter.svg(drawing, size));
            set.write(figures.get(2), ChartWriter.pdf(drawing, size, methodSpec.isPlainGd()
                    ? "GD bifurcation diagram" : methodSpec.name() + " bifurcation diagram"));
            for (Path f : figures) {
                manifest(set, f, params, null);
            }
            set.commit();

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put(xIndex == 0 ? "step_sizes" : "momenta", etaAxis.count());
            summary.putAll(statusCounts);
            if (cascadeApplies) {
                summary.put("superstable_c", cascade.stream().map(SuperstablePoint::c).toList());
                summary.put("superstable_c_exact", cascade.stream().map(SuperstablePoint::exact).toList());
                List<Double> ratios = SuperstableSearch.ratios(cascade);
                summary.put("feigenbaum_ratio", ratios.isEmpty() ? null : ratios.get(ratios.size() - 1));
                summary.put("feigenbaum_delta", Superstable.FEIGENBAUM_DELTA);
            }
            List<String> files = new ArrayList<>();
            figures.forEach(f -> files.add(f.toString()));
            files.add(csv.toString());
            files.add(orbitsCsv.toString());
            if (cascadeApplies) {
                files.add(cascadeCsv.toString());
            }
            summary.put("files", files);
            print(summary, json);
            return 0;
        }
    }

    /**
     * The diagram of a method with momentum: over η (or η·λ_GF/2) at one β, with κ·2/λ_GF and κ/|Φ| marked; or over β
     * at one η, with the momenta at which the edge factor κ(β) equals ηλ_GF/2 (the GF solution's linear stability
     * changes) and η|Φ| (no minimum is linearly stable below it) marked.
     */
    private static Panels momentumDrawing(Axis axis, Orbit[] orbits, Orbit.Observed what, Landmarks landmarks,
                                          ResolvedRun run, boolean overBeta) {
        boolean nesterov = run.method().name().equals("nesterov");
        List<MomentumBifurcationChart.Landmark> lines = new ArrayList<>();
        String label;
        if (overBeta) {
            label = "momentum $β$";
            lines.add(new MomentumBifurcationChart.Landmark(betaAt(nesterov, run.eta() * landmarks.gfSharpness() / 2),
                    "$κ(β) = ηλ_{GF}/2$"));
            lines.add(new MomentumBifurcationChart.Landmark(betaAt(nesterov, run.eta() * Math.abs(landmarks.phi())),
                    "$κ(β) = η|Φ|$"));
        } else {
            double kappa = run.method().edgeFactor();
            DoubleUnaryOperator x = switch (axis.name()) {
                case "eta-rel" -> landmarks::relativeEta;
                case "eta-crit" -> landmarks::criticalRelativeEta;
                default -> eta -> eta;
            };
            label = switch (axis.name()) {
                case "eta-rel" -> "relative step $ηλ_{GF}/2$";
                case "eta-crit" -> "step relative to GD's boundary $η/η^*$";
                default -> "step size $η$";
            };
            lines.add(new MomentumBifurcationChart.Landmark(x.applyAsDouble(landmarks.edgeEta(kappa)),
                    "$2κ/λ_{GF}$"));
            lines.add(new MomentumBifurcationChart.Landmark(x.applyAsDouble(landmarks.beyondEta(kappa)), "$κ/|Φ|$"));
        }
        return MomentumBifurcationChart.of(axis.values(), axis.start(), axis.stop(), axis.log(), label, orbits, what,
                lines, run.method().name());
    }

    /** The β at which the edge factor κ(β) equals x: 1 + β (heavy ball) or (1 + β)/(1 + 2β) (Nesterov); NaN if none. */
    static double betaAt(boolean nesterov, double x) {
        return nesterov ? (1.0 - x) / (2.0 * x - 1.0) : x - 1.0;
    }
}
