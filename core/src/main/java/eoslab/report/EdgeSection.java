package eoslab.report;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.Chart;
import eoslab.plot.Panels;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import java.util.ArrayList;
import java.util.List;

/** F4: the sharpness along one GD run at the edge of stability, with 2/η and the GF-solution sharpness. */
final class EdgeSection implements Section {
    /** Relative changes of the GF-solution sharpness below this are rounding. */
    static final double ROUNDING = 1e-14;

    @Override
    public Part build(ReportContext context) {
        context.progress("F4 edge of stability");
        return new Part("edge", "The edge of stability", List.of(new Block.FigureBlock(figure())));
    }

    static Figure figure() {
        ProblemSpec start = ReportSettings.EDGE;
        Landmarks l = ReportRuns.landmarks(start);
        EtaSpec given = new EtaSpec.Relative(ReportSettings.EDGE_ETA_REL);
        double eta = ReportRuns.eta(start, given);
        Recorder rec = new Recorder();
        RunResult<ShallowState> r = ReportRuns.gd(start, given, ReportSettings.RULE, List.of(rec));
        int[] keep = rec.thinned(LossSection.MAX_POINTS);
        DataTable data = new DataTable("step", "time", "loss", "sharpness", "gf_sharpness", "two_over_eta");
        double[] k = new double[keep.length];
        double[] s = new double[keep.length];
        double[] g = new double[keep.length];
        int above = 0;
        int gfsRises = 0;
        double maxS = 0;
        double maxEtaEps = 0;
        for (int j = 0; j < keep.length; j++) {
            int i = keep[j];
            k[j] = rec.step(i);
            s[j] = rec.sharpness(i);
            g[j] = rec.gfSharpness(i);
            data.add(rec.step(i), eta * rec.step(i), rec.loss(i), s[j], g[j], 2.0 / eta);
            above += s[j] > 2.0 / eta ? 1 : 0;
            maxS = Math.max(maxS, s[j]);
            maxEtaEps = Math.max(maxEtaEps, eta * Math.sqrt(2 * rec.loss(i)));
            if (j > 0 && g[j] - g[j - 1] > ROUNDING * g[j - 1]) {
                gfsRises++;
            }
        }
        Chart chart = Chart.builder().xAxis("GD step $k$", false).yAxis("sharpness", false)
                .line("sharpness $S_k$ (largest Hessian eigenvalue)", k, s, 0)
                .line("GF-solution sharpness $\\sqrt{4Φ^2 + Q_k^2}$", k, g, 1)
                .hline(2.0 / eta, "$2/η$ = " + Labels.num(2.0 / eta))
                .build();
        List<Statement> caption = new ArrayList<>();
        caption.add(ReportRuns.from(Statement.of("edge.F4.shows", "Sharpness $S_k$ of the iterate (closed form, "
                + "docs/model.md §4) and the sharpness $\\sqrt{4Φ^2 + Q_k^2}$ of the GF solution started from it, "
                + "along GD with $η$ = {eta} ({rel} × $2/λ_{GF}$) " + ReportRuns.FROM + "."), start)
                .value("eta", eta, 4).value("rel", l.relativeEta(eta), 4));
        double gfs0 = g[0];
        double gfsEnd = g[g.length - 1];
        caption.add(Statement.of("edge.F4.unstable", "The start lies near a GF minimum too sharp for this step: "
                + "$λ_{GF}$ = {lgf} > $2/η$ = {two}.").value("lgf", gfs0, 4).value("two", 2.0 / eta, 4)
                .asserts("λ_GF > 2/η", v -> v.get("lgf") > v.get("two")));
        caption.add(Statement.of("edge.F4.hover", "The sharpness oscillates across $2/η$: it is above it at {above} of "
                + "the {points} recorded steps, up to {max}.").count("above", above).count("points", keep.length)
                .value("max", maxS, 4).value("two", 2.0 / eta, 6)
                .asserts("above > 0 and max > 2/η", v -> v.get("above") > 0 && v.get("max") > v.get("two")));
        caption.add(Statement.of("edge.F4.gfs", "Meanwhile the GF-solution sharpness never rises beyond rounding ({rises} rises of more "
                + "than {rounding}, relative; "
                + "$\\max_k η|ε_k|$ = {max_ee} ≤ $\\sqrt{2}$) and falls from {g0} to {g1}, below $2/η$.")
                .count("rises", gfsRises).value("rounding", ROUNDING, 2).value("max_ee", maxEtaEps, 3).value("g0", gfs0, 4).value("g1", gfsEnd, 4)
                .value("two", 2.0 / eta, 6)
                .asserts("rises = 0, max η|ε| ≤ √2, final < 2/η", v -> v.get("rises") == 0
                        && v.get("max_ee") <= Math.sqrt(2) && v.get("g1") < v.get("two")));
        if (r.outcome() == Outcome.CONVERGED) {
            caption.add(Statement.of("edge.F4.converged", "GD converges, after {steps} steps, to that flatter minimum: "
                    + "$λ_∞$ = {g1}, {pct}% below $λ_{GF}$.").count("steps", r.endStep()).value("g1", gfsEnd, 4)
                    .value("g0", gfs0, 6).derive("pct", v -> 100 * (1 - v.get("g1") / v.get("g0")), 2)
                    .asserts("λ∞ < λ_GF", v -> v.get("g1") < v.get("g0")));
        }
        return new Figure("F4_edge_of_stability", "Sharpness along GD at the edge of stability", caption,
                Panels.of(chart), data, List.of(ReportRuns.run("F4", start, eta, ReportSettings.RULE, r)));
    }
}
