package eoslab.report;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.Chart;
import eoslab.service.ResolvedStart;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/** The seven figures of the report, each computed from the exact engines (reduced GD, closed-form GF). */
public final class Figures {
    /** Largest number of points kept per trajectory series. */
    public static final int MAX_POINTS = 3000;
    /** Number of GF samples per figure. */
    public static final int FLOW_SAMPLES = 600;

    private Figures() {
    }

    /** The resolved problem and start of a figure. */
    private static ResolvedStart resolve(ProblemSpec start) {
        return Runs.resolve(start.model(), start.start());
    }

    /** GD from a start with the given step and the report's stop rule, observed by the given observers. */
    private static RunResult<ShallowState> gd(ProblemSpec start, EtaSpec eta, List<Recorder> observers) {
        return RunService.run(Runs.resolve(start.run(eta, RunSettings.gd(ReportSettings.RULE))), observers).result();
    }

    /** The step η on the model of a step as given. */
    private static double eta(ProblemSpec start, EtaSpec eta) {
        return Runs.resolve(start.run(eta, RunSettings.gd(ReportSettings.RULE))).eta();
    }

    /** All figures, in order F1 … F7. */
    public static List<Figure> all(ReportSettings s, Consumer<String> progress) {
        List<Figure> figures = new ArrayList<>();
        progress.accept("F1 loss against time");
        figures.add(lossVsTime());
        progress.accept("η sweep (" + s.sweepCount() + " step sizes) for F2, F3, F6");
        ProblemSpec start = ReportSettings.MAIN;
        double[] etas = Axis.linspace(ReportSettings.SWEEP_MIN / Math.abs(start.phi()),
                ReportSettings.SWEEP_MAX / Math.abs(start.phi()), s.sweepCount());
        List<EtaSweep.Point> sweep = EtaSweep.run(start, etas, ReportSettings.RULE, s.threads());
        figures.add(sharpnessVsEta(sweep));
        figures.add(stepsVsEta(sweep));
        progress.accept("F4 edge of stability, F5 imbalance");
        figures.add(edgeOfStability());
        figures.add(imbalance());
        figures.add(regularization(sweep));
        progress.accept("F7 catapult sweep (" + s.catapultCount() + " step sizes)");
        figures.add(catapult(s));
        return figures;
    }

    /** The three step sizes of F1 and F5, as given: stable and edge (relative to 2/λ_GF), and near 1/|Φ|. */
    static List<EtaSpec> trajectoryEtaSpecs() {
        double[] rel = ReportSettings.TRAJECTORY_ETA_RELS;
        return List.of(new EtaSpec.Relative(rel[0]), new EtaSpec.Relative(rel[1]),
                new EtaSpec.Absolute(ReportSettings.NEAR_BEYOND / Math.abs(ReportSettings.MAIN.phi())));
    }

    /** The three step sizes of F1 and F5 on the model. */
    public static double[] trajectoryEtas() {
        return trajectoryEtaSpecs().stream().mapToDouble(e -> eta(ReportSettings.MAIN, e)).toArray();
    }

    /** A recorded quantity at row i of a {@link Recorder}. */
    private interface Recorded {
        double at(Recorder rec, int i);
    }

    /**
     * Runs GD from start at the three trajectory step sizes and adds, for each, a line of the recorded quantity against
     * t = ηk to chart (thinned to MAX_POINTS) and its rows to data (series, eta, eta_rel, step, time, value); the runs'
     * provenance goes to runs.
     *
     * @return the latest end time t = η·(end step) of the three runs
     */
    private static double gdLines(String figure, ProblemSpec start, Recorded quantity, Chart.Builder chart,
                                  DataTable data, List<Map<String, Object>> runs) {
        Landmarks l = resolve(start).landmarks();
        double tEnd = 0;
        for (EtaSpec given : trajectoryEtaSpecs()) {
            double eta = eta(start, given);
            Recorder rec = new Recorder();
            RunResult<ShallowState> r = gd(start, given, List.of(rec));
            String name = "GD " + etaLabel(eta, l);
            int[] keep = rec.thinned(MAX_POINTS);
            double[] x = new double[keep.length];
            double[] y = new double[keep.length];
            for (int j = 0; j < keep.length; j++) {
                int i = keep[j];
                x[j] = eta * rec.step(i);
                y[j] = quantity.at(rec, i);
                data.add(name, eta, l.relativeEta(eta), rec.step(i), x[j], y[j]);
            }
            chart.line(name, x, y);
            tEnd = Math.max(tEnd, eta * r.endStep());
            runs.add(run(figure, start, eta, r));
        }
        return tEnd;
    }

    /** Adds the exact flow's quantity on log-spaced times up to tEnd as a line and as data rows (series "GF"). */
    private static void gfLine(String name, ClosedFormFlow flow, double tEnd,
                               ToDoubleFunction<ShallowState> quantity, Chart.Builder chart,
                               DataTable data) {
        double[] t = logTimes(trajectoryEtas()[0], tEnd);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = quantity.applyAsDouble(flow.at(t[i]));
            data.add("GF", Double.NaN, Double.NaN, Double.NaN, t[i], y[i]);
        }
        chart.line(name, t, y);
    }

    /** F1: loss against time t = ηk for GD at three step sizes and for GF. */
    static Figure lossVsTime() {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = resolve(start).landmarks();
        DataTable data = new DataTable("series", "eta", "eta_rel", "step", "time", "loss");
        Chart.Builder chart = Chart.builder()
                .xAxis("time t = η·k", true).yAxis("loss L = ε²/2", true);
        List<Map<String, Object>> runs = new ArrayList<>();
        double tEnd = gdLines("F1", start, Recorder::loss, chart, data, runs);
        ClosedFormFlow flow = ClosedFormFlow.from(start.phi(), resolve(start).point());
        double tFlow = Math.min(tEnd, 1.2 * flow.timeToTol(ReportSettings.RULE.tol()).orElse(tEnd));
        gfLine("GF (exact)", flow, tFlow, ShallowState::loss, chart, data);
        runs.add(flowRun("F1", start, tFlow));
        String caption = "Loss L = ε²/2 against time t = ηk (log–log) for GD at η = " + etaList(trajectoryEtas(), l)
                + " (stable, edge, near 1/|Φ|) and for exact GF (sampled until 1.2× its time to |ε| ≤ tol), from " + describe(start) + "; "
                + landmarkText(l) + ". GD stops when |ε| ≤ " + ReportSettings.RULE.tol() + ". In the stable regime "
                + "GD tracks GF; at the edge and near 1/|Φ| the loss oscillates and converges late.";
        return new Figure("F1_loss_vs_time", "Loss against time: GD at three step sizes and GF", caption,
                chart.build(), data, runs);
    }

    /** F2: the sharpness of GD's solution against η, with λ_GF, 2/η, 2|Φ| and the regimes. */
    static Figure sharpnessVsEta(List<EtaSweep.Point> sweep) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = resolve(start).landmarks();
        double phi = start.phi();
        DataTable data = new DataTable("eta", "eta_rel", "regime", "outcome", "steps", "lambda_inf",
                "last_sharpness", "two_over_eta");
        List<double[]> conv = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        List<double[]> edgeCurve = new ArrayList<>();
        for (EtaSweep.Point p : sweep) {
            RunResult<ShallowState> r = p.result();
            boolean converged = r.outcome() == Outcome.CONVERGED;
            double lambdaInf = converged ? r.last().gfSharpness() : Double.NaN;
            double last = r.outcome() == Outcome.DIVERGED ? Double.NaN : r.last().sharpness();
            data.add(p.eta(), l.relativeEta(p.eta()), l.regime(p.eta()).label(), r.outcome().label(),
                    r.endStep(), lambdaInf, last, 2.0 / p.eta());
            if (converged) {
                conv.add(new double[] {p.eta(), lambdaInf});
            } else if (!Double.isNaN(last)) {
                other.add(new double[] {p.eta(), last});
            }
            if (2.0 / p.eta() <= 1.25 * l.gfSharpness()) {
                edgeCurve.add(new double[] {p.eta(), 2.0 / p.eta()});
            }
        }
        double etaMax = sweep.get(sweep.size() - 1).eta();
        Chart.Builder chart = Chart.builder()
                .xAxis(etaAxis(l), false).yAxis("sharpness λ∞ = ‖a∞‖² + ‖b∞‖²", false);
        regimeBands(chart, l, sweep.get(0).eta(), etaMax);
        chart.markers("GD converged: λ∞", col(conv, 0), col(conv, 1));
        if (!other.isEmpty()) {
            chart.dots("GD not converged: sharpness of last iterate", col(other, 0), col(other, 1));
        }
        chart.line("2/η", col(edgeCurve, 0), col(edgeCurve, 1));
        chart.hline(l.gfSharpness(), "λ_GF = " + fmt(l.gfSharpness()));
        chart.hline(2 * Math.abs(phi), "2|Φ| = " + fmt(2 * Math.abs(phi)));
        String caption = "Sharpness (= norm) λ∞ of the minimum GD converges to, against η, for " + sweep.size()
                + " step sizes evenly spaced on [" + fmt(sweep.get(0).eta()) + ", " + fmt(etaMax) + "] from "
                + describe(start) + "; " + landmarkText(l) + ". Reference lines: λ_GF (GF's minimum), the floor "
                + "2|Φ| and the stability limit 2/η. Shaded: stable (η < 2/λ_GF), edge (2/λ_GF ≤ η < 1/|Φ|), "
                + "beyond (η ≥ 1/|Φ|, no convergence). Where the markers rise with η, claim 5 fails.";
        return new Figure("F2_sharpness_vs_eta", "Sharpness of GD's solution against η", caption, chart.build(),
                data, List.of(sweepRun("F2, F3, F6", start, sweep)));
    }

    /** F3: steps to converge and regularization gain against η. */
    static Figure stepsVsEta(List<EtaSweep.Point> sweep) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = resolve(start).landmarks();
        DataTable data = new DataTable("eta", "eta_rel", "outcome", "steps", "gain");
        List<double[]> pts = new ArrayList<>();
        for (EtaSweep.Point p : sweep) {
            RunResult<ShallowState> r = p.result();
            boolean converged = r.outcome() == Outcome.CONVERGED;
            double gain = converged ? 1.0 - r.last().gfSharpness() / l.gfSharpness() : Double.NaN;
            data.add(p.eta(), l.relativeEta(p.eta()), r.outcome().label(), r.endStep(), gain);
            if (converged) {
                pts.add(new double[] {p.eta(), r.endStep(), gain});
            }
        }
        double etaMax = sweep.get(sweep.size() - 1).eta();
        Chart.Builder chart = Chart.builder()
                .xAxis(etaAxis(l), false).yAxis("steps to |ε| ≤ " + ReportSettings.RULE.tol(), true)
                .y2Axis("regularization gain 1 − λ∞/λ_GF", true);
        regimeBands(chart, l, sweep.get(0).eta(), etaMax);
        chart.markers("steps to converge", col(pts, 0), col(pts, 1));
        chart.markersY2("gain 1 − λ∞/λ_GF (right axis)", col(pts, 0), col(pts, 2));
        String caption = "Steps GD needs to reach |ε| ≤ " + ReportSettings.RULE.tol() + " (left, log) and the "
                + "regularization gain 1 − λ∞/λ_GF (right, log) against η, same sweep and start as F2 ("
                + describe(start) + "; " + landmarkText(l) + "). Past 2/λ_GF both rise: converging at the edge "
                + "of stability takes longer and lands on a flatter minimum (the trade-off, claim 4).";
        return new Figure("F3_steps_vs_eta", "Steps to converge and regularization gain against η", caption,
                chart.build(), data, List.of(sweepRun("F2, F3, F6", start, sweep)));
    }

    /** F4: sharpness along a GD run at the edge of stability, with 2/η and the GF-solution sharpness. */
    static Figure edgeOfStability() {
        ProblemSpec start = ReportSettings.EDGE;
        Landmarks l = resolve(start).landmarks();
        EtaSpec given = new EtaSpec.Relative(ReportSettings.EDGE_ETA_REL);
        double eta = eta(start, given);
        Recorder rec = new Recorder();
        RunResult<ShallowState> r = gd(start, given, List.of(rec));
        int[] keep = rec.thinned(MAX_POINTS);
        DataTable data = new DataTable("step", "time", "loss", "sharpness", "gf_sharpness", "two_over_eta");
        double[] k = new double[keep.length];
        double[] s = new double[keep.length];
        double[] g = new double[keep.length];
        for (int j = 0; j < keep.length; j++) {
            int i = keep[j];
            k[j] = rec.step(i);
            s[j] = rec.sharpness(i);
            g[j] = rec.gfSharpness(i);
            data.add(rec.step(i), eta * rec.step(i), rec.loss(i), s[j], g[j], 2.0 / eta);
        }
        Chart chart = Chart.builder()
                .xAxis("GD step k", false).yAxis("sharpness", false)
                .line("sharpness S_t (largest Hessian eigenvalue)", k, s)
                .line("GF-solution sharpness √(4Φ² + Q_t²)", k, g)
                .hline(2.0 / eta, "2/η = " + fmt(2.0 / eta))
                .build();
        String caption = "Sharpness S_t of the iterate (closed form, docs/model.md §4) and the sharpness √(4Φ² + Q_t²) of "
                + "the GF solution started from it, along GD with η = " + etaLabel(eta, l) + " from "
                + describe(start) + "; " + landmarkText(l) + ". " + r.outcome().label() + " after " + r.endStep()
                + " steps. The start is close to a GF minimum whose sharpness λ_GF exceeds 2/η, so GD cannot settle "
                + "there: the loss oscillates with growing amplitude and the sharpness hovers around 2/η, while each "
                + "oscillation shrinks Q; the GF-solution sharpness falls monotonically (η|ε_t| ≤ √2 throughout) "
                + "until it is below 2/η, and GD converges to that flatter minimum.";
        return new Figure("F4_edge_of_stability", "Sharpness along GD at the edge of stability", caption, chart,
                data, List.of(run("F4", start, eta, r)));
    }

    /** F5: the imbalance along GD at three step sizes, and along GF (constant). */
    static Figure imbalance() {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = resolve(start).landmarks();
        DataTable data = new DataTable("series", "eta", "eta_rel", "step", "time", "imbalance");
        Chart.Builder chart = Chart.builder()
                .xAxis("time t = η·k", true).yAxis("imbalance Q_t", false);
        List<Map<String, Object>> runs = new ArrayList<>();
        double tEnd = gdLines("F5", start, Recorder::imbalance, chart, data, runs);
        ClosedFormFlow flow = ClosedFormFlow.from(start.phi(), resolve(start).point());
        gfLine("GF (exact): Q conserved", flow, tEnd, ShallowState::imbalance, chart, data);
        runs.add(flowRun("F5", start, tEnd));
        String caption = "Imbalance Q_t = ‖a_t+b_t‖·‖a_t−b_t‖ against time t = ηk (log time) along GD at η = "
                + etaList(trajectoryEtas(), l) + " and along exact GF, from " + describe(start) + " (Q₀ = "
                + fmt(resolve(start).point().imbalance()) + "). GF conserves Q; GD multiplies it by |1 − η²ε_t²| at every "
                + "step, so it ends lower, the more so the more loss it accumulates on the way.";
        return new Figure("F5_imbalance", "Imbalance along GD and GF", caption, chart.build(), data, runs);
    }

    /** F6: ln(Q₀/Q∞) against 2η²Σ_t L_t over the sweep, with the identity line. */
    static Figure regularization(List<EtaSweep.Point> sweep) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = resolve(start).landmarks();
        double q0 = resolve(start).point().imbalance();
        DataTable data = new DataTable("eta", "eta_rel", "regime", "accumulated", "regularization",
                "max_eta_residual");
        List<double[]> stable = new ArrayList<>();
        List<double[]> edge = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (EtaSweep.Point p : sweep) {
            if (p.result().outcome() != Outcome.CONVERGED) {
                continue;
            }
            double acc = 2 * p.eta() * p.eta() * p.trace().accumulatedLoss();
            double reg = Math.log(q0 / p.result().last().imbalance());
            data.add(p.eta(), l.relativeEta(p.eta()), l.regime(p.eta()).label(), acc, reg,
                    p.trace().maxEtaResidual());
            (p.eta() < l.edgeEta() ? stable : edge).add(new double[] {acc, reg});
            if (acc > 0) {
                lo = Math.min(lo, acc);
                hi = Math.max(hi, Math.max(acc, reg));
            }
        }
        Chart.Builder chart = Chart.builder()
                .xAxis("2η²·Σ_t L_t", true).yAxis("ln(Q₀/Q∞)", true);
        chart.markers("stable: η < 2/λ_GF", col(stable, 0), col(stable, 1));
        if (!edge.isEmpty()) {
            chart.markers("edge: 2/λ_GF ≤ η < 1/|Φ|", col(edge, 0), col(edge, 1));
        }
        chart.line("identity y = x", new double[] {lo, hi}, new double[] {lo, hi});
        String caption = "The regularization ln(Q₀/Q∞) = −Σ_t ln|1 − η²ε_t²| against 2η²Σ_t L_t = η²Σ_t ε_t² "
                + "(log–log) for every converged run of the F2 sweep (" + describe(start) + "). The two agree to "
                + "first order (docs/model.md §7) and ln(Q₀/Q∞) ≥ 2η²ΣL_t whenever η|ε_t| < 1: regularization is "
                + "accumulated loss.";
        return new Figure("F6_regularization", "Regularization against accumulated loss", caption, chart.build(),
                data, List.of(sweepRun("F2, F3, F6", start, sweep)));
    }

    /** F7: the catapult at Φ = 0: peak loss and final ηλ against ηλ₀. */
    static Figure catapult(ReportSettings s) {
        ProblemSpec start = ReportSettings.CATAPULT;
        double lambda0 = resolve(start).point().norm();
        double[] etas = Axis.linspace(ReportSettings.CATAPULT_MIN / lambda0,
                ReportSettings.CATAPULT_MAX / lambda0, s.catapultCount());
        List<EtaSweep.Point> sweep = EtaSweep.run(start, etas, ReportSettings.RULE, s.threads());
        DataTable data = new DataTable("eta", "eta_lambda0", "outcome", "steps", "max_loss", "final_eta_lambda");
        List<double[]> peak = new ArrayList<>();
        List<double[]> fin = new ArrayList<>();
        for (EtaSweep.Point p : sweep) {
            RunResult<ShallowState> r = p.result();
            double x = p.eta() * lambda0;
            boolean converged = r.outcome() == Outcome.CONVERGED;
            boolean diverged = r.outcome() == Outcome.DIVERGED;
            double finalEl = converged ? p.eta() * r.last().norm() : Double.NaN;
            double maxLoss = diverged ? Double.NaN : r.maxLoss();
            data.add(p.eta(), x, r.outcome().label(), r.endStep(), maxLoss, finalEl);
            if (!diverged) {
                peak.add(new double[] {x, maxLoss});
            }
            if (converged) {
                fin.add(new double[] {x, finalEl});
            }
        }
        Chart chart = Chart.builder()
                .xAxis("η·λ₀", false).yAxis("peak loss max_t L_t", true).y2Axis("final η·λ∞", true)
                .markers("peak loss (diverged runs omitted)", col(peak, 0), col(peak, 1))
                .markersY2("final η·λ∞ (right axis)", col(fin, 0), col(fin, 1))
                .vline(2.0, "ηλ₀ = 2").vline(4.0, "ηλ₀ = 4")
                .build();
        String caption = "The catapult (Lewkowycz et al. 2020) on the zero target Φ = 0, from " + describe(start)
                + ", for " + etas.length + " step sizes with ηλ₀ evenly spaced on [" + ReportSettings.CATAPULT_MIN
                + ", " + ReportSettings.CATAPULT_MAX + "]: the largest loss along the run and the final ηλ∞ of "
                + "converged runs. Since λ⁺ − λ = ηm²(ηλ − 4) and ε⁺ = ε(1 − ηλ + η²ε²): lazy for ηλ₀ < 2 (the loss "
                + "only falls; exactly, it first grows once ηλ₀ > 2 + η²m₀²), catapult for 2 < ηλ₀ < 4 (the loss "
                + "spikes while λ falls until ηλ < 2), divergence for ηλ₀ > 4.";
        return new Figure("F7_catapult", "The catapult at Φ = 0", caption, chart, data,
                List.of(sweepRun("F7", start, sweep)));
    }

    private static void regimeBands(Chart.Builder chart, Landmarks l, double etaMin, double etaMax) {
        chart.band(etaMin, Math.min(l.edgeEta(), etaMax), "stable");
        if (l.edgeEta() < etaMax) {
            chart.band(l.edgeEta(), Math.min(l.beyondEta(), etaMax), "edge");
        }
        if (l.beyondEta() < etaMax) {
            chart.band(l.beyondEta(), etaMax, "beyond");
        }
    }

    private static double[] logTimes(double t0, double t1) {
        double[] t = new double[FLOW_SAMPLES];
        double a = Math.log(t0);
        double b = Math.log(Math.max(t1, 2 * t0));
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(a + (b - a) * i / (t.length - 1));
        }
        return t;
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }

    static String etaLabel(double eta, Landmarks l) {
        return "η = " + fmt(eta) + " (" + fmt(l.relativeEta(eta)) + "·2/λ_GF)";
    }

    private static String etaList(double[] etas, Landmarks l) {
        List<String> parts = new ArrayList<>();
        for (double e : etas) {
            parts.add(fmt(e) + " (" + fmt(l.relativeEta(e)) + "·2/λ_GF)");
        }
        return String.join(", ", parts);
    }

    private static String etaAxis(Landmarks l) {
        return "step size η   (2/λ_GF = " + fmt(l.edgeEta()) + ", 1/|Φ| = " + fmt(l.beyondEta()) + ")";
    }

    static String describe(ProblemSpec p) {
        return String.join(" ", p.toArgs()).replace("--phi ", "Φ = ").replace(" --m0 ", ", aᵀb = ")
                .replace(" --lambda0 ", ", ‖a‖²+‖b‖² = ") + " (width 1; every width is equivalent, docs/model.md §3)";
    }

    private static String landmarkText(Landmarks l) {
        return "λ_GF = " + fmt(l.gfSharpness()) + ", 2/λ_GF = " + fmt(l.edgeEta()) + ", 1/|Φ| = " + fmt(l.beyondEta());
    }

    private static Map<String, Object> start(String figure, ProblemSpec start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", figure);
        m.putAll(start.describe());
        return m;
    }

    private static Map<String, Object> run(String figure, ProblemSpec start, double eta, RunResult<ShallowState> r) {
        Map<String, Object> m = start(figure, start);
        m.put("method", "gd");
        m.put("engine", "reduced");
        m.put("eta", eta);
        m.put("steps", ReportSettings.RULE.maxSteps());
        m.put("tol", ReportSettings.RULE.tol());
        m.put("outcome", r.outcome().label());
        m.put("end_step", r.endStep());
        m.put("command", start.run(new EtaSpec.Absolute(eta), RunSettings.gd(ReportSettings.RULE)).command());
        return m;
    }

    private static Map<String, Object> flowRun(String figure, ProblemSpec start, double tEnd) {
        Map<String, Object> m = start(figure, start);
        m.put("method", "gf");
        m.put("solver", "exact");
        m.put("t_max", tEnd);
        m.put("samples", FLOW_SAMPLES);
        m.put("sampling", "log-spaced");
        return m;
    }

    private static Map<String, Object> sweepRun(String figure, ProblemSpec start, List<EtaSweep.Point> sweep) {
        Map<String, Object> m = start(figure, start);
        m.put("method", "gd");
        m.put("engine", "reduced");
        m.put("eta_min", sweep.get(0).eta());
        m.put("eta_max", sweep.get(sweep.size() - 1).eta());
        m.put("eta_count", sweep.size());
        m.put("eta_spacing", "linear, ends included");
        StopRule rule = ReportSettings.RULE;
        m.put("steps", rule.maxSteps());
        m.put("tol", rule.tol());
        return m;
    }
}
