package eoslab.cli;

import eoslab.EoslabTest;
import eoslab.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest extends EoslabTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasOneObjectPerClaimWithTheDocumentedFields() throws Exception {
        // (0.9, 1) violates λ0 >= 2|m0| and is skipped: 5 starts
        Result r = run("check", "--m0", "0.2,0.9", "--lambda0", "1:3:3", "--eta-rel", "0.1:1.5:30", "--steps", "20000",
                "--json");
        assertThat(r.code()).isZero();
        Map<String, Object> json = Json.mapper().readValue(r.out(), Map.class);
        List<Map<String, Object>> claims = (List<Map<String, Object>>) json.get("claims");
        assertThat(claims).extracting(c -> c.get("id")).containsExactly("1", "2", "3", "4", "5", "gfs", "boundary",
                "cycle", "slowing", "kreisler");
        for (Map<String, Object> c : claims) {
            assertThat(c).containsKeys("id", "statement", "hypotheses", "tried", "applicable", "held", "failed",
                    "worst_margin", "rounding_allowance", "worst_margin_is_rounding", "counterexample");
            assertThat(((Number) c.get("held")).longValue() + ((Number) c.get("failed")).longValue()
                    + ((Number) c.get("inconclusive")).longValue()).isEqualTo(((Number) c.get("applicable")).longValue());
        }
        Map<String, Object> grid = (Map<String, Object>) json.get("grid");
        assertThat((List<?>) grid.get("starts")).hasSize(5);
        assertThat(json.get("runs")).isEqualTo(5 * 30);
        assertThat(claims.get(2).get("failed")).isEqualTo(0);
        assertThat(((Number) claims.get(2).get("applicable")).intValue()).isPositive();
    }

    @Test
    void strictExitsOneOnlyWhenAClaimFailed() {
        String[] failing = {"check", "--m0", "0.1", "--lambda0", "3", "--eta-rel", "1.5833:1.6667:200", "--strict"};
        Result r = run(failing);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Claim 5").contains("[FAILED]").contains("counterexample: ./eoslab run --phi 1.0 --m0 0.1");
        String[] plain = failing.clone();
        plain[plain.length - 1] = "--steps=100000";
        assertThat(run(plain).code()).isZero();
        Result small = run("check", "--m0", "0.1", "--lambda0", "3", "--eta-rel", "0.1:0.9:9", "--strict");
        assertThat(small.code()).isZero();
        assertThat(small.out()).doesNotContain("[FAILED]");
    }

    @Test
    void badGridsAreUsageErrors() {
        for (String[] args : List.of(new String[] {"check", "--eta-rel", "0.1:1"},
                new String[] {"check", "--eta-rel", "0.1:1:x"}, new String[] {"check", "--eta-rel", "-1"},
                new String[] {"check", "--m0", "1"}, new String[] {"check", "--m0", "2", "--lambda0", "1"},
                new String[] {"check", "--m0", "0", "--lambda0", "1", "--scale", "1"},
                new String[] {"check", "--phi", "nan", "--eta-rel", "1"})) {
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").hasLineCount(1);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void helpDocumentsTheRangeSyntaxAndDefaults() {
        Result r = run("check", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("start:stop:count").contains("--strict").contains("default 100000")
                .contains("0.01:2.0:2000");
    }
}
