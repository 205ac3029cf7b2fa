package eoslab.report;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.RunResult;
import eoslab.model.shallow.ShallowState;
import eoslab.service.RunService;
import eoslab.spec.EtaSpec;
import eoslab.spec.MethodSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The momentum figures F11–F13 of the quick report against direct runs of the run service: rows of their data files
 * (converged or not, both methods, the three β, constant and warm-up) rerun from their parameters give the same
 * outcome, step and λ∞, bit for bit; a cell of the (η, β) phase map has the class and step of its run.
 */
class MomentumReportTest extends EoslabTest {

    private static List<CSVRecord> csv(String name) throws Exception {
        try (Reader r = Files.newBufferedReader(QuickReport.get().dir.resolve("data/" + name + ".csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static RunResult<ShallowState> run(ProblemSpec start, String method, double beta, ScheduleSpec schedule,
                                               double eta, eoslab.dynamics.StopRule rule) {
        MethodSpec m = method.equals("gd") ? MethodSpec.of("gd", null, schedule) : MethodSpec.of(method, beta,
                schedule);
        return RunService.run(start.run(new EtaSpec.Absolute(eta), new RunSettings(m, rule, Engine.AUTO,
                Precision.DOUBLE))).result();
    }

    @Test
    void sweepRowsAreDirectRuns() throws Exception {
        List<CSVRecord> rows = csv("F11_momentum_sharpness");
        int checked = 0;
        for (int i = 0; i < rows.size(); i += 17) {
            CSVRecord r = rows.get(i);
            RunResult<ShallowState> direct = run(ReportSettings.MAIN, r.get("method"), Double.parseDouble(r.get("beta")),
                    ScheduleSpec.CONSTANT, Double.parseDouble(r.get("eta")), ReportSettings.RULE);
            assertThat(direct.outcome().label()).as("row %d", i).isEqualTo(r.get("outcome"));
            assertThat(direct.endStep()).isEqualTo(Long.parseLong(r.get("steps")));
            if (direct.converged()) {
                assertThat(Double.parseDouble(r.get("lambda_inf"))).isEqualTo(direct.last().gfSharpness());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
        List<CSVRecord> warm = csv("F13_warmup");
        for (int i = 1; i < warm.size(); i += 23) {
            CSVRecord r = warm.get(i);
            ScheduleSpec s = r.get("schedule").equals("constant") ? ScheduleSpec.CONSTANT
                    : ScheduleSpec.parse(r.get("schedule"), null);
            RunResult<ShallowState> direct = run(ReportSettings.MAIN, r.get("method"), MomentumSection.WARMUP_BETA, s,
                    Double.parseDouble(r.get("eta")), ReportSettings.RULE);
            assertThat(direct.outcome().label()).as("F13 row %d", i).isEqualTo(r.get("outcome"));
            assertThat(direct.endStep()).isEqualTo(Long.parseLong(r.get("steps")));
        }
    }

    @Test
    void phaseCellsAreDirectRuns() throws Exception {
        List<CSVRecord> rows = csv("F12_momentum_phase");
        eoslab.dynamics.StopRule rule = new eoslab.dynamics.StopRule(MomentumSection.MAP_STEPS,
                ReportSettings.RULE.tol());
        for (int i = 0; i < rows.size(); i += 211) {
            CSVRecord r = rows.get(i);
            RunResult<ShallowState> direct = run(MomentumSection.MAP_START, "heavy-ball",
                    Double.parseDouble(r.get("beta")), ScheduleSpec.CONSTANT, Double.parseDouble(r.get("eta")), rule);
            String cls = r.get("outcome");
            if (direct.outcome() == eoslab.dynamics.Outcome.MAX_STEPS) {
                assertThat(cls).as("cell %d", i).isIn("periodic", "aperiodic", "slow");
            } else {
                assertThat(direct.outcome().label()).as("cell %d", i).isEqualTo(cls);
            }
            assertThat((long) Integer.parseInt(r.get("steps"))).isEqualTo(direct.endStep());
        }
    }
}
