package eoslab.cli;

import eoslab.EoslabTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code eoslab batch}: one result line per request line, equal to the commands' own --json output. */
class BatchCommandTest extends EoslabTest {
    @TempDir
    Path dir;

    @Test
    void eachLineGivesWhatItsCommandPrintsAndBadLinesGiveAnErrorObject() throws IOException {
        Path in = dir.resolve("runs.jsonl");
        Path data = dir.resolve("points.csv");
        Files.writeString(data, "x,y\n1,2\n2,3.5\n");
        CliRun asRun = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json");
        String spec = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json").out();
        Files.write(in, List.of(
                "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta_rel\": 1.3}}",
                "",
                "# a comment",
                "{\"command\": \"compare\", \"args\": [\"--m0\", \"0.1\", \"--lambda0\", \"5\", \"--eta-rel\", \"1.3\"]}",
                "{\"command\": \"flow\", \"options\": {\"m0\": 0.1, \"lambda0\": 5}}",
                "{\"model\": {\"family\": \"shallow\", \"phi\": 1}, \"start\": {\"init\": \"canonical\", \"m0\": 0.1, "
                        + "\"lambda0\": 5}, \"eta\": {\"eta_rel\": 1.3}, \"stop\": {\"steps\": 100000, \"tol\": 1e-12}}",
                "{\"options\": {\"m0\": 0.1, \"lambda0\": 5}}",
                "not json",
                "{\"command\": \"dance\"}",
                "{\"options\": {\"m0\": 0, \"lambda0\": 1, \"eta\": 0.1, \"data\": \"" + data + "\"}}"));
        CliRun r = CliRun.of("batch", in.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: 3 of 8 lines failed (see their \"error\" objects)");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(8);
        JsonNode l1 = json(lines.get(0));
        assertThat(l1.get("line").asInt()).isEqualTo(1);
        assertThat(l1.get("summary")).isEqualTo(asRun.json());
        JsonNode l4 = json(lines.get(1));
        assertThat(l4.get("line").asInt()).isEqualTo(4);
        assertThat(l4.get("summary")).isEqualTo(CliRun.of("compare", "--m0", "0.1", "--lambda0", "5", "--eta-rel",
                "1.3", "--json").json());
        assertThat(json(lines.get(2)).get("summary")).isEqualTo(CliRun.of("flow", "--m0", "0.1", "--lambda0", "5",
                "--json").json());
        assertThat(json(lines.get(3)).get("summary")).isEqualTo(json(spec));
        assertThat(json(lines.get(4)).get("error").asText()).isEqualTo("give exactly one of --eta, --eta-rel and --eta-crit");
        assertThat(json(lines.get(5)).get("error").asText()).startsWith("line 8 is not valid JSON");
        assertThat(json(lines.get(6)).get("error").asText()).isEqualTo(
                "command must be one of run, compare, flow, sweep, phase, check");
        // batch mode runs on the user's own machine, so unlike the server it reads data files
        assertThat(json(lines.get(7)).get("summary")).isEqualTo(CliRun.of("run", "--m0", "0", "--lambda0", "1",
                "--eta", "0.1", "--data", data.toString(), "--json").json());
    }

    @Test
    void anUnreadableFileIsBadInput() {
        CliRun r = CliRun.of("batch", dir.resolve("missing.jsonl").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: cannot read ");
        assertThat(r.out()).isEmpty();
    }

    private static JsonNode json(String line) {
        return new CliRun(0, line, "").json();
    }
}
