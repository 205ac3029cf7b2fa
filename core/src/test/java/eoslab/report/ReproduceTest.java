package eoslab.report;

import eoslab.EoslabTest;
import eoslab.cli.Main;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.VectorGd;
import eoslab.io.Json;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowState;
import eoslab.service.Runs;
import eoslab.spec.ProblemSpec;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The quick report's files, each checked, and its numbers against direct engine runs. */
class ReproduceTest extends EoslabTest {
    private static final List<String> NAMES = List.of("F1_loss_vs_time", "F2_sharpness_vs_eta", "F3_steps_vs_eta",
            "F4_edge_of_stability", "F5_imbalance", "F6_regularization", "F7_catapult", "F8_boundary", "F9_ladder",
            "F10_critical_slowing", "F11_momentum_sharpness", "F12_momentum_phase", "F13_warmup");

    static Path dir;

    @BeforeAll
    static void reproduce() {
        dir = QuickReport.get().dir;
    }

    @Test
    void badFigureSizesAreUsageErrorsBeforeAnyComputation(@TempDir Path tmp) {
        for (String[] args : List.of(new String[] {"--size", "0x4"}, new String[] {"--size", "6.5by4"},
                new String[] {"--dpi", "1"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] argv = new String[args.length + 3];
            argv[0] = "reproduce";
            System.arraycopy(args, 0, argv, 1, args.length);
            argv[args.length + 1] = "--out";
            argv[args.length + 2] = tmp.resolve("r").toString();
            int code = Main.execute(argv, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).startsWith("error: ").doesNotContain("Exception");
            assertThat(tmp.resolve("r")).doesNotExist();
        }
    }

    private static List<CSVRecord> csv(String name) throws Exception {
        try (Reader r = Files.newBufferedReader(dir.resolve("data/" + name + ".csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static double num(CSVRecord r, String column) {
        String s = r.get(column);
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    @Test
    void everyFileExistsAndTheReportsReferenceEveryFigure() throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        String md = Files.readString(dir.resolve("report.md"));
        for (String n : NAMES) {
            for (String f : List.of("figures/" + n + ".png", "figures/" + n + ".svg", "figures/" + n + ".pdf",
                    "data/" + n + ".csv")) {
                assertThat(dir.resolve(f)).isRegularFile();
                assertThat(Files.size(dir.resolve(f))).as(f).isGreaterThan(1000);
            }
            assertThat(md).contains("(figures/" + n + ".png)");
            assertThat(html).contains("<figure id=\"" + n + "\">");
            assertThat(Files.readAllBytes(dir.resolve("figures/" + n + ".pdf"))).startsWith("%PDF-".getBytes());
        }
        assertThat(html).doesNotContain("src=\"figures/").doesNotContain("http://").doesNotContain("https://");
        assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(NAMES.size() + 1);
        for (String claim : List.of("1", "2", "3", "4", "5", "gfs")) {
            assertThat(md).contains("**Claim " + claim + ".**");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("data", "figures", "manifest.json", "report.html", "report.md", "statements.json");
        }
    }

    @Test
    void svgsAreWellFormedXmlWithRealText() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String n : NAMES) {
            var doc = factory.newDocumentBuilder().parse(dir.resolve("figures/" + n + ".svg").toFile());
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(doc.getElementsByTagNameNS("*", "text").getLength()).as(n).isGreaterThan(5);
            assertThat(Files.readString(dir.resolve("figures/" + n + ".svg"))).contains("@font-face");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void manifestHasVersionsRunsSeedsAndTime() throws Exception {
        Map<String, Object> m = Json.mapper().readValue(dir.resolve("manifest.json").toFile(), Map.class);
        assertThat(m).containsKeys("version", "java_version", "time", "figures", "check", "command");
        assertThat((String) m.get("command")).isEqualTo("./eoslab reproduce --quick --out " + dir);
        assertThat((Map<String, Object>) m.get("parameters")).containsEntry("size", "6.5x4").containsEntry("dpi", 150);
        List<Map<String, Object>> figs = (List<Map<String, Object>>) m.get("figures");
        assertThat(figs).extracting(f -> f.get("name")).containsExactlyElementsOf(NAMES);
        for (Map<String, Object> f : figs) {
            for (Map<String, Object> run : (List<Map<String, Object>>) f.get("runs")) {
                assertThat(run).containsKeys("phi", "init", "method");
            }
        }
        Map<String, Object> check = (Map<String, Object>) m.get("check");
        assertThat((List<?>) check.get("claims")).hasSize(eoslab.theory.Claim.all().size());
        List<Map<String, Object>> starts = (List<Map<String, Object>>) check.get("starts");
        assertThat(starts.stream().filter(s -> "gaussian".equals(s.get("init")))).allMatch(s -> s.containsKey("seed"));
    }

    /** F1: GD rows equal direct full-vector GD runs of that many steps (|ε| to rounding); GF rows the closed form. */
    @Test
    void lossDataAgreesWithDirectRuns() throws Exception {
        ProblemSpec s = ReportSettings.MAIN;
        int checked = 0;
        for (CSVRecord r : csv("F1_loss_vs_time")) {
            double time = num(r, "time");
            if (r.get("series").equals("GF")) {
                double direct = ClosedFormFlow.from(s.phi(), Runs.resolve(s.model(), s.start()).point()).at(time).loss();
                assertThat(num(r, "loss")).isCloseTo(direct, within(1e-12 * Math.max(direct, 1e-300)));
            } else if (r.getRecordNumber() % 97 == 0) {
                double eta = num(r, "eta");
                long steps = (long) num(r, "step");
                VectorGd gd = VectorGd.from(s.phi(), eta, Runs.resolve(s.model(), s.start()).point());
                Runner.run(gd, new StopRule(steps, 0), List.of());
                assertThat(time).isEqualTo(eta * steps);
                double residual = Math.sqrt(2 * num(r, "loss"));
                double direct = Math.abs(gd.residual());
                assertThat(residual).isCloseTo(direct, within(1e-9 * direct + 1e-14));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3);
    }

    /** F2/F3: outcome, steps, λ∞ and gain of each row equal a direct run at that η. */
    @Test
    void sweepDataAgreesWithDirectRuns() throws Exception {
        ProblemSpec s = ReportSettings.MAIN;
        List<CSVRecord> f2 = csv("F2_sharpness_vs_eta");
        List<CSVRecord> f3 = csv("F3_steps_vs_eta");
        assertThat(f2).hasSize(f3.size()).hasSize(ReportSettings.of(true, 1).sweepCount());
        for (int i = 0; i < f2.size(); i += 23) {
            double eta = num(f2.get(i), "eta");
            assertThat(num(f3.get(i), "eta")).isEqualTo(eta);
            RunResult<ShallowState> r = Runner.run(ReducedGd.from(s.phi(), eta, Runs.resolve(s.model(), s.start()).point()), ReportSettings.RULE, List.of());
            assertThat(f2.get(i).get("outcome")).isEqualTo(r.outcome().label());
            assertThat((long) num(f2.get(i), "steps")).isEqualTo(r.endStep());
            assertThat(num(f2.get(i), "eta_rel")).isCloseTo(eta * 3.6 / 2, within(1e-12));
            if (r.outcome() == Outcome.CONVERGED) {
                double lambda = Math.hypot(2 * s.phi(), r.last().imbalance());
                assertThat(num(f2.get(i), "lambda_inf")).isCloseTo(lambda, within(1e-12));
                assertThat(num(f3.get(i), "gain")).isCloseTo(1 - lambda / 3.6, within(1e-12));
            } else {
                assertThat(f2.get(i).get("lambda_inf")).isEmpty();
            }
        }
    }

    /** F6: the accumulated loss and ln(Q₀/Q∞) of each row from a direct full-vector run. */
    @Test
    void regularizationDataAgreesWithDirectRuns() throws Exception {
        ProblemSpec s = ReportSettings.MAIN;
        List<CSVRecord> rows = csv("F6_regularization");
        assertThat(rows).isNotEmpty();
        for (int i = 0; i < rows.size(); i += 31) {
            double eta = num(rows.get(i), "eta");
            VectorGd gd = VectorGd.from(s.phi(), eta, Runs.resolve(s.model(), s.start()).point());
            double sum = 0;
            while (Math.abs(gd.residual()) > ReportSettings.RULE.tol()) {
                sum += gd.loss();
                gd.step();
            }
            double q0 = Runs.resolve(s.model(), s.start()).point().imbalance();
            assertThat(num(rows.get(i), "accumulated")).isCloseTo(2 * eta * eta * sum, within(1e-9 * sum));
            assertThat(num(rows.get(i), "regularization")).isCloseTo(Math.log(q0 / gd.imbalance()), within(1e-9));
        }
    }

    /** F7: peak loss and final ηλ of each row from a direct run at Φ = 0; the catapult's shape. */
    @Test
    void catapultDataAgreesWithDirectRunsAndTheTheory() throws Exception {
        ProblemSpec s = ReportSettings.CATAPULT;
        double lambda0 = Runs.resolve(s.model(), s.start()).point().norm();
        for (CSVRecord row : csv("F7_catapult")) {
            double eta = num(row, "eta");
            double x = num(row, "eta_lambda0");
            RunResult<ShallowState> r = Runner.run(ReducedGd.from(0.0, eta, Runs.resolve(s.model(), s.start()).point()), ReportSettings.RULE, List.of());
            assertThat(row.get("outcome")).isEqualTo(r.outcome().label());
            if (x < 2) {
                assertThat(num(row, "max_loss")).isEqualTo(0.5 * 0.1 * 0.1, within(1e-15));
            }
            if (x > 4.05) {
                assertThat(r.outcome()).isEqualTo(Outcome.DIVERGED);
            }
            if (r.outcome() == Outcome.CONVERGED) {
                assertThat(num(row, "max_loss")).isEqualTo(r.maxLoss());
                assertThat(num(row, "final_eta_lambda")).isCloseTo(eta * r.last().norm(), within(1e-12))
                        .isLessThanOrEqualTo(2.0 + 1e-9);
            }
            assertThat(x).isCloseTo(eta * lambda0, within(1e-12));
        }
    }
}
