package eoslab.report;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Precision;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.StopRule;
import eoslab.exec.Progress;
import eoslab.grid.Axis;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.Chart;
import eoslab.plot.Panels;
import eoslab.plot.PhasePalette;
import eoslab.spec.MethodSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import eoslab.spec.StartSpec;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseSpec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * F11–F13, momentum and warm-up (docs/models.md §2): the sharpness of the limit of heavy ball and Nesterov against η
 * for β ∈ {0, 0.5, 0.9} with each method's edge 2κ/η, a phase map of heavy ball over (η, β) with the lines where the
 * GF solution and every minimum lose linear stability, and warm-up against a constant step at the same target η.
 */
final class MomentumSection implements Section {
    /** The momenta of F11. */
    static final double[] BETAS = {0.0, 0.5, 0.9};
    /** F11 and F13: steps from this multiple of 1/|Φ| … */
    static final double ETA_MIN = 0.004;
    /** … to this one for F11 (at heavy ball's κ/|Φ| for β = 0.5) … */
    static final double ETA_MAX = 1.5;
    /** … and to this one for F13 (GD's and heavy ball's edge regimes, up to GD's 1/|Φ|). */
    static final double WARMUP_ETA_MAX = 0.99;
    /** The momentum of heavy ball in F13. */
    static final double WARMUP_BETA = 0.5;
    /** The warm-up of F13: linear from 0 over this many steps. */
    static final long WARMUP_STEPS = 100;
    /** F12's step range. */
    static final double[] MAP_ETA = {0.05, 2.2};
    /** F12's momentum range. */
    static final double[] MAP_BETA = {0.0, 0.95};
    /** Step budget of an F12 cell. */
    static final int MAP_STEPS = 10_000;
    /** F12's start: Φ = 1, aᵀb = 0, ‖a‖² + ‖b‖² = 0.5, small enough that convergence reaches (1 + β)/|Φ|. */
    static final ProblemSpec MAP_START = ProblemSpec.of(1.0, new StartSpec.Canonical(0.0, 0.5));
    /** F12: the rows with β up to this are checked to converge up to (1 + β)/|Φ|. */
    static final double MAP_REACH_BETA = 0.3;

    @Override
    public Part build(ReportContext context) {
        ReportSettings s = context.settings();
        int n = Math.max(50, s.sweepCount() / 3);
        context.progress("F11 momentum sweeps (6 × " + n + " step sizes)");
        Figure sharpness = sharpness(s, n);
        context.progress("F12 heavy-ball phase map (" + s.boundaryCells() + "² cells)");
        Figure map = phaseMap(s);
        context.progress("F13 warm-up against a constant step (4 × " + n + " runs)");
        Figure warmup = warmup(s, n);
        List<Statement> intro = List.of(Statement.of("momentum.intro", "Heavy ball and Nesterov with momentum $β$ are "
                + "exact 4-variable maps on this model (docs/models.md §2); a minimum of sharpness $λ$ is linearly "
                + "stable iff $ηλ < 2κ$, with $κ = 1 + β$ for heavy ball and $κ = (1 + β)/(1 + 2β)$ for Nesterov "
                + "($κ = 1$ at $β = 0$: GD). No exact convergence boundary like $η^*$ is known for them."));
        return new Part("momentum", "Momentum and warm-up", List.of(new Block.Paragraph(intro),
                new Block.FigureBlock(sharpness), new Block.FigureBlock(map), new Block.FigureBlock(warmup)));
    }

    /** κ of a method with momentum β. */
    static double kappa(boolean nesterov, double beta) {
        return nesterov ? (1 + beta) / (1 + 2 * beta) : 1 + beta;
    }

    private static RunSettings settings(String method, double beta, ScheduleSpec schedule) {
        MethodSpec m = method.equals("gd") ? MethodSpec.of("gd", null, schedule) : MethodSpec.of(method, beta,
                schedule);
        return new RunSettings(m, ReportSettings.RULE, Engine.AUTO, Precision.DOUBLE);
    }

    private static Map<String, Object> sweepRun(String figure, ProblemSpec start, RunSettings settings,
                                                double[] etas) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", figure);
        m.putAll(start.describe());
        m.put("method", settings.method().describe());
        m.put("engine", "reduced");
        m.put("eta_min", etas[0]);
        m.put("eta_max", etas[etas.length - 1]);
        m.put("eta_count", etas.length);
        m.put("eta_spacing", "linear, ends included");
        m.put("steps", settings.stop().maxSteps());
        m.put("tol", settings.stop().tol());
        return m;
    }

    // ------------------------------------------------------------------ F11

    static Figure sharpness(ReportSettings s, int n) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
        double phi = Math.abs(start.phi());
        double[] etas = Axis.linspace(ETA_MIN / phi, ETA_MAX / phi, n);
        DataTable data = new DataTable("method", "beta", "eta", "outcome", "steps", "lambda_inf", "edge");
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Chart> panels = new ArrayList<>();
        int converged = 0;
        double maxEdgeRatio = 0;
        double[][] reach = new double[2][BETAS.length];
        int sharper = 0;
        int sharperOf = 0;
        double maxRatio = 0;
        for (String method : List.of("heavy-ball", "nesterov")) {
            boolean nesterov = method.equals("nesterov");
            Chart.Builder chart = Chart.builder().xAxis(Labels.ETA_AXIS, false)
                    .yAxis("sharpness $λ_∞$ (" + method + ")", false, 1.5 * phi, 1.3 * l.gfSharpness());
            for (int b = 0; b < BETAS.length; b++) {
                double beta = BETAS[b];
                double kappa = kappa(nesterov, beta);
                RunSettings settings = settings(method, beta, ScheduleSpec.CONSTANT);
                List<EtaSweep.Point> sweep = EtaSweep.run(start, etas, settings, s.threads());
                runs.add(sweepRun("F11", start, settings, etas));
                List<double[]> conv = new ArrayList<>();
                List<double[]> edge = new ArrayList<>();
                double largest = Double.NaN;
                for (EtaSweep.Point p : sweep) {
                    RunResult<ShallowState> r = p.result();
                    boolean c = r.outcome() == Outcome.CONVERGED;
                    double lambdaInf = c ? r.last().gfSharpness() : Double.NaN;
                    double edgeValue = 2 * kappa / p.eta();
                    data.add(method, beta, p.eta(), r.outcome().label(), r.endStep(), lambdaInf, edgeValue);
                    if (c) {
                        conv.add(new double[] {p.eta(), lambdaInf});
                        converged++;
                        maxEdgeRatio = Math.max(maxEdgeRatio, lambdaInf / edgeValue);
                        largest = p.eta();
                        if (beta > 0 && !nesterov) {
                            sharperOf++;
                            sharper += lambdaInf > l.gfSharpness() ? 1 : 0;
                            maxRatio = Math.max(maxRatio, lambdaInf / l.gfSharpness());
                        }
                    }
                    if (edgeValue <= 1.25 * l.gfSharpness()) {
                        edge.add(new double[] {p.eta(), edgeValue});
                    }
                }
                reach[nesterov ? 1 : 0][b] = largest;
                String name = beta == 0 ? "GD ($β = 0$)" : "$β$ = " + Labels.num(beta);
                chart.markers(name + ": $λ_∞$", ReportRuns.col(conv, 0), ReportRuns.col(conv, 1), b);
                chart.line("$2κ/η$, " + name, ReportRuns.col(edge, 0), ReportRuns.col(edge, 1), b);
            }
            chart.hline(l.gfSharpness(), "$λ_{GF}$ = " + Labels.num(l.gfSharpness()));
            chart.hline(2 * phi, "$2|Φ|$");
            panels.add(chart.build());
        }
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("momentum.F11.shows", "Sharpness (= norm) $λ_∞$ of the minimum heavy "
                + "ball (top) and Nesterov (bottom) converge to, against $η$, for $β$ = 0 (GD), {b1} and {b2}, at {n} "
                + "step sizes evenly spaced on [{eta_min}, {eta_max}] " + ReportRuns.FROM + "; $λ_{GF}$ = {lgf}. "
                + "Lines: each method's edge $2κ/η$."), start).value("b1", BETAS[1], 2).value("b2", BETAS[2], 2)
                .count("n", n).value("eta_min", etas[0], 4).value("eta_max", etas[n - 1], 4)
                .value("lgf", l.gfSharpness(), 4));
        caption.add(Statement.of("momentum.F11.below_edge", "Every one of the {n} converged runs ends below its "
                + "method's edge: the largest $ηλ_∞/(2κ)$ is {max}.").count("n", converged)
                .value("max", maxEdgeRatio, 4).asserts("n > 0 and max ≤ 1", v -> v.get("n") > 0
                        && v.get("max") <= 1));
        caption.add(Statement.of("momentum.F11.reach", "Momentum converges at larger steps: the largest step at "
                + "which a run converges is {g} for GD, {h1} and {h2} for heavy ball with $β$ = {b1} and {b2} "
                + "(below $κ/|Φ|$ = {k1}, {k2}), and {n1}, {n2} for Nesterov (below {m1}, {m2}).")
                .value("g", reach[0][0], 3).value("h1", reach[0][1], 3).value("h2", reach[0][2], 3)
                .value("n1", reach[1][1], 3).value("n2", reach[1][2], 3).value("b1", BETAS[1], 2)
                .value("b2", BETAS[2], 2).value("k1", kappa(false, BETAS[1]) / phi, 3)
                .value("k2", kappa(false, BETAS[2]) / phi, 3).value("m1", kappa(true, BETAS[1]) / phi, 3)
                .value("m2", kappa(true, BETAS[2]) / phi, 3).value("beyond", 1 / phi, 6)
                .asserts("heavy ball reaches past 1/|Φ| and every largest step is below its κ/|Φ|",
                        v -> v.get("h2") > v.get("beyond") && v.get("g") < v.get("beyond")
                                && v.get("h1") < v.get("k1") && v.get("h2") < v.get("k2")
                                && v.get("n1") < v.get("m1") && v.get("n2") < v.get("m2")));
        caption.add(Statement.of("momentum.F11.basin", "From this start momentum does not converge at larger steps "
                + "than GD: the largest step at which a run converges is {g} for GD, {h1} and {h2} for heavy ball "
                + "with $β$ = {b1} and {b2}, and {n1}, {n2} for Nesterov, although heavy ball's minima stay linearly "
                + "stable up to $κ/|Φ|$ = {k1}, {k2}: below that line the start's basin, not the linear threshold, "
                + "decides (F12).")
                .value("g", reach[0][0], 3).value("h1", reach[0][1], 3).value("h2", reach[0][2], 3)
                .value("n1", reach[1][1], 3).value("n2", reach[1][2], 3).value("b1", BETAS[1], 2)
                .value("b2", BETAS[2], 2).value("k1", kappa(false, BETAS[1]) / phi, 3)
                .value("k2", kappa(false, BETAS[2]) / phi, 3).value("beyond", 1 / phi, 6)
                .asserts("no momentum run converges at a step above GD's largest, all below 1/|Φ|",
                        v -> v.get("h1") <= v.get("g") && v.get("h2") <= v.get("g") && v.get("n1") <= v.get("g")
                                && v.get("n2") <= v.get("g") && v.get("g") < v.get("beyond")));
        caption.add(Statement.of("momentum.F11.sharper", "Momentum does not always end flatter than GF: {k} of the "
                + "{n} converged heavy-ball runs with $β > 0$ end above $λ_{GF}$ (up to {ratio} × $λ_{GF}$).")
                .count("k", sharper).count("n", sharperOf).value("ratio", maxRatio, 3)
                .asserts("k > 0", v -> v.get("k") > 0));
        caption.add(Statement.of("momentum.F11.flatter", "Here every one of the {n} converged heavy-ball runs with "
                + "$β > 0$ ends below $λ_{GF}$ (the largest $λ_∞/λ_{GF}$ is {ratio}).").count("n", sharperOf)
                .count("k", sharper).value("ratio", maxRatio, 3).asserts("k = 0 and n > 0",
                        v -> v.get("k") == 0 && v.get("n") > 0));
        return new Figure("F11_momentum_sharpness", "Sharpness of the limit of heavy ball and Nesterov against $η$",
                caption, Panels.stack(panels, 1, 1), data, runs);
    }

    // ------------------------------------------------------------------ F12

    static Figure phaseMap(ReportSettings s) {
        int n = s.boundaryCells();
        ProblemSpec start = MAP_START;
        Landmarks l = ReportRuns.landmarks(start);
        double phi = Math.abs(start.phi());
        Axis eta = new Axis("eta", MAP_ETA[0], MAP_ETA[1], n, false);
        Axis beta = new Axis("beta", MAP_BETA[0], MAP_BETA[1], n, false);
        StopRule rule = new StopRule(MAP_STEPS, ReportSettings.RULE.tol());
        StartSpec.Canonical c = (StartSpec.Canonical) start.start();
        ParameterGrid grid = ParameterGrid.canonical(eta, Axis.single("phi", start.phi()),
                Axis.single("m0", c.m0()), Axis.single("lambda0", c.lambda0()),
                new RunSettings(MethodSpec.of("heavy-ball", MAP_BETA[0], ScheduleSpec.CONSTANT), rule, Engine.AUTO,
                        Precision.DOUBLE)).withBeta(beta);
        PhaseSpec spec = new PhaseSpec(grid, grid.axes().indexOf(beta));
        PhaseMap map = PhaseEngine.run(spec, s.threads(), new Progress(new PrintWriter(Writer.nullWriter()), "cells",
                (long) n * n, false));
        PhasePalette pal = new PhasePalette(MAP_STEPS);
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        DataTable data = new DataTable("eta", "beta", "outcome", "steps", "period", "edge_eta", "beyond_eta");
        double dx = eta.value(1) - eta.value(0);
        int beyondConverged = 0;
        int beyondCells = 0;
        int edgeConverged = 0;
        int gdBeyondConverged = 0;
        int reachRows = 0;
        double reachGap = 0;
        for (int iy = 0; iy < n; iy++) {
            double b = beta.value(iy);
            double kappa = kappa(false, b);
            double edgeEta = l.edgeEta(kappa);
            double beyondEta = l.beyondEta(kappa);
            double largest = Double.NaN;
            for (int ix = 0; ix < n; ix++) {
                int k = iy * n + ix;
                int cls = map.cls()[k];
                img.setRGB(ix, n - 1 - iy, pal.color(cls, map.steps()[k], map.period()[k]));
                double e = eta.value(ix);
                data.add(e, b, CellClass.of(cls).label(), map.steps()[k], map.period()[k], edgeEta, beyondEta);
                boolean converged = cls == CellClass.CONVERGED.ordinal();
                if (e >= beyondEta + dx) {
                    beyondCells++;
                    beyondConverged += converged ? 1 : 0;
                }
                if (converged && e >= edgeEta && e < beyondEta) {
                    edgeConverged++;
                }
                if (converged && e > 1 / phi) {
                    gdBeyondConverged++;
                }
                if (converged) {
                    largest = e;
                }
            }
            if (b <= MAP_REACH_BETA) {
                reachRows++;
                reachGap = Math.max(reachGap, Double.isNaN(largest) ? Double.POSITIVE_INFINITY
                        : Math.abs(beyondEta - largest) / dx);
            }
        }
        double[] by = Axis.linspace(MAP_BETA[0], MAP_BETA[1], 200);
        double[] edge = new double[by.length];
        double[] beyond = new double[by.length];
        for (int i = 0; i < by.length; i++) {
            edge[i] = l.edgeEta(kappa(false, by[i]));
            beyond[i] = l.beyondEta(kappa(false, by[i]));
        }
        double hx = 0.5 * dx;
        double hy = 0.5 * (beta.value(1) - beta.value(0));
        Chart.Builder chart = Chart.builder()
                .xAxis(Labels.ETA_AXIS, false, MAP_ETA[0] - hx, MAP_ETA[1] + hx)
                .yAxis("momentum $β$", false, MAP_BETA[0] - hy, MAP_BETA[1] + hy)
                .raster(MAP_ETA[0] - hx, MAP_ETA[1] + hx, MAP_BETA[0] - hy, MAP_BETA[1] + hy, img);
        for (CellClass k : CellClass.values()) {
            chart.swatch(k.label(), new Color(pal.level(k.ordinal(), 0.45)));
        }
        chart.line("$η = 2(1 + β)/λ_{GF}$ (the GF solution's edge)", clip(edge), by, 3);
        chart.line("$η = (1 + β)/|Φ|$ (every minimum's edge)", clip(beyond), by, 5);
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("momentum.F12.shows", "What heavy ball does on a {n} × {n} grid of "
                + "steps $η$ ∈ [{e0}, {e1}] and momenta $β$ ∈ [{b0}, {b1}] " + ReportRuns.FROM + " (at most {steps} "
                + "steps per cell; colour: outcome, lightness: steps or period, as in `eoslab phase`), with the lines "
                + "where the GF solution ($η = 2(1 + β)/λ_{GF}$) and every minimum ($η = (1 + β)/|Φ|$) lose linear "
                + "stability."), start).count("n", n).value("e0", MAP_ETA[0], 3).value("e1", MAP_ETA[1], 3)
                .value("b0", MAP_BETA[0], 3).value("b1", MAP_BETA[1], 3).count("steps", MAP_STEPS));
        caption.add(Statement.of("momentum.F12.beyond", "None of the {cells} cells more than one cell to the right "
                + "of $η = (1 + β)/|Φ|$ converges.").count("cells", beyondCells).count("converged", beyondConverged)
                .asserts("cells > 0 and none converged", v -> v.get("cells") > 0 && v.get("converged") == 0));
        caption.add(Statement.of("momentum.F12.reach", "From this start the line is the boundary: in each of the "
                + "{rows} rows with $β ≤$ {bmax} the largest converging step is at most {gap} × the cell width "
                + "from $(1 + β)/|Φ|$.").count("rows", reachRows).value("bmax", MAP_REACH_BETA, 2).value("gap", reachGap, 2)
                .asserts("rows > 0 and within 2 cells", v -> v.get("rows") > 0 && v.get("gap") <= 2));
        caption.add(Statement.of("momentum.F12.edge", "Heavy ball, like GD, converges beyond the edge of stability "
                + "of the GF solution ({n} cells converge between the two lines), and it converges where GD cannot: "
                + "{gd} cells converge at steps above GD's $1/|Φ|$.").count("n", edgeConverged).count("gd", gdBeyondConverged)
                .asserts("n > 0 and gd > 0", v -> v.get("n") > 0 && v.get("gd") > 0));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("figure", "F12");
        run.putAll(start.describe());
        run.put("grid", spec.describe());
        run.put("method", "heavy-ball");
        run.put("engine", "momentum phase kernel");
        run.put("steps", MAP_STEPS);
        run.put("command", "./eoslab phase --method heavy-ball --eta " + MAP_ETA[0] + ":" + MAP_ETA[1] + ":" + n
                + " --beta " + MAP_BETA[0] + ":" + MAP_BETA[1] + ":" + n + " --m0 " + c.m0() + " --lambda0 "
                + c.lambda0() + " --steps " + MAP_STEPS);
        return new Figure("F12_momentum_phase", "Heavy ball over $(η, β)$", caption, Panels.of(chart.build()), data,
                List.of(run));
    }

    /** The line's x values inside F12's step range (NaN outside, a break). */
    private static double[] clip(double[] xs) {
        double[] out = xs.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < MAP_ETA[0] || out[i] > MAP_ETA[1]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ F13

    static Figure warmup(ReportSettings s, int n) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
        double phi = Math.abs(start.phi());
        double[] etas = Axis.linspace(ETA_MIN / phi, WARMUP_ETA_MAX / phi, n);
        ScheduleSpec warm = new ScheduleSpec.Warmup(WARMUP_STEPS, 0.0);
        DataTable data = new DataTable("method", "schedule", "eta", "outcome", "steps", "lambda_inf", "stuck");
        List<Map<String, Object>> runs = new ArrayList<>();
        Chart.Builder chart = Chart.builder().xAxis(Labels.ETA_AXIS, false)
                .yAxis("sharpness $λ_∞$", false, 1.8 * phi, 1.08 * l.gfSharpness());
        SweepSection.regimeBands(chart, l, etas[0], etas[n - 1]);
        double hbEdge = l.edgeEta(kappa(false, WARMUP_BETA));
        chart.vline(hbEdge, "$2(1 + β)/λ_{GF}$");
        double[] stays = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        long[] staysOf = new long[2];
        long[] both = new long[2];
        long[] flatter = new long[2];
        long stuck = 0;
        int style = 0;
        for (String method : List.of("gd", "heavy-ball")) {
            int mi = method.equals("gd") ? 0 : 1;
            double beta = mi == 0 ? 0 : WARMUP_BETA;
            RunSettings constant = settings(method, beta, ScheduleSpec.CONSTANT);
            RunSettings warmed = settings(method, beta, warm);
            List<EtaSweep.Point> c = EtaSweep.run(start, etas, constant, s.threads());
            List<EtaSweep.Point> w = EtaSweep.run(start, etas, warmed, s.threads());
            runs.add(sweepRun("F13", start, constant, etas));
            runs.add(sweepRun("F13", start, warmed, etas));
            String name = mi == 0 ? "GD" : "heavy ball $β$ = " + Labels.num(beta);
            List<double[]> cc = new ArrayList<>();
            List<double[]> wc = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RunResult<ShallowState> rc = c.get(i).result();
                RunResult<ShallowState> rw = w.get(i).result();
                double lc = rc.converged() ? rc.last().gfSharpness() : Double.NaN;
                double lw = rw.converged() ? rw.last().gfSharpness() : Double.NaN;
                boolean isStuck = rw.outcome() == Outcome.MAX_STEPS && rw.last().residual() == 0;
                data.add(method, "constant", etas[i], rc.outcome().label(), rc.endStep(), lc, false);
                data.add(method, warm.label(), etas[i], rw.outcome().label(), rw.endStep(), lw, isStuck);
                stuck += isStuck ? 1 : 0;
                double holds = l.edgeEta(kappa(false, beta));
                if (rw.converged() && etas[i] < holds) {
                    staysOf[mi]++;
                    stays[mi] = Math.min(stays[mi], lw / l.gfSharpness());
                }
                if (rc.converged()) {
                    cc.add(new double[] {etas[i], lc});
                }
                if (rw.converged()) {
                    wc.add(new double[] {etas[i], lw});
                }
                if (rc.converged() && rw.converged()) {
                    both[mi]++;
                    flatter[mi] += lw <= lc * (1 + 1e-9) ? 1 : 0;
                }
            }
            chart.markers(name + ", constant step", ReportRuns.col(cc, 0), ReportRuns.col(cc, 1), style++);
            chart.markers(name + ", warm-up", ReportRuns.col(wc, 0), ReportRuns.col(wc, 1), style++);
        }
        chart.hline(l.gfSharpness(), "$λ_{GF}$ = " + Labels.num(l.gfSharpness()));
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("momentum.F13.shows", "Sharpness $λ_∞$ of the limit with a constant "
                + "step and with a linear warm-up from 0 over {k} steps to the same target $η$, for GD and heavy ball "
                + "with $β$ = {beta}, at {n} targets evenly spaced on [{eta_min}, {eta_max}] " + ReportRuns.FROM
                + ". A warm-up run counts as converged only after its warm-up, on a minimum the target step holds. "
                + "Shaded: GD's regimes; the vertical line: heavy ball's edge for the GF solution."),
                start).count("k", WARMUP_STEPS).value("beta", WARMUP_BETA, 2).count("n", n)
                .value("eta_min", etas[0], 4).value("eta_max", etas[n - 1], 4));
        caption.add(Statement.of("momentum.F13.flatter", "The warm-up ends at least as flat as the constant step at "
                + "{fg} of the {ng} targets where both GD runs converge, and at {fh} of {nh} for heavy ball: here "
                + "warm-up does not make the limit flatter.").count("fg", flatter[0]).count("ng", both[0])
                .count("fh", flatter[1]).count("nh", both[1])
                .asserts("at most half of the cases", v -> v.get("ng") > 0 && v.get("nh") > 0
                        && v.get("fg") <= 0.5 * v.get("ng") && v.get("fh") <= 0.5 * v.get("nh")));
        caption.add(Statement.of("momentum.F13.helps", "The warm-up ends at least as flat as the constant step at "
                + "{fg} of the {ng} targets where both GD runs converge, and at {fh} of {nh} for heavy ball.")
                .count("fg", flatter[0]).count("ng", both[0]).count("fh", flatter[1]).count("nh", both[1])
                .asserts("more than half of the cases", v -> v.get("fg") > 0.5 * v.get("ng")
                        || v.get("fh") > 0.5 * v.get("nh")));
        caption.add(Statement.of("momentum.F13.stays", "A warm-up from 0 first follows GF: at every target below the "
                + "method's edge for the GF solution ($2κ/λ_{GF}$ = {eg} for GD, {eh} for heavy ball) the warm-up run "
                + "ends within {pct}% of $λ_{GF}$ ({ng} GD and {nh} heavy-ball runs).").value("eg", l.edgeEta(), 3)
                .value("eh", hbEdge, 3)
                .count("ng", staysOf[0]).count("nh", staysOf[1])
                .value("pct", 100 * (1 - Math.min(stays[0], stays[1])), 2)
                .asserts("runs of both methods and within 3% of λ_GF", v -> v.get("ng") > 0 && v.get("nh") > 0
                        && v.get("pct") <= 3));
        caption.add(Statement.of("momentum.F13.stuck", "{s} warm-up runs end their budget on a minimum the target "
                + "step does not hold, with $ε = 0$ exactly: a fixed point of double arithmetic, which exact "
                + "arithmetic would leave (`--precision decimal:40`).").count("s", stuck)
                .asserts("s > 0", v -> v.get("s") > 0));
        return new Figure("F13_warmup", "Warm-up against a constant step at the same target $η$", caption,
                Panels.of(chart.build()), data, runs);
    }
}
