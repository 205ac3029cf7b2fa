package eoslab.web;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The networks of {@code --model linear|diagonal} through the API over HTTP: run, compare and flow give the CLI's
 * {@code --json} and {@code --out} numbers, and the work limits answer 400 with a one-line message.
 */
class ApiNetworksTest extends EoslabTest {
    private static final List<String> LINEAR = List.of("--model", "linear", "--depth", "3", "--widths", "4,4",
            "--target-spectrum", "3,1", "--target-size", "3x3", "--scale", "0.3", "--eta", "0.05", "--steps", "400");
    private static final String LINEAR_ARGS = "[\"--model\", \"linear\", \"--depth\", \"3\", \"--widths\", \"4,4\", "
            + "\"--target-spectrum\", \"3,1\", \"--target-size\", \"3x3\", \"--scale\", \"0.3\", \"--eta\", \"0.05\", "
            + "\"--steps\", \"400\"]";
    private static TestServer server;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] cli(String command, List<String> args, String... more) {
        String[] all = new String[args.size() + more.length + 1];
        all[0] = command;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        System.arraycopy(more, 0, all, args.size() + 1, more.length);
        return all;
    }

    @Test
    void linearRunEqualsTheCliAndItsCommandReruns() throws IOException {
        JsonNode expected = TestServer.json(TestServer.cli(cli("run", LINEAR, "--json")).out());
        assertThat(expected.get("loss").asDouble()).isBetween(1e-6, 1e-4);
        JsonNode j = TestServer.json(server.post("run", "{\"args\": " + LINEAR_ARGS + ", \"series\": true}"));
        assertThat(j.get("summary")).isEqualTo(expected);
        Path out = dir.resolve("run.csv");
        assertThat(TestServer.cli(cli("run", LINEAR, "--out", out.toString())).code()).isZero();
        assertSeriesEqualsCsv(j.get("series"), Files.readString(out));
        JsonNode bySpec = TestServer.json(server.post("run", "{\"spec\": " + j.get("spec") + ", \"series\": true}"));
        assertThat(bySpec.get("summary")).isEqualTo(expected);
        String[] rerun = (j.get("command").asText().replaceFirst("^\\./eoslab ", "") + " --json").split(" ");
        assertThat(TestServer.json(TestServer.cli(rerun).out())).isEqualTo(expected);
    }

    @Test
    void diagonalCompareEqualsTheCli() throws IOException {
        List<String> diag = List.of("--model", "diagonal", "--sparse", "20,8,2", "--noise", "0.01", "--seed", "3",
                "--alpha", "0.5", "--eta", "0.05", "--steps", "300");
        Path out = dir.resolve("cmp.csv");
        assertThat(TestServer.cli(cli("compare", diag, "--out", out.toString())).code()).isZero();
        JsonNode expected = TestServer.json(TestServer.cli(cli("compare", diag, "--json")).out());
        JsonNode j = TestServer.json(server.post("compare", "{\"args\": [\"--model\", \"diagonal\", \"--sparse\", "
                + "\"20,8,2\", \"--noise\", \"0.01\", \"--seed\", \"3\", \"--alpha\", \"0.5\", \"--eta\", \"0.05\", \"--steps\", \"300\"], "
                + "\"series\": true}"));
        assertThat(j.get("summary")).isEqualTo(expected);
        assertThat(j.get("summary").get("gd").get("loss").asDouble()).isFinite();
        assertSeriesEqualsCsv(j.get("series"), Files.readString(out));
        assertThat(TestServer.text(server.post("compare", "{\"args\": [\"--model\", \"diagonal\", \"--sparse\", "
                + "\"20,8,2\", \"--noise\", \"0.01\", \"--seed\", \"3\", \"--alpha\", \"0.5\", \"--eta\", \"0.05\", \"--steps\", \"300\"], "
                + "\"format\": \"csv\"}"))).isEqualTo(Files.readString(out));
    }

    @Test
    void linearFlowEqualsTheCli() {
        List<String> flow = List.of("--model", "linear", "--depth", "2", "--widths", "3", "--target-spectrum", "2,1",
                "--target-size", "3x3", "--scale", "0.3");
        JsonNode expected = TestServer.json(TestServer.cli(cli("flow", flow, "--json")).out());
        JsonNode j = TestServer.json(server.post("flow", "{\"args\": [\"--model\", \"linear\", \"--depth\", \"2\", "
                + "\"--widths\", \"3\", \"--target-spectrum\", \"2,1\", \"--target-size\", \"3x3\", \"--scale\", \"0.3\"]}"));
        assertThat(j.get("summary")).isEqualTo(expected);
    }

    @Test
    void networkWorkIsBounded() {
        assertThat(TestServer.json(server.post("run", "{\"args\": [\"--model\", \"linear\", \"--depth\", \"2\", "
                + "\"--widths\", \"100\", \"--target-spectrum\", \"1\", \"--target-size\", \"100x100\", \"--scale\", \"0.1\", \"--eta\", "
                + "\"0.01\", \"--steps\", \"100000\"]}")).get("error").asText()).isEqualTo(
                "work limit: steps × parameters of a network is 2000000000, at most 1000000000 per request (use the CLI)");
        assertThat(TestServer.json(server.post("compare", "{\"args\": [\"--model\", \"linear\", \"--depth\", \"2\", "
                + "\"--widths\", \"50\", \"--target-spectrum\", \"1\", \"--target-size\", \"50x50\", \"--scale\", \"0.1\", \"--eta\", "
                + "\"0.01\", \"--steps\", \"100000\"]}")).get("error").asText()).startsWith(
                "work limit: the sharpness work (estimates × HVPs × parameters)");
        assertThat(TestServer.json(server.post("sweep", "{\"args\": [\"--model\", \"linear\", \"--depth\", \"2\", "
                + "\"--phi\", \"1\", \"--scale\", \"0.1\", \"--eta\", \"0.1,0.2\"]}")).has("error")).isTrue();
    }

    @Test
    void networkFiguresAreDrawnAndTheShallowOnlyPlotsRefused() {
        String args = "\"args\": [\"--model\", \"diagonal\", \"--sparse\", \"20,8,2\", \"--noise\", \"0.01\", "
                + "\"--seed\", \"3\", \"--alpha\", \"0.5\", \"--eta\", \"0.05\", \"--steps\", \"300\"]";
        HttpResponse<byte[]> png = server.post("figure", "{" + args + ", \"chart\": \"loss\"}");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(Arrays.copyOf(png.body(), 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        String svg = TestServer.text(server.post("figure", "{" + args + ", \"chart\": \"sharpness\", "
                + "\"format\": \"svg\"}"));
        assertThat(svg).startsWith("<?xml").contains("GD sharpness S").contains("stability edge")
                .contains("sharpness of GF");
        assertThat(TestServer.text(server.post("figure", "{" + args + ", \"chart\": \"clock\", "
                + "\"format\": \"svg\"}"))).contains("residual √(2(L − L*))");
        HttpResponse<byte[]> orbit = server.post("figure", "{" + args + ", \"chart\": \"orbit\"}");
        assertThat(orbit.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(orbit).get("error").asText()).startsWith("a network's figures are loss, sharpness "
                + "and clock");
    }

    private static void assertSeriesEqualsCsv(JsonNode series, String csv) throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        var names = series.fieldNames();
        int checked = 0;
        while (names.hasNext()) {
            String name = names.next();
            JsonNode col = series.get(name);
            assertThat(col).as(name).hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r).get(name);
                if (cell.isEmpty()) {
                    assertThat(col.get(r).isNull()).as(name + " row " + r).isTrue();
                } else {
                    assertThat(col.get(r).asDouble()).as(name + " row " + r).isEqualTo(Double.parseDouble(cell));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(rows.size());
    }
}
