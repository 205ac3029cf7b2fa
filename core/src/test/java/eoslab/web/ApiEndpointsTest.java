package eoslab.web;

import eoslab.EoslabTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eoslab.io.Json;
import eoslab.sweep.PhaseEngine;
import eoslab.sweep.PhaseSpec;
import eoslab.cli.CommandOptionReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the API over real HTTP ({@code java.net.http}), against the CLI run in-process with the same
 * options: the same JSON, the same file bytes, the same numbers.
 */
class ApiEndpointsTest extends EoslabTest {
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

    private static final String RUN_OPTIONS = "{\"m0\": 0.1, \"lambda0\": 5, \"eta_rel\": 1.3}";

    @Test
    void schemaListsEveryEndpointAndTheSpecificationsParts() {
        HttpResponse<byte[]> r = server.get("api/schema");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
        JsonNode j = TestServer.json(r);
        assertThat(j.get("endpoints").toString()).isEqualTo(Json.compact(Api.ENDPOINTS));
        List<String> keys = new ArrayList<>();
        j.get("spec").get("run").forEach(p -> keys.add(p.get("key").asText()));
        assertThat(keys).containsExactly("model", "start", "method", "eta", "stop", "engine", "precision", "sharpness");
        assertThat(j.get("limits").get("max_steps").asLong()).isEqualTo(1_000_000);
        assertThat(j.get("phase").get("legend")).hasSize(5);
        assertThat(TestServer.json(server.post("schema", "")).equals(j)).isTrue();
    }

    @Test
    void runByOptionsArgsAndSpecEqualsTheCli() {
        TestServer.Cli cli = TestServer.cli("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json");
        assertThat(cli.code()).isZero();
        JsonNode expected = TestServer.json(cli.out());
        JsonNode byOptions = TestServer.json(server.post("run", "{\"options\": " + RUN_OPTIONS + "}"));
        assertThat(byOptions.get("summary")).isEqualTo(expected);
        assertThat(byOptions.get("command").asText()).isEqualTo(
                "./eoslab run --phi 1.0 --m0 0.1 --lambda0 5.0 --eta-rel 1.3 --steps 100000 --tol-rel 1.0E-12");
        JsonNode byArgs = TestServer.json(server.post("run",
                "{\"args\": [\"--m0\", \"0.1\", \"--lambda0\", \"5\", \"--eta-rel\", \"1.3\"]}"));
        assertThat(byArgs).isEqualTo(byOptions);
        JsonNode bySpec = TestServer.json(server.post("run", "{\"spec\": " + byOptions.get("spec") + "}"));
        assertThat(bySpec).isEqualTo(byOptions);
        // the command it gives reruns it
        String[] args = byOptions.get("command").asText().replaceFirst("^\\./eoslab ", "").split(" ");
        List<String> withJson = new ArrayList<>(List.of(args));
        withJson.add("--json");
        assertThat(TestServer.json(TestServer.cli(withJson.toArray(new String[0])).out())).isEqualTo(expected);
    }

    @Test
    void runSeriesAndCsvAreTheOutFile() throws IOException {
        Path out = dir.resolve("traj.csv");
        assertThat(TestServer.cli("run", "--m0", "0.1", "--lambda0", "5", "--eta", "0.45", "--steps", "300",
                "--every", "7", "--out", out.toString()).code()).isZero();
        String options = "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.45, \"steps\": 300, \"every\": 7}";
        HttpResponse<byte[]> csv = server.post("run", options + ", \"format\": \"csv\"}");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(TestServer.text(csv)).isEqualTo(Files.readString(out));
        JsonNode j = TestServer.json(server.post("run", options + ", \"series\": true}"));
        assertThat(j.get("command_out").asText()).endsWith("--out run.csv --every 7");
        assertSeriesEqualsCsv(j.get("series"), Files.readString(out));
    }

    @Test
    void compareSeriesCsvAndBinaryAreTheOutFile() throws IOException {
        Path out = dir.resolve("cmp.csv");
        assertThat(TestServer.cli("compare", "--width", "20", "--scale", "0.3", "--eta-rel", "1.6", "--steps", "2000",
                "--out", out.toString()).code()).isZero();
        String expected = Files.readString(out);
        String options = "{\"options\": {\"width\": 20, \"scale\": 0.3, \"eta_rel\": 1.6, \"steps\": 2000}";
        assertThat(TestServer.text(server.post("compare", options + ", \"format\": \"csv\"}"))).isEqualTo(expected);
        JsonNode j = TestServer.json(server.post("compare", options + ", \"series\": true, \"region\": true}"));
        assertThat(j.get("summary")).isEqualTo(TestServer.json(TestServer.cli("compare", "--width", "20", "--scale",
                "0.3", "--eta-rel", "1.6", "--steps", "2000", "--json").out()));
        assertSeriesEqualsCsv(j.get("series"), expected);
        assertThat(j.get("region").get("m")).hasSize(65);

        HttpResponse<byte[]> bin = server.post("compare", options + ", \"format\": \"f64\"}");
        assertThat(bin.headers().firstValue("Content-Type")).hasValue(SeriesFormat.TYPE);
        ByteBuffer b = ByteBuffer.wrap(bin.body()).order(ByteOrder.LITTLE_ENDIAN);
        int h = b.getInt();
        JsonNode header = TestServer.json(new String(bin.body(), 4, h, StandardCharsets.UTF_8));
        assertThat(header.get("summary")).isEqualTo(j.get("summary"));
        int rows = header.get("rows").asInt();
        List<CSVRecord> records = records(expected);
        assertThat(rows).isEqualTo(records.size());
        b.position((4 + h + 7) / 8 * 8);
        for (JsonNode name : header.get("columns")) {
            for (int r = 0; r < rows; r++) {
                assertThat(b.getDouble()).as(name.asText() + " row " + r)
                        .isEqualTo(Double.parseDouble(records.get(r).get(name.asText())));
            }
        }
    }

    @Test
    void flowEqualsTheCli() throws IOException {
        Path out = dir.resolve("flow.csv");
        TestServer.Cli cli = TestServer.cli("flow", "--width", "10", "--scale", "0.5", "--method", "ode", "--t-max",
                "20", "--dt", "0.05", "--json", "--out", out.toString());
        assertThat(cli.code()).isZero();
        String options = "{\"options\": {\"width\": 10, \"scale\": 0.5, \"method\": \"ode\", \"t_max\": 20, "
                + "\"dt\": 0.05}";
        JsonNode j = TestServer.json(server.post("flow", options + ", \"series\": true}"));
        assertThat(j.get("summary")).isEqualTo(TestServer.json(cli.out()));
        assertThat(TestServer.text(server.post("flow", options + ", \"format\": \"csv\"}"))).isEqualTo(
                Files.readString(out));
        JsonNode bySpec = TestServer.json(server.post("flow", "{\"spec\": " + j.get("spec") + "}"));
        assertThat(bySpec.get("summary")).isEqualTo(j.get("summary"));
        assertThat(j.get("command").asText()).startsWith("./eoslab flow --phi 1.0 --width 10 --scale 0.5 --seed 42 "
                + "--method ode");
    }

    @Test
    void sweepColumnsAndCsvAreTheOutFile() throws IOException {
        Path out = dir.resolve("sweep.csv");
        assertThat(TestServer.cli("sweep", "--eta", "0.05:1.9:40", "--m0", "0:0.4:3", "--lambda0", "1:6:10",
                "--steps", "20000", "--out", out.toString()).code()).isZero();
        String options = "{\"options\": {\"eta\": \"0.05:1.9:40\", \"m0\": \"0:0.4:3\", \"lambda0\": \"1:6:10\", "
                + "\"steps\": 20000}";
        assertThat(TestServer.text(server.post("sweep", options + ", \"format\": \"csv\"}"))).isEqualTo(
                Files.readString(out));
        JsonNode j = TestServer.json(server.post("sweep", options + "}"));
        assertThat(j.get("runs").asInt()).isEqualTo(1200);
        List<CSVRecord> rows = records(Files.readString(out));
        JsonNode cols = j.get("columns");
        Iterator<String> names = cols.fieldNames();
        List<String> header = new ArrayList<>();
        names.forEachRemaining(header::add);
        assertThat(header).containsExactlyElementsOf(rows.get(0).getParser().getHeaderNames());
        for (String name : header) {
            for (int r = 0; r < rows.size(); r++) {
                JsonNode v = cols.get(name).get(r);
                String cell = rows.get(r).get(name);
                if (v.isNull()) {
                    assertThat(cell).isEmpty();
                } else if (v.isTextual()) {
                    assertThat(v.asText()).isEqualTo(cell);
                } else {
                    assertThat(v.asDouble()).as(name + " row " + r).isEqualTo(Double.parseDouble(cell));
                }
            }
        }
    }

    @Test
    void phaseMapsTilesAndCellsEqualTheCliAndTheEngine() throws IOException {
        String prefix = dir.resolve("map").toString();
        assertThat(TestServer.cli("phase", "--eta", "0.2:1.6:64", "--lambda0", "0.5:8:48", "--steps", "3000",
                "--out", prefix).code()).isZero();
        String options = "{\"options\": {\"eta\": \"0.2:1.6:64\", \"lambda0\": \"0.5:8:48\", \"steps\": 3000}";
        HttpResponse<byte[]> npy = server.post("phase", options + ", \"format\": \"npy\"}");
        assertThat(npy.body()).isEqualTo(Files.readAllBytes(Path.of(prefix + ".npy")));
        assertThat(TestServer.text(server.post("phase", options + ", \"format\": \"csv\"}"))).isEqualTo(
                Files.readString(Path.of(prefix + ".csv")));
        HttpResponse<byte[]> png = server.post("phase", options + ", \"format\": \"png\"}");
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        JsonNode map = TestServer.json(server.post("phase", options + "}"));
        assertThat(map.get("nx").asInt()).isEqualTo(64);
        assertThat(map.get("y").get("values")).hasSize(48);
        assertThat(map.get("command").asText()).isEqualTo(
                "./eoslab phase --eta 0.2:1.6:64 --lambda0 0.5:8:48 --steps 3000 --out phase");

        PhaseSpec spec = new CommandOptionReader().phase(List.of("--eta", "0.2:1.6:64", "--lambda0", "0.5:8:48",
                "--steps", "3000"));
        JsonNode tiles = TestServer.json(server.post("phase", options + ", \"tiles\": [10, 5]}"));
        assertThat(tiles.get("tiles")).hasSize(5);
        assertThat(tiles.get("cancelled").asBoolean()).isFalse();
        PhaseEngine.Scratch s = new PhaseEngine.Scratch();
        for (int k = 0; k < 5; k++) {
            JsonNode t = tiles.get("tiles").get(k);
            PhaseEngine.TileResult r = PhaseEngine.tile(spec, 10 + k, s);
            assertThat(t.get("first").asInt()).isEqualTo(r.first());
            byte[] rgb = Base64.getDecoder().decode(t.get("rgb").asText());
            assertThat(rgb).hasSize(3 * r.cls().length);
            for (int i = 0; i < r.cls().length; i++) {
                assertThat(t.get("cls").get(i).asInt()).isEqualTo(r.cls()[i]);
                assertThat(t.get("steps").get(i).asInt()).isEqualTo(r.steps()[i]);
                assertThat(t.get("period").get(i).asInt()).isEqualTo(r.period()[i]);
                // and the whole map holds the same cells
                assertThat(map.get("outcome").get(r.first() + i).asInt()).isEqualTo(r.cls()[i]);
            }
        }

        JsonNode cell = TestServer.json(server.post("phase", options + ", \"cell\": [5, 7]}"));
        assertThat(cell.get("spec").toString()).isEqualTo(Json.compact(spec.cell(5, 7).describe()));
        assertThat(cell.get("command").asText()).isEqualTo(spec.cell(5, 7).command());
        assertThat(cell.get("x").asDouble()).isEqualTo(spec.x().value(5));
    }

    @Test
    void aTileRequestOfAnOlderViewIsCancelled() {
        String options = "{\"options\": {\"eta\": \"0.2:1.6:64\", \"lambda0\": \"0.5:8:48\", \"steps\": 3000}";
        JsonNode newer = TestServer.json(server.post("phase", options
                + ", \"tiles\": [0, 1], \"cancel\": {\"group\": \"g1\", \"seq\": 2}}"));
        assertThat(newer.get("tiles")).hasSize(1);
        HttpResponse<byte[]> older = server.post("phase", options
                + ", \"tiles\": [1, 4], \"cancel\": {\"group\": \"g1\", \"seq\": 1}}");
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(older).get("cancelled").asBoolean()).isTrue();
        assertThat(TestServer.json(older).get("tiles")).isEmpty();
    }

    @Test
    void checkEqualsTheCliApartFromItsTime() {
        TestServer.Cli cli = TestServer.cli("check", "--m0", "0.1,0.5", "--lambda0", "3", "--eta-rel", "0.05:1.9:50",
                "--json");
        assertThat(cli.code()).isZero();
        ObjectNode expected = (ObjectNode) TestServer.json(cli.out());
        ObjectNode j = (ObjectNode) TestServer.json(server.post("check",
                "{\"options\": {\"m0\": [0.1, 0.5], \"lambda0\": 3, \"eta_rel\": \"0.05:1.9:50\"}}"));
        assertThat(j.get("seconds").asDouble()).isPositive();
        expected.remove("seconds");
        j.remove("seconds");
        assertThat(j).isEqualTo(expected);
    }

    @Test
    void figuresComeAsPngAndSvg() {
        String spec = "{\"options\": " + RUN_OPTIONS + ", \"chart\": \"%s\", \"format\": \"%s\"}";
        for (String chart : ViewCharts.NAMES) {
            HttpResponse<byte[]> png = server.post("figure", String.format(spec, chart, "png"));
            assertThat(png.statusCode()).as(chart).isEqualTo(200);
            assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            HttpResponse<byte[]> svg = server.post("figure", String.format(spec, chart, "svg"));
            assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                    "image/svg+xml"));
            assertThat(TestServer.text(svg)).contains("<svg");
        }
        HttpResponse<byte[]> phase = server.post("figure", "{\"chart\": \"phase\", \"format\": \"svg\", "
                + "\"options\": {\"eta\": \"0.2:1.6:16\", \"lambda0\": \"0.5:8:16\", \"steps\": 500}}");
        assertThat(TestServer.text(phase)).startsWith("<svg").contains("data:image/png;base64,");
        assertThat(TestServer.json(server.post("figure", String.format(spec, "nope", "png"))).get("error").asText())
                .startsWith("chart must be one of loss, sharpness");
    }

    @Test
    void thePageAndUplotAreServedFromTheJar() {
        HttpResponse<byte[]> page = server.get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(TestServer.text(page)).contains("<title>eoslab explorer</title>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c)
                .contains("default-src 'self'"));
        assertThat(TestServer.text(server.get("vendor/uPlot.iife.min.js"))).contains("uPlot");
        assertThat(server.get("app.js").statusCode()).isEqualTo(200);
        assertThat(server.get("../pom.xml").statusCode()).isEqualTo(404);
        assertThat(server.get("nothing.html").statusCode()).isEqualTo(404);
        assertThat(server.get("api/run").statusCode()).isEqualTo(405);
        HttpResponse<byte[]> unknown = server.post("nope", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestServer.json(unknown).get("error").asText()).startsWith("no endpoint /api/nope");
    }

    private static void assertSeriesEqualsCsv(JsonNode series, String csv) throws IOException {
        List<CSVRecord> rows = records(csv);
        Iterator<String> names = series.fieldNames();
        List<String> header = new ArrayList<>();
        names.forEachRemaining(header::add);
        assertThat(header).containsExactlyElementsOf(rows.get(0).getParser().getHeaderNames());
        for (String name : header) {
            assertThat(series.get(name)).hasSize(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r).get(name);
                JsonNode v = series.get(name).get(r);
                if (cell.isEmpty()) {
                    assertThat(v.isNull()).isTrue();
                } else {
                    assertThat(v.asDouble()).as(name + " row " + r).isEqualTo(Double.parseDouble(cell));
                }
            }
        }
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return p.getRecords();
        }
    }
}
