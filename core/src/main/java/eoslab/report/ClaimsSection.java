package eoslab.report;

import eoslab.dynamics.StopRule;
import eoslab.plot.MathText;
import eoslab.plot.Numbers;
import eoslab.theory.CheckGrid;
import eoslab.theory.ClaimChecker;
import eoslab.theory.LinearRateClaim;
import eoslab.theory.MonotoneStepClaim;
import eoslab.theory.TradeOffClaim;
import eoslab.theory.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The claims of docs/claims.md as `eoslab check` judges them, with the margin rule. */
final class ClaimsSection implements Section {
    /** Margins of smaller magnitude are at rounding level. */
    static final double ROUNDING = 1e-12;

    /** A worst margin as printed in the table: "at rounding level" below {@link #ROUNDING} in magnitude. */
    static String margin(Verdict v) {
        double m = v.worstMargin();
        if (Double.isNaN(m)) {
            return "–";
        }
        if (Math.abs(m) < ROUNDING) {
            return "at rounding level (" + (m == 0 ? "0" : "$" + Numbers.sig(m, 2) + "$") + ")";
        }
        return "$" + Numbers.sig(m, 3) + "$";
    }

    @Override
    public Part build(ReportContext context) {
        ReportSettings s = context.settings();
        CheckGrid grid = CheckGrid.builtIn(s.checkEtaCount(), new StopRule(CheckGrid.DEFAULT_STEPS, 1e-12));
        context.progress("claim check: " + grid.cases() + " runs");
        ClaimChecker.Report report = ClaimChecker.check(grid, s.threads(), done -> { });
        double[] rel = grid.etaRels();
        List<Statement> intro = new ArrayList<>();
        intro.add(Statement.of("claims.grid", "Each claim of the paper (docs/claims.md) in eoslab's checkable form, "
                + "judged by `eoslab check` on {runs} exact GD runs: the built-in grid of {starts} starts × {etas} step "
                + "sizes $η = c·2/λ_{GF}$, $c$ from {c0} to {c1} (budget {budget} steps, tolerance {tol}).")
                .count("runs", report.runs()).count("starts", grid.starts().size()).count("etas", rel.length)
                .value("c0", rel[0], 3).value("c1", rel[rel.length - 1], 3).count("budget", grid.rule().maxSteps())
                .value("tol", grid.rule().tol(), 3));
        intro.add(Statement.of("claims.margin", "A case's margin says how far inside its conclusion it lies "
                + "(relative; see docs/claims.md); a case holds when its margin is at least $−τ$, the check's rounding "
                + "allowance: $τ$ = {tau_rate} for claim 1, {tau_trade} for claim 4, {tau_mono} for claim 5, 0 "
                + "otherwise. A worst margin smaller in magnitude than {rounding} is at rounding level and is printed "
                + "as such: it says the conclusion held with nothing to spare, not that it failed.")
                .value("tau_rate", LinearRateClaim.TOLERANCE, 2).value("tau_trade", TradeOffClaim.TOLERANCE, 2)
                .value("tau_mono", MonotoneStepClaim.TOLERANCE, 2).value("rounding", ROUNDING, 2));
        List<Statement> verdicts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> css = new ArrayList<>();
        for (Verdict v : report.verdicts()) {
            String id = "claims." + v.claim().id();
            String name = "Claim " + v.claim().id() + " (" + MathText.literal(v.claim().title()) + ")";
            double m = Double.isNaN(v.worstMargin()) ? 0 : v.worstMargin();
            String inconclusive = v.inconclusive() > 0 ? "; {inconclusive} more were inconclusive (step budget "
                    + "exhausted or below double precision)" : "";
            verdicts.add(Statement.of(id + ".held", name + " held in all {n} decided applicable cases" + inconclusive
                    + "; its worst margin, {margin}, is at rounding level.")
                    .count("n", v.held()).count("failed", v.failed()).value("margin", m, 2)
                    .count("inconclusive", v.inconclusive()).value("rounding", ROUNDING, 2)
                    .asserts("failed = 0, held > 0, |margin| < rounding", x -> x.get("failed") == 0 && x.get("n") > 0
                            && Math.abs(x.get("margin")) < x.get("rounding")));
            verdicts.add(Statement.of(id + ".held_margin", name + " held in all {n} decided applicable cases"
                    + inconclusive + "; worst margin {margin}.")
                    .count("n", v.held()).count("failed", v.failed()).value("margin", m, 3)
                    .count("inconclusive", v.inconclusive()).value("rounding", ROUNDING, 2)
                    .asserts("failed = 0, held > 0, margin ≥ rounding", x -> x.get("failed") == 0 && x.get("n") > 0
                            && x.get("margin") >= x.get("rounding")));
            verdicts.add(Statement.of(id + ".failed", name + " failed in {failed} of its {n} applicable cases "
                    + "(worst margin {margin}).").count("failed", v.failed()).count("n", v.applicable())
                    .value("margin", m, 3).asserts("failed > 0", x -> x.get("failed") > 0));
            rows.add(List.of(v.claim().id(), MathText.literal(v.claim().title()), v.outcome(),
                    Numbers.count(v.tried()), Numbers.count(v.applicable()), Numbers.count(v.held()),
                    Numbers.count(v.failed()), Numbers.count(v.inconclusive()), margin(v)));
            css.add(v.outcome());
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(intro));
        blocks.add(new Block.Table(List.of("claim", "title", "verdict", "tried", "applicable", "held", "failed",
                "inconclusive", "worst margin"), rows, css));
        blocks.add(new Block.Paragraph(verdicts));
        for (Verdict v : report.verdicts()) {
            List<Statement> about = new ArrayList<>();
            about.add(Statement.of("claims." + v.claim().id() + ".statement", "**Claim " + v.claim().id() + ".** "
                    + Labels.foreign(v.claim().statement())));
            if (v.counterexample() != null) {
                about.add(Statement.of("claims." + v.claim().id() + ".counterexample", "Counterexample: "
                        + Labels.foreign(v.counterexample())));
            }
            if (v.note() != null) {
                about.add(Statement.of("claims." + v.claim().id() + ".note", "Note: " + Labels.foreign(v.note())));
            }
            blocks.add(new Block.Paragraph(about));
        }
        Map<String, Object> c = new LinkedHashMap<>(grid.describe());
        c.put("runs", report.runs());
        c.put("command", "./eoslab check --eta-rel " + rel[0] + ":" + rel[rel.length - 1] + ":" + rel.length);
        c.put("claims", report.verdicts().stream().map(Verdict::toMap).toList());
        return new Part("claims", "Claims, checked", blocks, Map.of("check", c));
    }
}
