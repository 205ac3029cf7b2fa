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

/** F5 and F6: the imbalance along GD and GF, and regularization against accumulated loss. */
final class ImbalanceSection implements Section {
    /** Relative changes of Q below this are rounding. */
    static final double ROUNDING = 1e-12;

    @Override
    public Part build(ReportContext context) {
        context.progress("F5 imbalance, F6 regularization");
        return new Part("imbalance", "Imbalance and accumulated loss",
                List.of(new Block.FigureBlock(imbalance()), new Block.FigureBlock(regularization(context.mainSweep()))));
    }

    /** F5: the imbalance along GD at three step sizes, and along GF (constant). */
    static Figure imbalance() {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
        double q0 = ReportRuns.resolve(start).point().imbalance();
        DataTable data = new DataTable("series", "eta", "eta_rel", "step", "time", "imbalance", "residual");
        Chart.Builder chart = Chart.builder().xAxis("time $t = ηk$", true).yAxis("imbalance $Q_t$", false);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("imbalance.F5.shows", "Imbalance $Q_t = ‖a_t+b_t‖·‖a_t−b_t‖$ against "
                + "time $t = ηk$ (log time) along GD at the stable, edge and near-$1/|Φ|$ steps of F1 and along exact "
                + "GF, " + ReportRuns.FROM + " ($Q_0$ = {q0})."), start).value("q0", q0, 4));
        double[] etas = LossSection.trajectoryEtas();
        double[] acc = new double[3];
        double[] qEnd = new double[3];
        int[] grows = new int[3];
        double[] factor = new double[3];
        double maxLaw = 0;
        double tEnd = 0;
        List<Statement> ends = new ArrayList<>();
        List<Statement> growth = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            double eta = etas[k];
            Recorder rec = new Recorder();
            RunResult<ShallowState> r = ReportRuns.gd(start, new EtaSpec.Absolute(eta), ReportSettings.RULE,
                    List.of(rec));
            int[] keep = rec.thinned(LossSection.MAX_POINTS);
            double[] x = new double[keep.length];
            double[] y = new double[keep.length];
            int rises = 0;
            int above = 0;
            for (int j = 0; j < keep.length; j++) {
                int i = keep[j];
                x[j] = eta * rec.step(i);
                y[j] = rec.imbalance(i);
                data.add(Labels.gdPlain(eta, l), eta, l.relativeEta(eta), rec.step(i), x[j], y[j], rec.residual(i));
                if (j + 1 < keep.length && keep[j + 1] == i + 1) {
                    double e = eta * rec.residual(i);
                    acc[k] += e * e;
                    double predicted = Math.abs(1 - e * e) * rec.imbalance(i);
                    maxLaw = Math.max(maxLaw, Math.abs(rec.imbalance(i + 1) - predicted) / predicted);
                    rises += rec.imbalance(i + 1) - rec.imbalance(i) > ROUNDING * rec.imbalance(i) ? 1 : 0;
                    if (Math.abs(e) > Math.sqrt(2)) {
                        above++;
                        factor[k] = Math.max(factor[k], Math.abs(1 - e * e));
                    }
                }
            }
            qEnd[k] = y[y.length - 1];
            grows[k] = rises;
            chart.line(Labels.gd(eta, l), x, y, k);
            tEnd = Math.max(tEnd, eta * r.endStep());
            runs.add(ReportRuns.run("F5", start, eta, ReportSettings.RULE, r));
            ends.add(Statement.of("imbalance.F5.end." + (k + 1), "At the " + LossSection.REGIMES.get(k) + " step GD "
                    + "ends at $Q_∞$ = {q} ({pct}% of $Q_0$) after accumulating $η^2Σ_t ε_t^2$ = {acc}.")
                    .value("q", qEnd[k], 4).value("q0", q0, 6).value("acc", acc[k], 4)
                    .derive("pct", v -> 100 * v.get("q") / v.get("q0"), 3));
            if (rises > 0) {
                growth.add(Statement.of("imbalance.F5.growth." + (k + 1), "At the " + LossSection.REGIMES.get(k)
                        + " step $Q$ grows (beyond rounding, {rounding} relative) at {rises} steps, exactly as many as "
                        + "have $η|ε_t| > \\sqrt{2}$ ({above}).").count("rises", rises).count("above", above)
                        .value("rounding", ROUNDING, 2)
                        .asserts("rises = above > 0", v -> v.get("rises") > 0 && v.get("rises") == v.get("above")));
            }
        }
        ClosedFormFlow flow = ClosedFormFlow.from(start.phi(), ReportRuns.resolve(start).point());
        double[] t = LossSection.logTimes(etas[0], tEnd);
        double[] gq = new double[t.length];
        double dev = 0;
        for (int i = 0; i < t.length; i++) {
            gq[i] = flow.at(t[i]).imbalance();
            dev = Math.max(dev, Math.abs(gq[i] - q0) / q0);
            data.add("GF", Double.NaN, Double.NaN, Double.NaN, t[i], gq[i], flow.at(t[i]).residual());
        }
        chart.line("GF (exact): $Q$ conserved", t, gq, 3);
        runs.add(ReportRuns.flow("F5", start, tEnd, t.length));
        caption.add(Statement.of("imbalance.F5.gf", "GF conserves $Q$ (its samples equal $Q_0$ to {dev}, relative); "
                + "GD multiplies it by $|1 − η^2ε_t^2|$ at every step (to {law}, relative, over every recorded step).")
                .value("dev", dev, 2).value("law", maxLaw, 2)
                .asserts("dev ≤ 1e-12 and law ≤ 1e-12", v -> v.get("dev") <= 1e-12 && v.get("law") <= 1e-12));
        caption.addAll(ends);
        int most = 0;
        for (int k = 1; k < 3; k++) {
            if (acc[k] > acc[most]) {
                most = k;
            }
        }
        int lowest = 0;
        for (int k = 1; k < 3; k++) {
            if (qEnd[k] < qEnd[lowest]) {
                lowest = k;
            }
        }
        caption.add(Statement.of("imbalance.F5.order", "So $Q_∞$ is not simply lower the more loss GD accumulates: "
                + "the " + LossSection.REGIMES.get(most) + " run accumulates the most yet ends above the "
                + LossSection.REGIMES.get(lowest) + " run ({q_most} > {q_low}): at {grows} of its steps "
                + "$η|ε_t| > \\sqrt{2}$, and such a step multiplies $Q$ by $|1 − η^2ε_t^2| > 1$ (here up to {factor}).")
                .count("most", most).count("lowest", lowest).count("grows", grows[most])
                .value("factor", factor[most], 3)
                .value("q_most", qEnd[most], 4).value("q_low", qEnd[lowest], 4)
                .value("acc_most", acc[most], 6).value("acc_low", acc[lowest], 6)
                .asserts("the run with the most accumulated loss ends above the lowest one",
                        v -> v.get("most") != v.get("lowest") && v.get("q_most") > v.get("q_low")
                                && v.get("acc_most") > v.get("acc_low") && v.get("grows") > 0
                                && v.get("factor") > 1));
        caption.add(Statement.of("imbalance.F5.ordered", "$Q_∞$ is lower the more loss GD accumulates: the "
                + LossSection.REGIMES.get(most) + " run accumulates the most and ends lowest ({q_most}).")
                .count("most", most).count("lowest", lowest).value("q_most", qEnd[most], 4)
                .asserts("the run with the most accumulated loss ends lowest", v -> v.get("most") == v.get("lowest")));
        caption.addAll(growth);
        return new Figure("F5_imbalance", "Imbalance along GD and GF", caption, Panels.of(chart.build()), data, runs);
    }

    /** F6: ln(Q₀/Q∞) against 2η²Σ_t L_t over the sweep, with the identity line. */
    static Figure regularization(List<EtaSweep.Point> sweep) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
        double q0 = ReportRuns.resolve(start).point().imbalance();
        DataTable data = new DataTable("eta", "eta_rel", "regime", "accumulated", "regularization",
                "max_eta_residual");
        List<double[]> stable = new ArrayList<>();
        List<double[]> edge = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double rminSmall = Double.POSITIVE_INFINITY;
        int nSmall = 0;
        double firstRatio = Double.NaN;
        double firstEta = Double.NaN;
        double rminBig = Double.POSITIVE_INFINITY;
        double rmaxBig = 0;
        int nBig = 0;
        for (EtaSweep.Point p : sweep) {
            if (p.result().outcome() != Outcome.CONVERGED) {
                continue;
            }
            double acc = 2 * p.eta() * p.eta() * p.trace().accumulatedLoss();
            double reg = Math.log(q0 / p.result().last().imbalance());
            double mer = p.trace().maxEtaResidual();
            data.add(p.eta(), l.relativeEta(p.eta()), l.regime(p.eta()).label(), acc, reg, mer);
            (p.eta() < l.edgeEta() ? stable : edge).add(new double[] {acc, reg});
            if (acc > 0) {
                lo = Math.min(lo, acc);
                hi = Math.max(hi, Math.max(acc, reg));
                double ratio = reg / acc;
                if (Double.isNaN(firstRatio)) {
                    firstRatio = ratio;
                    firstEta = p.eta();
                }
                if (mer < 1) {
                    nSmall++;
                    rminSmall = Math.min(rminSmall, ratio);
                } else {
                    nBig++;
                    rminBig = Math.min(rminBig, ratio);
                    rmaxBig = Math.max(rmaxBig, ratio);
                }
            }
        }
        Chart.Builder chart = Chart.builder().xAxis("$2η^2·Σ_t L_t$", true).yAxis("$\\ln(Q_0/Q_∞)$", true);
        chart.markers("stable: $η < 2/λ_{GF}$", ReportRuns.col(stable, 0), ReportRuns.col(stable, 1), 0);
        if (!edge.isEmpty()) {
            chart.markers("edge: $2/λ_{GF} ≤ η < 1/|Φ|$", ReportRuns.col(edge, 0), ReportRuns.col(edge, 1), 1);
        }
        chart.line("identity $y = x$", new double[] {lo, hi}, new double[] {lo, hi}, 3);
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("imbalance.F6.shows", "The regularization $\\ln(Q_0/Q_∞) = "
                + "−Σ_t \\ln|1 − η^2ε_t^2|$ against $2η^2Σ_t L_t = η^2Σ_t ε_t^2$ (log–log) for the {n} converged runs "
                + "of the F2 sweep, " + ReportRuns.FROM + "."), start).count("n", stable.size() + edge.size()));
        caption.add(Statement.of("imbalance.F6.first_order", "They agree to first order (docs/model.md §7): at the "
                + "smallest step, $η$ = {eta}, their ratio is {ratio}.").value("eta", firstEta, 3)
                .value("ratio", firstRatio, 6)
                .asserts("|ratio − 1| < 0.01", v -> Math.abs(v.get("ratio") - 1) < 0.01));
        caption.add(Statement.of("imbalance.F6.bound", "In each of the {n} runs with $\\max_t η|ε_t| < 1$, "
                + "$\\ln(Q_0/Q_∞) ≥ 2η^2Σ_t L_t$ (smallest ratio {rmin}): regularization is at least the accumulated "
                + "loss.").count("n", nSmall).value("rmin", rminSmall, 6)
                .asserts("n > 0 and rmin ≥ 1 (to 1e-12)", v -> v.get("n") > 0 && v.get("rmin") >= 1 - 1e-12));
        if (nBig > 0) {
            caption.add(Statement.of("imbalance.F6.large", "In the {n} runs with larger steps $η|ε_t| ≥ 1$ the ratio "
                    + "ranges from {rmin} to {rmax}.").count("n", nBig).value("rmin", rminBig, 3)
                    .value("rmax", rmaxBig, 3));
        }
        return new Figure("F6_regularization", "Regularization against accumulated loss", caption,
                Panels.of(chart.build()), data, List.of(ReportRuns.sweep("F2, F3, F6", start, sweep,
                ReportSettings.RULE)));
    }
}
