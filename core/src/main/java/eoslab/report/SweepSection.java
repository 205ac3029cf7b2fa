package eoslab.report;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.grid.Axis;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.plot.Chart;
import eoslab.plot.Panels;
import eoslab.spec.ProblemSpec;
import java.util.ArrayList;
import java.util.List;

/** F2 and F3: GD from one start at many step sizes: the sharpness of its solution, its steps and its gain. */
final class SweepSection implements Section {
    /** The plateau of the gain: runs within this fraction of the largest gain. */
    static final double PLATEAU = 0.01;

    /** The step sizes of the main sweep. */
    static double[] sweepEtas(ReportSettings s) {
        double phi = Math.abs(ReportSettings.MAIN.phi());
        return Axis.linspace(ReportSettings.SWEEP_MIN / phi, ReportSettings.SWEEP_MAX / phi, s.sweepCount());
    }

    @Override
    public Part build(ReportContext context) {
        List<EtaSweep.Point> sweep = context.mainSweep();
        return new Part("sweep", "GD's solution against the step size",
                List.of(new Block.FigureBlock(sharpness(sweep)), new Block.FigureBlock(steps(sweep))));
    }

    /** Shades the stable, edge and beyond regimes over [etaMin, etaMax]. */
    static void regimeBands(Chart.Builder chart, Landmarks l, double etaMin, double etaMax) {
        chart.band(etaMin, Math.min(l.edgeEta(), etaMax), "stable", 0);
        if (l.edgeEta() < etaMax) {
            chart.band(l.edgeEta(), Math.min(l.beyondEta(), etaMax), "edge", 1);
        }
        if (l.beyondEta() < etaMax) {
            chart.band(l.beyondEta(), etaMax, "beyond", 2);
        }
    }

    static Statement sweepShows(String id, String what, ProblemSpec start, List<EtaSweep.Point> sweep, Landmarks l) {
        return ReportRuns.from(Statement.of(id, what + " for {n} step sizes evenly spaced on [{eta_min}, {eta_max}] "
                + ReportRuns.FROM + "; $λ_{GF}$ = {lgf}, $2/λ_{GF}$ = {edge}, $1/|Φ|$ = {beyond}. Shaded: stable "
                + "($η < 2/λ_{GF}$), edge ($2/λ_{GF} ≤ η < 1/|Φ|$), beyond ($η ≥ 1/|Φ|$)."), start)
                .count("n", sweep.size()).value("eta_min", sweep.get(0).eta(), 4)
                .value("eta_max", sweep.get(sweep.size() - 1).eta(), 4).value("lgf", l.gfSharpness(), 4)
                .value("edge", l.edgeEta(), 4).value("beyond", l.beyondEta(), 4);
    }

    /** F2: the sharpness of GD's solution against η, with λ_GF, 2/η, 2|Φ| and the regimes. */
    static Figure sharpness(List<EtaSweep.Point> sweep) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
        double phi = start.phi();
        DataTable data = new DataTable("eta", "eta_rel", "regime", "outcome", "steps", "lambda_inf",
                "last_sharpness", "two_over_eta");
        List<double[]> conv = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        List<double[]> edgeCurve = new ArrayList<>();
        int beyondRuns = 0;
        int beyondConverged = 0;
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
            if (p.eta() >= l.beyondEta()) {
                beyondRuns++;
                beyondConverged += converged ? 1 : 0;
            }
            if (2.0 / p.eta() <= 1.25 * l.gfSharpness()) {
                edgeCurve.add(new double[] {p.eta(), 2.0 / p.eta()});
            }
        }
        double etaMax = sweep.get(sweep.size() - 1).eta();
        Chart.Builder chart = Chart.builder().xAxis(Labels.ETA_AXIS, false)
                .yAxis("sharpness $λ_∞ = ‖a_∞‖^2 + ‖b_∞‖^2$", false);
        regimeBands(chart, l, sweep.get(0).eta(), etaMax);
        chart.markers("GD converged: $λ_∞$", ReportRuns.col(conv, 0), ReportRuns.col(conv, 1), 0);
        if (!other.isEmpty()) {
            chart.dots("not converged: sharpness of the last iterate", ReportRuns.col(other, 0),
                    ReportRuns.col(other, 1), 1);
        }
        chart.line("$2/η$", ReportRuns.col(edgeCurve, 0), ReportRuns.col(edgeCurve, 1), 2);
        chart.hline(l.gfSharpness(), "$λ_{GF}$ = " + Labels.num(l.gfSharpness()));
        chart.hline(2 * Math.abs(phi), "$2|Φ|$ = " + Labels.num(2 * Math.abs(phi)));

        List<Statement> caption = new ArrayList<>();
        caption.add(sweepShows("sweep.F2.shows", "Sharpness (= norm) $λ_∞$ of the minimum GD converges to, against "
                + "$η$,", start, sweep, l));
        double maxRatio = 0;
        double minLambda = Double.POSITIVE_INFINITY;
        double maxEdge = 0;
        int rises = 0;
        double maxRise = 0;
        double riseEta = Double.NaN;
        for (int i = 0; i < conv.size(); i++) {
            double eta = conv.get(i)[0];
            double lam = conv.get(i)[1];
            maxRatio = Math.max(maxRatio, lam / l.gfSharpness());
            minLambda = Math.min(minLambda, lam);
            maxEdge = Math.max(maxEdge, eta * lam / 2);
            if (i > 0) {
                double before = conv.get(i - 1)[1];
                double rise = (lam - before) / before;
                if (rise > 0) {
                    rises++;
                    if (rise > maxRise) {
                        maxRise = rise;
                        riseEta = eta;
                    }
                }
            }
        }
        int n = conv.size();
        caption.add(Statement.of("sweep.F2.flatter", "Every one of the {n} converged runs ends on a flatter minimum "
                + "than GF: the largest $λ_∞/λ_{GF}$ is {max_ratio}.").count("n", n).value("max_ratio", maxRatio, 4)
                .asserts("n > 0 and max λ∞/λ_GF < 1", v -> v.get("n") > 0 && v.get("max_ratio") < 1));
        caption.add(Statement.of("sweep.F2.floor", "None ends below the floor $2|Φ|$ = {floor}: the smallest "
                + "$λ_∞$ is {min}.").value("floor", 2 * Math.abs(phi), 4).value("min", minLambda, 6)
                .asserts("min λ∞ ≥ 2|Φ| (to 1e-12)", v -> v.get("min") >= v.get("floor") * (1 - 1e-12)));
        caption.add(Statement.of("sweep.F2.stable", "Each is stable for its step: the largest $ηλ_∞/2$ is {max}.")
                .value("max", maxEdge, 4).asserts("max ηλ∞/2 ≤ 1", v -> v.get("max") <= 1));
        caption.add(Statement.of("sweep.F2.rises", "$λ_∞$ rises with $η$ between {rises} of the {pairs} neighbouring "
                + "pairs of converged runs, by up to {pct}% (at $η$ = {eta}): claim 5 fails on this start.")
                .count("rises", rises).count("pairs", Math.max(0, n - 1))
                .value("pct", 100 * maxRise, 2).value("eta", Double.isNaN(riseEta) ? 0 : riseEta, 4)
                .asserts("rises > 0", v -> v.get("rises") > 0));
        caption.add(Statement.of("sweep.F2.falls", "$λ_∞$ falls as $η$ grows at every one of the {pairs} neighbouring "
                + "pairs of converged runs: claim 5 holds on this start.").count("pairs", Math.max(0, n - 1))
                .count("rises", rises).asserts("rises = 0", v -> v.get("rises") == 0));
        caption.add(Statement.of("sweep.F2.beyond", "None of the {n} runs with $η ≥ 1/|Φ|$ converges.")
                .count("n", beyondRuns).count("converged", beyondConverged)
                .asserts("n > 0 and converged = 0", v -> v.get("n") > 0 && v.get("converged") == 0));
        return new Figure("F2_sharpness_vs_eta", "Sharpness of GD's solution against $η$", caption,
                Panels.of(chart.build()), data, List.of(ReportRuns.sweep("F2, F3, F6", start, sweep,
                ReportSettings.RULE)));
    }

    /** F3: steps to converge and regularization gain against η. */
    static Figure steps(List<EtaSweep.Point> sweep) {
        ProblemSpec start = ReportSettings.MAIN;
        Landmarks l = ReportRuns.landmarks(start);
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
        String tol = Labels.num(ReportSettings.RULE.tol());
        Chart.Builder chart = Chart.builder().xAxis(Labels.ETA_AXIS, false)
                .yAxis("steps to $|ε| ≤$ " + tol, true).y2Axis("regularization gain $1 − λ_∞/λ_{GF}$", true);
        regimeBands(chart, l, sweep.get(0).eta(), etaMax);
        chart.markers("steps to converge (left)", ReportRuns.col(pts, 0), ReportRuns.col(pts, 1), 0);
        chart.markersY2("gain $1 − λ_∞/λ_{GF}$ (right)", ReportRuns.col(pts, 0), ReportRuns.col(pts, 2));

        List<Statement> caption = new ArrayList<>();
        caption.add(sweepShows("sweep.F3.shows", "Steps GD needs to reach $|ε| ≤$ {tol} (left, log) and the "
                + "regularization gain $1 − λ_∞/λ_{GF}$ (right, log), against $η$,", start, sweep, l)
                .value("tol", ReportSettings.RULE.tol(), 3));
        int argmin = 0;
        int argmax = 0;
        for (int i = 0; i < pts.size(); i++) {
            if (pts.get(i)[1] < pts.get(argmin)[1]) {
                argmin = i;
            }
            if (pts.get(i)[2] > pts.get(argmax)[2]) {
                argmax = i;
            }
        }
        double[] first = pts.get(0);
        double[] fastest = pts.get(argmin);
        double[] lastConv = pts.get(pts.size() - 1);
        caption.add(Statement.of("sweep.F3.dip", "The steps show a dip: from {s_first} at $η$ = {eta_first} they "
                + "fall to {s_min} at $η$ = {eta_min} ({rel_min} × $2/λ_{GF}$, where $ηλ_∞$ = {el_min}), then "
                + "grow again to {s_last} at the last converged step $η$ = {eta_last}.")
                .count("s_first", (long) first[1]).value("eta_first", first[0], 4)
                .count("s_min", (long) fastest[1]).value("eta_min", fastest[0], 4)
                .value("rel_min", l.relativeEta(fastest[0]), 3)
                .value("el_min", fastest[0] * (1 - fastest[2]) * l.gfSharpness(), 3)
                .count("s_last", (long) lastConv[1]).value("eta_last", lastConv[0], 4)
                .asserts("s_min < s_first and s_min < s_last",
                        v -> v.get("s_min") < v.get("s_first") && v.get("s_min") < v.get("s_last")));
        // the gain in the stable regime and its plateau
        int decreases = 0;
        int stable = 0;
        for (int i = 0; i < pts.size(); i++) {
            if (pts.get(i)[0] < l.edgeEta()) {
                stable++;
                if (i > 0 && pts.get(i)[2] < pts.get(i - 1)[2]) {
                    decreases++;
                }
            }
        }
        double gmax = pts.get(argmax)[2];
        int lo = argmax;
        int hi = argmax;
        while (lo > 0 && pts.get(lo - 1)[2] >= (1 - PLATEAU) * gmax) {
            lo--;
        }
        while (hi < pts.size() - 1 && pts.get(hi + 1)[2] >= (1 - PLATEAU) * gmax) {
            hi++;
        }
        caption.add(Statement.of("sweep.F3.gain", "The gain grows with $η$ across the stable regime (no decrease over "
                + "its {n} runs) and then plateaus: it stays within {pct}% of its largest value {gmax} for $η$ from "
                + "{p0} to {p1}, close to its ceiling $1 − 2|Φ|/λ_{GF}$ = {ceiling} (the floor $λ_∞ = 2|Φ|$).")
                .count("n", stable).count("decreases", decreases).value("pct", 100 * PLATEAU, 2)
                .value("gmax", gmax, 4).value("p0", pts.get(lo)[0], 3).value("p1", pts.get(hi)[0], 3)
                .value("ceiling", 1 - 2 * Math.abs(start.phi()) / l.gfSharpness(), 4)
                .value("edge", l.edgeEta(), 6).value("beyond", l.beyondEta(), 6)
                .asserts("no decrease in the stable regime; the plateau covers a quarter of the edge regime; "
                        + "gmax ≤ ceiling", v -> v.get("decreases") == 0
                        && v.get("p1") - v.get("p0") >= 0.25 * (v.get("beyond") - v.get("edge"))
                        && v.get("gmax") <= v.get("ceiling") + 1e-12));
        int slower = 0;
        for (int i = 1; i <= argmin; i++) {
            slower += pts.get(i)[1] > pts.get(i - 1)[1] ? 1 : 0;
        }
        caption.add(Statement.of("sweep.F3.tradeoff", "So speed and regularization trade off only past the fastest "
                + "step: up to $η$ = {eta_min} a larger step is never slower ({slower} increases of the steps) and "
                + "never less flat.")
                .value("eta_min", fastest[0], 4).count("slower", slower).count("decreases", decreases)
                .value("edge", l.edgeEta(), 6)
                .asserts("no step increase up to the fastest step, which is stable, and no gain decrease",
                        v -> v.get("slower") == 0 && v.get("decreases") == 0 && v.get("eta_min") < v.get("edge")));
        return new Figure("F3_steps_vs_eta", "Steps to converge and regularization gain against $η$", caption,
                Panels.of(chart.build()), data, List.of(ReportRuns.sweep("F2, F3, F6", start, sweep,
                ReportSettings.RULE)));
    }
}
