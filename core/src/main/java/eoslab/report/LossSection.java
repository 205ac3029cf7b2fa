package eoslab.report;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.Chart;
import eoslab.plot.Panels;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** F1: the loss along GD at a stable, an edge and a near-1/|Φ| step, and along exact GF, on one clock t = ηk. */
final class LossSection implements Section {
    /** Largest number of points kept per trajectory series. */
    static final int MAX_POINTS = 3000;
    /** Number of GF samples per figure. */
    static final int FLOW_SAMPLES = 600;
    /** The names of the three step sizes, in order. */
    static final List<String> REGIMES = List.of("stable", "edge", "near 1/|Φ|");

    /** The three step sizes of F1 and F5, as given: stable and edge (relative to 2/λ_GF), and near 1/|Φ|. */
    static List<EtaSpec> trajectoryEtaSpecs() {
        double[] rel = ReportSettings.TRAJECTORY_ETA_RELS;
        return List.of(new EtaSpec.Relative(rel[0]), new EtaSpec.Relative(rel[1]),
                new EtaSpec.Absolute(ReportSettings.NEAR_BEYOND / Math.abs(ReportSettings.MAIN.phi())));
    }

    /** The three step sizes on the model. */
    static double[] trajectoryEtas() {
        return trajectoryEtaSpecs().stream().mapToDouble(e -> ReportRuns.eta(ReportSettings.MAIN, e)).toArray();
    }

    /** Log-spaced times from t0 to t1 (FLOW_SAMPLES of them). */
    static double[] logTimes(double t0, double t1) {
        double[] t = new double[FLOW_SAMPLES];
        double a = Math.log(t0);
        double b = Math.log(Math.max(t1, 2 * t0));
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(a + (b - a) * i / (t.length - 1));
        }
        return t;
    }

    @Override
    public Part build(ReportContext context) {
        context.progress("F1 loss against time");
        return new Part("loss", "Loss along GD and GF on one clock", List.of(new Block.FigureBlock(figure())));
    }

    static Figure figure() {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
        double tol = ReportSettings.RULE.tol();
        DataTable data = new DataTable("series", "eta", "eta_rel", "step", "time", "loss");
        Chart.Builder chart = Chart.builder().xAxis("time $t = ηk$", true).yAxis("loss $L = ε^2/2$", true);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Statement> caption = new ArrayList<>();
        double[] etas = trajectoryEtas();
        ClosedFormFlow flow = ClosedFormFlow.from(start.phi(), ReportRuns.resolve(start).point());
        double tGf = flow.timeToTol(tol).orElseThrow();
        Statement shows = ReportRuns.from(Statement.of("loss.F1.shows", "Loss $L = ε^2/2$ against time $t = ηk$ "
                + "(log–log) for GD at $η$ = {eta1}, {eta2} and {eta3} ({rel1}, {rel2} and {rel3} × $2/λ_{GF}$: stable, "
                + "edge, near $1/|Φ|$) and for exact GF, " + ReportRuns.FROM + "; $λ_{GF}$ = {lgf}, $2/λ_{GF}$ = "
                + "{edge}, $1/|Φ|$ = {beyond}. GD stops when $|ε| ≤$ {tol}; GF is sampled on {samples} log-spaced times "
                + "until 1.2 × its time to that tolerance, which is included."), start);
        for (int k = 0; k < 3; k++) {
            shows.value("eta" + (k + 1), etas[k], 4).value("rel" + (k + 1), l.relativeEta(etas[k]), 4);
        }
        shows.value("lgf", l.gfSharpness(), 4).value("edge", l.edgeEta(), 4).value("beyond", l.beyondEta(), 4)
                .value("tol", tol, 3).count("samples", FLOW_SAMPLES + 1);
        caption.add(shows);
        List<Statement> timing = new ArrayList<>();
        List<Statement> shape = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double eta = etas[k];
            Recorder rec = new Recorder();
            RunResult<ShallowState> r = ReportRuns.gd(start, new EtaSpec.Absolute(eta), ReportSettings.RULE,
                    List.of(rec));
            String name = Labels.gdPlain(eta, l);
            int[] keep = rec.thinned(MAX_POINTS);
            double[] x = new double[keep.length];
            double[] y = new double[keep.length];
            int rises = 0;
            for (int j = 0; j < keep.length; j++) {
                int i = keep[j];
                x[j] = eta * rec.step(i);
                y[j] = rec.loss(i);
                data.add(name, eta, l.relativeEta(eta), rec.step(i), x[j], y[j]);
                if (j > 0 && y[j] > y[j - 1]) {
                    rises++;
                }
            }
            chart.line(Labels.gd(eta, l), x, y, k);
            runs.add(ReportRuns.run("F1", start, eta, ReportSettings.RULE, r));
            if (r.outcome() == Outcome.CONVERGED) {
                double tGd = eta * r.endStep();
                String id = "loss.F1.time." + (k + 1);
                String head = (k == 0 ? "On the shared clock GD" : "GD") + " at the " + REGIMES.get(k)
                        + " step $η$ = {eta} reaches the tolerance at $t$ = {t_gd} ({steps} steps), ";
                timing.add(Statement.of(id + ".sooner", head + "{ratio} × sooner than GF ($t$ = {t_gf}).")
                        .value("eta", eta, 4).value("t_gd", tGd, 3).count("steps", r.endStep())
                        .value("t_gf", tGf, 3).derive("ratio", v -> v.get("t_gf") / v.get("t_gd"), 2)
                        .asserts("t_gd < t_gf", v -> v.get("t_gd") < v.get("t_gf")));
                timing.add(Statement.of(id + ".later", head + "{ratio} × later than GF ($t$ = {t_gf}).")
                        .value("eta", eta, 4).value("t_gd", tGd, 3).count("steps", r.endStep())
                        .value("t_gf", tGf, 3).derive("ratio", v -> v.get("t_gd") / v.get("t_gf"), 2)
                        .asserts("t_gd > t_gf", v -> v.get("t_gd") > v.get("t_gf")));
            }
            String sid = "loss.F1.shape." + (k + 1);
            shape.add(Statement.of(sid + ".monotone", "At the " + REGIMES.get(k) + " step the loss falls at every "
                    + "recorded step ({points} points).").count("points", keep.length).count("rises", rises)
                    .asserts("rises = 0", v -> v.get("rises") == 0));
            shape.add(Statement.of(sid + ".rises", "At the " + REGIMES.get(k) + " step the loss rises {rises} "
                    + "times over {points} recorded points: it oscillates before it converges.")
                    .count("points", keep.length).count("rises", rises)
                    .asserts("rises > 0", v -> v.get("rises") > 0));
        }
        double tFlow = 1.2 * tGf;
        double[] t = logTimes(etas[0], tFlow);
        double[] ts = new double[t.length + 1];
        double[] ys = new double[t.length + 1];
        int j = 0;
        boolean inserted = false;
        for (int i = 0; i < t.length; i++) {
            if (!inserted && t[i] > tGf) {
                ts[j] = tGf;
                ys[j++] = flow.at(tGf).loss();
                inserted = true;
            }
            ts[j] = t[i];
            ys[j++] = flow.at(t[i]).loss();
        }
        if (!inserted) {
            ts[j] = tGf;
            ys[j] = flow.at(tGf).loss();
        }
        for (int i = 0; i < ts.length; i++) {
            data.add("GF", Double.NaN, Double.NaN, Double.NaN, ts[i], ys[i]);
        }
        chart.line("GF (exact)", ts, ys, 3);
        runs.add(ReportRuns.flow("F1", start, tFlow, ts.length));
        caption.addAll(timing);
        caption.addAll(shape);
        return new Figure("F1_loss_vs_time", "Loss against time: GD at three step sizes and GF", caption,
                Panels.of(chart.build()), data, runs);
    }
}
