package eoslab.report;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.StopRule;
import eoslab.exec.Progress;
import eoslab.exec.TileExecutor;
import eoslab.grid.Axis;
import eoslab.landscape.BalancedMap;
import eoslab.landscape.ConvergenceBoundary;
import eoslab.landscape.CriticalSlowing;
import eoslab.landscape.Superstable;
import eoslab.measure.Orbit;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.BifurcationChart;
import eoslab.plot.Chart;
import eoslab.plot.Panels;
import eoslab.plot.PhasePalette;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.StartSpec;
import eoslab.sweep.Bifurcation;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseSpec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * F8–F10, the shallow model's exact step-size landscape (docs/models.md §1): the convergence boundary η* over a
 * phase map, the period-doubling ladder of balanced starts with its closed-form 2-cycle and Lyapunov exponent, and
 * critical slowing at η|Φ| = 1.
 */
final class LandscapeSection implements Section {
    /** Target of the landscape figures. */
    static final double PHI = 1.0;
    /** Product of the phase map's starts (y is λ₀). */
    static final double BOUNDARY_M0 = 0.0;
    /** The phase map's step range. */
    static final double[] BOUNDARY_ETA = {0.2, 1.6};
    /** The phase map's λ₀ range. */
    static final double[] BOUNDARY_LAMBDA0 = {0.5, 8};
    /** Step budget of a phase-map cell. */
    static final int BOUNDARY_STEPS = 10_000;
    /** The balanced start of the ladder and of critical slowing: a = b with aᵀb = 0.3. */
    static final ProblemSpec BALANCED = ProblemSpec.of(PHI, new StartSpec.Canonical(0.3, 0.6));
    /** The ladder's range of c = η|Φ|. */
    static final double[] LADDER_C = {0.9, 2.0};
    /** Distance from the ends of the 2-cycle window within which convergence onto the cycle is slow. */
    static final double WINDOW_MARGIN = 0.02;
    /** The largest distance of a kept iterate from the closed-form 2-cycle that F9 calls "on the cycle". */
    static final double CYCLE_BOUND = 1e-12;
    /** The steps below c = 1 of the critical-slowing figure: c = 1 − δ. */
    static final double[] DELTAS = {1e-1, 1e-2, 1e-3};

    @Override
    public Part build(ReportContext context) {
        ReportSettings s = context.settings();
        context.progress("F8 convergence boundary (" + s.boundaryCells() + "² cells)");
        Figure boundary = boundary(s);
        context.progress("F9 bifurcation ladder (" + s.ladderColumns() + " step sizes)");
        Figure ladder = ladder(s);
        context.progress("F10 critical slowing");
        Figure slowing = criticalSlowing(s);
        List<Statement> intro = List.of(Statement.of("landscape.intro", "The shallow model's step-size landscape is "
                + "known exactly (docs/models.md §1): for almost every start GD converges iff $η < η^* = min(1/|Φ|, "
                + "8/(λ_0 + \\sqrt{λ_0^2 − 16Φ(m_0 − Φ)}))$; on balanced starts it is the cubic map $z ↦ z(1 + c − z)^2$ "
                + "with $z = ηm$, $c = η|Φ|$. The figures test these facts on exact runs."));
        return new Part("landscape", "The step-size landscape", List.of(new Block.Paragraph(intro),
                new Block.FigureBlock(boundary), new Block.FigureBlock(ladder), new Block.FigureBlock(slowing)));
    }

    // ------------------------------------------------------------------ F8

    static Figure boundary(ReportSettings s) {
        int n = s.boundaryCells();
        Axis eta = new Axis("eta", BOUNDARY_ETA[0], BOUNDARY_ETA[1], n, false);
        Axis lambda0 = new Axis("lambda0", BOUNDARY_LAMBDA0[0], BOUNDARY_LAMBDA0[1], n, false);
        StopRule rule = new StopRule(BOUNDARY_STEPS, ReportSettings.RULE.tol());
        ParameterGrid grid = ParameterGrid.canonical(eta, Axis.single("phi", PHI),
                Axis.single("m0", BOUNDARY_M0), lambda0, RunSettings.gd(rule));
        int yIndex = grid.axes().indexOf(grid.axis("lambda0"));
        PhaseSpec spec = new PhaseSpec(grid, yIndex);
        PhaseMap map = PhaseEngine.run(spec, s.threads(),
                new Progress(new java.io.PrintWriter(java.io.Writer.nullWriter()), "cells", (long) n * n, false));
        PhasePalette pal = new PhasePalette(BOUNDARY_STEPS);
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        DataTable data = new DataTable("eta", "lambda0", "outcome", "steps", "period", "eta_star", "bound");
        int agree = 0;
        int converging = 0;
        int exceptions = 0;
        int farExceptions = 0;
        int slowExceptions = 0;
        double dx = eta.value(1) - eta.value(0);
        for (int iy = 0; iy < n; iy++) {
            double l0 = lambda0.value(iy);
            ConvergenceBoundary b = ConvergenceBoundary.of(PHI, BOUNDARY_M0, l0);
            for (int ix = 0; ix < n; ix++) {
                int c = iy * n + ix;
                int cls = map.cls()[c];
                img.setRGB(ix, n - 1 - iy, pal.color(cls, map.steps()[c], map.period()[c]));
                double e = eta.value(ix);
                data.add(e, l0, CellClass.of(cls).label(), map.steps()[c], map.period()[c], b.eta(),
                        b.bound().name().toLowerCase(java.util.Locale.ROOT));
                boolean converged = cls == CellClass.CONVERGED.ordinal();
                boolean predicted = e < b.eta();
                converging += converged ? 1 : 0;
                if (converged == predicted) {
                    agree++;
                } else {
                    exceptions++;
                    farExceptions += Math.abs(e - b.eta()) > dx ? 1 : 0;
                    slowExceptions += cls == CellClass.SLOW.ordinal() ? 1 : 0;
                }
            }
        }
        double[] ly = Axis.linspace(BOUNDARY_LAMBDA0[0], BOUNDARY_LAMBDA0[1], 400);
        double[] star = new double[ly.length];
        double[] edge = new double[ly.length];
        for (int i = 0; i < ly.length; i++) {
            star[i] = ConvergenceBoundary.of(PHI, BOUNDARY_M0, ly[i]).eta();
            Landmarks l = Landmarks.of(PHI, new StartSpec.Canonical(BOUNDARY_M0, ly[i]).point());
            edge[i] = l.edgeEta();
        }
        // the raster's cells are centred on the axis values
        double hx = 0.5 * dx;
        double hy = 0.5 * (lambda0.value(1) - lambda0.value(0));
        Chart.Builder chart = Chart.builder()
                .xAxis(Labels.ETA_AXIS, false, BOUNDARY_ETA[0] - hx, BOUNDARY_ETA[1] + hx)
                .yAxis("initial norm $λ_0 = ‖a_0‖^2 + ‖b_0‖^2$", false, BOUNDARY_LAMBDA0[0] - hy,
                        BOUNDARY_LAMBDA0[1] + hy)
                .raster(BOUNDARY_ETA[0] - hx, BOUNDARY_ETA[1] + hx, BOUNDARY_LAMBDA0[0] - hy, BOUNDARY_LAMBDA0[1] + hy,
                        img);
        for (CellClass c : CellClass.values()) {
            chart.swatch(c.label(), new Color(pal.level(c.ordinal(), 0.45)));
        }
        chart.line("exact boundary $η^*(λ_0)$", star, ly, 3);
        chart.line("$2/λ_{GF}$", edge, ly, 5);
        chart.vline(1 / PHI, "$1/|Φ|$");
        List<Statement> caption = new ArrayList<>();
        caption.add(Statement.of("landscape.F8.shows", "What GD does on a {n} × {n} grid of steps $η$ ∈ [{e0}, {e1}] "
                + "and starts $a^⊤b$ = {m0}, $‖a‖^2 + ‖b‖^2 = λ_0$ ∈ [{l0}, {l1}] at $Φ$ = {phi} (at most {steps} "
                + "steps per cell; colour: outcome, lightness: steps or period, as in `eoslab phase`), with the exact "
                + "boundary $η^* = min(1/|Φ|, 8/(λ_0 + \\sqrt{λ_0^2 − 16Φ(m_0 − Φ)}))$ and the edge of stability "
                + "$2/λ_{GF}$.").count("n", n).value("e0", BOUNDARY_ETA[0], 3).value("e1", BOUNDARY_ETA[1], 3)
                .value("m0", BOUNDARY_M0, 3).value("l0", BOUNDARY_LAMBDA0[0], 3).value("l1", BOUNDARY_LAMBDA0[1], 3)
                .value("phi", PHI, 3).count("steps", BOUNDARY_STEPS));
        caption.add(Statement.of("landscape.F8.exact", "The boundary is exact: every one of the {cells} cells "
                + "converges exactly when $η < η^*$.").count("cells", (long) n * n).count("exceptions", exceptions)
                .count("agree", agree).asserts("no exception", v -> v.get("exceptions") == 0
                        && v.get("agree") == v.get("cells")));
        caption.add(Statement.of("landscape.F8.agree", "The boundary is exact: {agree} of the {cells} cells "
                + "({pct}%) converge exactly when $η < η^*$; the other {exceptions} lie within one cell of the curve "
                + "({slow} of them are slow cells that converge after the budget).")
                .count("agree", agree).count("cells", (long) n * n).count("exceptions", exceptions)
                .count("far", farExceptions).count("slow", slowExceptions)
                .derive("pct", v -> 100 * v.get("agree") / v.get("cells"), 4)
                .asserts("some exceptions, every one within one cell of η*", v -> v.get("far") == 0
                        && v.get("exceptions") > 0 && v.get("agree") + v.get("exceptions") == v.get("cells")));
        caption.add(Statement.of("landscape.F8.edge_converges", "Between $2/λ_{GF}$ and $η^*$ GD still converges: "
                + "the edge of stability is not the edge of convergence ({n} of the converged cells lie there).")
                .count("n", edgeConverged(map, eta, lambda0)).asserts("n > 0", v -> v.get("n") > 0));
        Map<String, Object> run = new LinkedHashMap<>(spec.describe());
        run.put("figure", "F8");
        run.put("method", "gd");
        run.put("engine", "phase kernel");
        run.put("command", "./eoslab phase --eta " + BOUNDARY_ETA[0] + ":" + BOUNDARY_ETA[1] + ":" + n
                + " --lambda0 " + BOUNDARY_LAMBDA0[0] + ":" + BOUNDARY_LAMBDA0[1] + ":" + n + " --steps "
                + BOUNDARY_STEPS);
        return new Figure("F8_boundary", "The convergence boundary $η^*$ over a phase map", caption,
                Panels.of(chart.build()), data, List.of(run));
    }

    private static int edgeConverged(PhaseMap map, Axis eta, Axis lambda0) {
        int n = 0;
        for (int iy = 0; iy < lambda0.count(); iy++) {
            double l0 = lambda0.value(iy);
            double edge = Landmarks.of(PHI, new StartSpec.Canonical(BOUNDARY_M0, l0).point()).edgeEta();
            for (int ix = 0; ix < eta.count(); ix++) {
                if (eta.value(ix) >= edge && map.cls()[iy * eta.count() + ix] == CellClass.CONVERGED.ordinal()) {
                    n++;
                }
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ F9

    static Figure ladder(ReportSettings s) {
        int n = s.ladderColumns();
        Axis eta = new Axis("eta", LADDER_C[0] / PHI, LADDER_C[1] / PHI, n, false);
        ProblemSpec start = BALANCED;
        var problem = ReportRuns.resolve(start);
        Landmarks l = problem.landmarks();
        Orbit[] orbits = new Orbit[n];
        StopRule rule = new StopRule(s.ladderTransient() + s.ladderKeep(), 0);
        TileExecutor.run(n, s.threads(), () -> i -> orbits[i] = Bifurcation.column(
                Runs.resolve(start.run(new EtaSpec.Absolute(eta.value(i)), RunSettings.gd(rule)), problem),
                s.ladderTransient(), s.ladderKeep(), Orbit.Observed.RESIDUAL), () -> false);
        DataTable data = new DataTable("eta", "c", "status", "period", "lyapunov", "index", "residual");
        double cEnd = BalancedMap.TWO_CYCLE_STABLE_END;
        double maxDev = 0;
        int windowColumns = 0;
        int nonFixedBelow = 0;
        int below = 0;
        double lmaxWindow = Double.NEGATIVE_INFINITY;
        double cChaos = Double.NaN;
        double lmax = Double.NEGATIVE_INFINITY;
        double cLmax = Double.NaN;
        int diverged = 0;
        for (int i = 0; i < n; i++) {
            Orbit o = orbits[i];
            double c = o.eta() * Math.abs(PHI);
            for (int j = 0; j < o.values().length; j++) {
                data.add(o.eta(), c, o.status().label(), o.period(), o.diverged() ? Double.NaN : o.lyapunov(), j,
                        o.values()[j]);
            }
            if (o.diverged()) {
                diverged++;
                continue;
            }
            if (c < 1 - WINDOW_MARGIN) {
                below++;
                nonFixedBelow += o.period() == 1 ? 0 : 1;
            }
            if (c > 1 + WINDOW_MARGIN && c < cEnd - WINDOW_MARGIN) {
                windowColumns++;
                double[] z = new BalancedMap(c).twoCycle();
                double lo = z[0] / o.eta() - PHI;
                double hi = z[1] / o.eta() - PHI;
                for (double v : o.values()) {
                    maxDev = Math.max(maxDev, Math.min(Math.abs(v - lo), Math.abs(v - hi)));
                }
                lmaxWindow = Math.max(lmaxWindow, o.lyapunov());
            }
            if (Double.isNaN(cChaos) && o.lyapunov() > 0.01) {
                cChaos = c;
            }
            if (o.lyapunov() > lmax) {
                lmax = o.lyapunov();
                cLmax = c;
            }
        }
        Panels drawing = BifurcationChart.of(eta.values(), eta.start(), eta.stop(), false, false, orbits,
                Orbit.Observed.RESIDUAL, l);
        double[] cs = Superstable.parameters(BifurcationChart.MAX_ORDER);
        double[] ratios = Superstable.ratios(cs);
        double accumulation = Superstable.accumulation(cs);
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("landscape.F9.shows", "The attractor of GD against $c = η|Φ|$ for "
                + "{n} steps, " + ReportRuns.FROM.replace("(width 1; every width is equivalent, docs/model.md §3)",
                "(a balanced start, $a = b$, on which GD is the cubic map)") + ": {keep} iterates of $ε$ kept after "
                + "{transient} discarded, the closed-form 2-cycle $ε_± = z_±/η − Φ$ with "
                + "$z_± = [(1+c) ± \\sqrt{(1+c)^2 − 4}]/2$, the superstable parameters $c_n$ (period $2^n$ through the "
                + "critical point $(1+c)/3$) and, below, the largest Lyapunov exponent $λ_1$ of each orbit."), start)
                .count("n", n).count("keep", s.ladderKeep()).count("transient", s.ladderTransient()));
        caption.add(Statement.of("landscape.F9.fixed", "Below $c = 1$ GD converges: all {n} columns with "
                + "$c < 1 −$ {margin} are fixed points.").count("n", below).count("other", nonFixedBelow)
                .value("margin", WINDOW_MARGIN, 2)
                .asserts("n > 0 and every such column a fixed point", v -> v.get("n") > 0 && v.get("other") == 0));
        caption.add(Statement.of("landscape.F9.cycle", "For $1 < c < \\sqrt{5} − 1$ the attractor is the closed-form "
                + "2-cycle: over the {n} columns more than {margin} inside that window every kept iterate is within "
                + "{bound} of $ε_±$, and $λ_1 < 0$ (largest {lmax}).").count("n", windowColumns)
                .value("margin", WINDOW_MARGIN, 2).value("dev", maxDev, 2).value("bound", CYCLE_BOUND, 2)
                .value("lmax", lmaxWindow, 3)
                .asserts("n > 0, dev < bound, lmax < 0", v -> v.get("n") > 0 && v.get("dev") < v.get("bound")
                        && v.get("lmax") < 0));
        caption.add(Statement.of("landscape.F9.cascade", "The superstable parameters $c_1 … c_5$ = {c1}, {c2}, {c3}, "
                + "{c4}, {c5} ($c_1 = 3/\\sqrt{2} − 1$) have gap ratios {d1}, {d2}, {d3}, tending to Feigenbaum's "
                + "4.669, and accumulate at $c_∞$ ≈ {cinf}.").value("c1", cs[1], 5).value("c2", cs[2], 5)
                .value("c3", cs[3], 5).value("c4", cs[4], 6).value("c5", cs[5], 7).value("d1", ratios[1], 3)
                .value("d2", ratios[2], 3).value("d3", ratios[3], 3).value("cinf", accumulation, 5)
                .asserts("c1 = 3/√2 − 1 and the last ratio within 1% of δ", v -> Math.abs(v.get("c1")
                        - BalancedMap.TWO_CYCLE_SUPERSTABLE) < 1e-15
                        && Math.abs(v.get("d3") / Superstable.FEIGENBAUM_DELTA - 1) < 0.01));
        if (!Double.isNaN(cChaos)) {
            caption.add(Statement.of("landscape.F9.chaos", "Past the cascade the orbits turn chaotic: $λ_1$ first "
                    + "exceeds 0.01 at $c$ = {c}, beyond $c_∞$, and reaches {lmax} at $c$ = {cmax} ($\\ln 3$ = "
                    + "{ln3} is the exponent of the map at $c = 2$).").value("c", cChaos, 4).value("cinf",
                    accumulation, 6).value("lmax", lmax, 3).value("cmax", cLmax, 4).value("ln3", Math.log(3), 4)
                    .asserts("first chaos beyond c∞", v -> v.get("c") > v.get("cinf")));
        }
        if (diverged > 0) {
            caption.add(Statement.of("landscape.F9.diverged", "GD diverged at {n} of the step sizes (shaded).")
                    .count("n", diverged));
        }
        Map<String, Object> run = new LinkedHashMap<>(start.describe());
        run.put("figure", "F9");
        run.put("method", "gd");
        run.put("engine", "reduced");
        run.put("eta_min", eta.start());
        run.put("eta_max", eta.stop());
        run.put("eta_count", n);
        run.put("transient", s.ladderTransient());
        run.put("keep", s.ladderKeep());
        run.put("command", "./eoslab bifurcation --eta " + eta.start() + ":" + eta.stop() + ":" + n + " "
                + String.join(" ", start.toArgs()) + " --transient " + s.ladderTransient() + " --keep "
                + s.ladderKeep());
        return new Figure("F9_ladder", "The period-doubling ladder of balanced starts", caption, drawing, data,
                List.of(run));
    }

    // ------------------------------------------------------------------ F10

    /** Records (t, |ε_t|) at log-spaced even steps (about 1% apart) and at the last step. */
    private static final class LogSampler implements StepObserver<ShallowState> {
        final List<double[]> rows = new ArrayList<>();
        private long next = 1;
        private long lastK;
        private double lastE;

        @Override
        public void step(long k, ShallowState s) {
            lastK = k;
            lastE = Math.abs(s.residual());
            // even steps only: at c = 1 the residual alternates in sign and |ε| differs between even and odd steps
            if (k >= next && k % 2 == 0) {
                rows.add(new double[] {k, lastE});
                next = Math.max(k + 1, (long) Math.ceil(k * 1.01));
            }
        }

        @Override
        public void finish(long k, ShallowState s, Outcome outcome) {
            if (rows.isEmpty() || rows.get(rows.size() - 1)[0] != lastK) {
                rows.add(new double[] {lastK, lastE});
            }
        }
    }

    static Figure criticalSlowing(ReportSettings s) {
        ProblemSpec start = BALANCED;
        double limit = CriticalSlowing.residualConstant(PHI);
        DataTable data = new DataTable("series", "c", "step", "abs_residual", "scaled");
        Chart.Builder chart = Chart.builder().xAxis("GD step $t$", true).yAxis("$|ε_t|·\\sqrt{t}$", false);
        List<Map<String, Object>> runs = new ArrayList<>();
        StopRule atOne = new StopRule(s.slowingSteps(), 0);
        LogSampler one = new LogSampler();
        RunResult<ShallowState> r1 = ReportRuns.gd(start, new EtaSpec.Absolute(1 / PHI), atOne, List.of(one));
        runs.add(ReportRuns.run("F10", start, 1 / PHI, atOne, r1));
        addSeries(chart, data, "c = 1", 1.0, one.rows, 0);
        List<Statement> below = new ArrayList<>();
        double[] measured = new double[DELTAS.length];
        double[] predicted = new double[DELTAS.length];
        double x0 = Math.abs(((StartSpec.Canonical) start.start()).m0() - PHI);
        for (int k = 0; k < DELTAS.length; k++) {
            double c = 1 - DELTAS[k];
            double eta = c / PHI;
            LogSampler rec = new LogSampler();
            RunResult<ShallowState> r = ReportRuns.gd(start, new EtaSpec.Absolute(eta), ReportSettings.RULE,
                    List.of(rec));
            runs.add(ReportRuns.run("F10", start, eta, ReportSettings.RULE, r));
            addSeries(chart, data, "c = 1 − " + Labels.num(DELTAS[k]), c, rec.rows, k + 1);
            measured[k] = r.converged() ? r.endStep() : Double.NaN;
            predicted[k] = CriticalSlowing.steps(c, eta * x0, eta * ReportSettings.RULE.tol());
        }
        chart.hline(limit, "$|Φ|/2$ = " + Labels.num(limit));
        double[] last = one.rows.get(one.rows.size() - 1);
        List<double[]> fit = new ArrayList<>();
        for (double[] row : one.rows) {
            if (row[0] >= 1000) {
                fit.add(row);
            }
        }
        CriticalSlowing.PowerLaw law = CriticalSlowing.fit(ReportRuns.col(fit, 0), ReportRuns.col(fit, 1));
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("landscape.F10.shows", "$|ε_t|·\\sqrt{t}$ along GD at $c = η|Φ| = 1$ "
                + "for {steps} steps and at $c = 1 − δ$ for $δ$ = {d1}, {d2}, {d3} (until $|ε| ≤$ {tol}), "
                + ReportRuns.FROM.replace("(width 1; every width is equivalent, docs/model.md §3)", "(balanced)")
                + ", sampled at log-spaced steps."), start).count("steps", s.slowingSteps())
                .value("d1", DELTAS[0], 2).value("d2", DELTAS[1], 2).value("d3", DELTAS[2], 2)
                .value("tol", ReportSettings.RULE.tol(), 3));
        caption.add(Statement.of("landscape.F10.limit", "At $c = 1$ the residual decays like $t^{−1/2}$: "
                + "$|ε_t|\\sqrt{t}$ = {v} at $t$ = {t}, within {pct}% of the limit $|Φ|/2$ = {limit} "
                + "(docs/models.md §1), and a power-law fit over $t ≥ 1000$ gives the exponent {exp}.")
                .value("v", last[1] * Math.sqrt(last[0]), 6).count("t", (long) last[0]).value("limit", limit, 3)
                .value("exp", law.exponent(), 4)
                .derive("pct", v -> 100 * Math.abs(v.get("v") / v.get("limit") - 1), 2)
                .asserts("within 1% of |Φ|/2 and |exponent + 1/2| < 0.01", v -> Math.abs(v.get("v") / v.get("limit")
                        - 1) < 0.01 && Math.abs(v.get("exp") + 0.5) < 0.01));
        caption.add(Statement.of("landscape.F10.below", "Just below, the steps to converge grow like $1/(1 − c)$ up "
                + "to a logarithm: {n1}, {n2} and {n3} steps for $δ$ = {d1}, {d2}, {d3} ($δ$ × steps = {p1}, {p2}, "
                + "{p3}), against {q1}, {q2} and {q3} from the leading-order formula of docs/models.md §1.")
                .count("n1", (long) measured[0]).count("n2", (long) measured[1]).count("n3", (long) measured[2])
                .value("d1", DELTAS[0], 2).value("d2", DELTAS[1], 2).value("d3", DELTAS[2], 2)
                .derive("p1", v -> v.get("n1") * v.get("d1"), 3).derive("p2", v -> v.get("n2") * v.get("d2"), 3)
                .derive("p3", v -> v.get("n3") * v.get("d3"), 3)
                .count("q1", Math.round(predicted[0])).count("q2", Math.round(predicted[1]))
                .count("q3", Math.round(predicted[2]))
                .asserts("δ·steps within a factor 2 across δ and each count within 20% of the formula",
                        v -> Math.max(v.get("p1"), Math.max(v.get("p2"), v.get("p3")))
                                <= 2 * Math.min(v.get("p1"), Math.min(v.get("p2"), v.get("p3")))
                                && Math.abs(v.get("n1") / v.get("q1") - 1) < 0.2
                                && Math.abs(v.get("n2") / v.get("q2") - 1) < 0.2
                                && Math.abs(v.get("n3") / v.get("q3") - 1) < 0.2));
        return new Figure("F10_critical_slowing", "Critical slowing at $η|Φ| = 1$", caption, Panels.of(chart.build()),
                data, runs);
    }

    private static void addSeries(Chart.Builder chart, DataTable data, String name, double c, List<double[]> rows,
                                  int style) {
        double[] t = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            t[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1] * Math.sqrt(t[i]);
            data.add(eoslab.plot.MathText.plain(name), c, (long) t[i], rows.get(i)[1], y[i]);
        }
        chart.line("$" + name + "$", t, y, style);
    }
}
