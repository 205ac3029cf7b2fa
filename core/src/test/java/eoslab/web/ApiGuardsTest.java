package eoslab.web;

import eoslab.EoslabTest;
import eoslab.cli.CommandOptionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the API refuses: bad input (400 with exactly the CLI's message), files, oversized bodies, work over the limits,
 * requests past the time limit or beyond the concurrency limit, foreign Host and Origin headers; and where it listens.
 */
class ApiGuardsTest extends EoslabTest {
    private static TestServer server;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new TestServer(Limits.server().withMaxSteps(200_000).withMaxCells(100_000).withMaxBodyBytes(4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each row: endpoint, the command's arguments (space-separated); the API must say what the CLI says. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run|--m0 0.1 --lambda0 5",
        "run|--m0 0.1 --lambda0 5 --eta -1",
        "run|--m0 1 --lambda0 1 --eta 0.1 --width 3 --scale 1",
        "run|--m0 1 --lambda0 0.5 --eta 0.1",
        "run|--m0 0.1 --lambda0 5 --eta 0.1 --bogus 3",
        "run|--m0 x --lambda0 5 --eta 0.1",
        "run|--m0 0 --lambda0 0 --eta-rel 1 --phi 0",
        "run|--a 1,2 --b 1 --eta 0.1",
        "compare|--m0 0.1 --lambda0 5 --eta-rel 1.3 --every 0",
        "compare|--scale 0.1 --eta 0.1 --engine warp",
        "flow|--m0 0.1 --lambda0 5 --method rk4",
        "flow|--m0 0.1 --lambda0 5 --tol 0",
        "sweep|--eta 0.1:1:x --lambda0 1:2:3",
        "sweep|--eta 0.1:1:3 --lambda0 1:2:3 --scale 1",
        "sweep|--eta 0.1:1:3 --m0 1 --lambda0 1:2:3",
        "phase|--eta 0.2:1.6:16 --lambda0 1",
        "phase|--eta 0.2:1.6:16 --lambda0 1:2:4 --m0 0:1:4",
        "check|--m0 0.5 --lambda0 0.1",
        "check|--eta-rel -1",
    })
    void badInputIsA400WithTheCliMessage(String endpoint, String args) {
        String[] a = args.split(" ");
        List<String> cli = new ArrayList<>(List.of(endpoint));
        cli.addAll(List.of(a));
        if (endpoint.equals("sweep")) {
            cli.addAll(List.of("--out", dir.resolve("never.csv").toString()));
        }
        TestServer.Cli expected = TestServer.cli(cli.toArray(new String[0]));
        assertThat(expected.code()).isEqualTo(2);
        HttpResponse<byte[]> r = server.post(endpoint, "{\"args\": " + json(a) + "}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
        assertThat(TestServer.json(r).get("error").asText()).isEqualTo(expected.message());
    }

    @Test
    void optionsGiveTheSameMessagesAsArguments() {
        TestServer.Cli expected = TestServer.cli("run", "--m0", "0.1", "--lambda0", "5", "--eta", "0.1", "--bogus",
                "3");
        HttpResponse<byte[]> r = server.post("run", "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.1, "
                + "\"bogus\": 3}}");
        assertThat(TestServer.json(r).get("error").asText()).isEqualTo(expected.message());
    }

    @Test
    void badSpecificationsAndBodiesAre400() {
        assertThat(error("run", "{\"spec\": {\"model\": {\"family\": \"shallow\", \"phi\": 1}}}"))
                .isEqualTo("spec.stop is missing");
        assertThat(error("run", "{\"spec\": 3}")).isEqualTo("spec must be a JSON object");
        assertThat(error("run", "[1, 2]")).isEqualTo("the request body must be a JSON object");
        assertThat(error("run", "{\"options\": ")).startsWith("the request body is not valid JSON");
        assertThat(error("run", "{}")).isEqualTo("give the run as options (an object), args (an array) or spec "
                + "(its JSON form)");
        assertThat(error("run", "{\"args\": [1]}")).isEqualTo("args must be a JSON array of strings");
        assertThat(error("run", "{\"args\": [], \"options\": {}}")).isEqualTo("give one of spec, options and args, "
                + "not 2");
        assertThat(error("run", "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.1}, \"format\": \"xml\"}"))
                .isEqualTo("format must be one of json, csv, f64, got 'xml'");
        assertThat(error("phase", "{\"options\": {\"eta\": \"0.2:1.6:16\", \"lambda0\": \"1:2:4\"}, "
                + "\"cell\": [16, 0]}")).isEqualTo("cell must be [ix, iy] with 0 <= ix < 16 and 0 <= iy < 4");
    }

    @Test
    void noFileCanBeNamed() {
        assertThat(error("run", "{\"options\": {\"data\": \"/etc/passwd\", \"m0\": 0, \"lambda0\": 1, "
                + "\"eta\": 0.1}}")).isEqualTo("--data is not available through the API: it does not read files "
                + "(give --phi, --target-spectrum or --sparse)");
        assertThat(error("run", "{\"args\": [\"--model\", \"linear\", \"--depth\", \"2\", \"--target\", "
                + "\"/etc/passwd\", \"--eta\", \"0.1\"]}")).startsWith("--target is not available through the API");
        assertThat(error("run", "{\"args\": [\"--model\", \"linear\", \"--depth\", \"2\", \"--phi\", \"1\", "
                + "\"--theta=/etc/passwd\", \"--eta\", \"0.1\"]}")).startsWith("--theta is not available");
        assertThat(error("compare", "{\"spec\": {\"model\": {\"family\": \"linear\", \"depth\": 2, "
                + "\"target\": \"/etc/passwd\"}, \"start\": {\"init\": \"layers\", \"scales\": [0.1], "
                + "\"seed\": 1}, \"eta\": {\"eta\": 0.1}, \"stop\": {\"steps\": 10, \"tol\": 1e-12}}}"))
                .startsWith("the API does not read files");
        assertThat(error("run", "{\"args\": [\"--data=/etc/passwd\", \"--m0\", \"0\"]}")).startsWith(
                "--data is not available");
        assertThat(error("run", "{\"spec\": {\"model\": {\"family\": \"shallow\", \"data\": \"/etc/passwd\"}, "
                + "\"start\": {\"init\": \"canonical\", \"m0\": 0, \"lambda0\": 1}, \"eta\": {\"eta\": 0.1}, "
                + "\"stop\": {\"steps\": 10, \"tol\": 1e-12}}}")).isEqualTo(
                "the API does not read files (spec.model.data, spec.model.target, spec.start.theta): give phi, "
                + "target_spectrum or sparse");
        assertThat(error("compare", "{\"options\": {\"m0\": 0, \"lambda0\": 1, \"eta\": 0.1, \"out\": \"x.csv\"}}"))
                .isEqualTo("--out is not available through the API: results come back in the reply");
        assertThat(error("sweep", "{\"args\": [\"--eta\", \"0.1\", \"--lambda0\", \"1\", \"--resume\"]}"))
                .startsWith("--resume is not available");
        assertThat(error("phase", "{\"options\": {\"eta\": \"0.2:1.6:16\", \"lambda0\": \"1:2:4\", "
                + "\"certify\": 5}}")).isEqualTo("--certify is not available through the API (use the CLI)");
    }

    @Test
    void oversizedBodiesAre413() {
        String big = "{\"args\": [\"" + "x".repeat(5000) + "\"]}";
        HttpResponse<byte[]> r = server.post("run", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(TestServer.json(r).get("error").asText()).isEqualTo("the request body is larger than 4096 bytes");
    }

    @Test
    void workBeyondTheLimitsIsRefusedBeforeItStarts() {
        assertThat(error("run", "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.1, \"steps\": 300000}}"))
                .isEqualTo("work limit: --steps is 300000, at most 200000 per request (use the CLI for longer runs)");
        assertThat(error("run", "{\"options\": {\"width\": 2000000, \"scale\": 0.1, \"eta\": 0.1}}"))
                .startsWith("work limit: the width is 2000000, at most 1000000");
        assertThat(error("run", "{\"options\": {\"width\": 10000, \"scale\": 0.1, \"eta\": 0.1, \"steps\": 200000, "
                + "\"engine\": \"vector\"}}")).isEqualTo("work limit: steps × width on the vector engine is 2000000000, "
                + "at most 1000000000 per request (use --engine auto)");
        assertThat(error("phase", "{\"options\": {\"eta\": \"0.2:1.6:400\", \"lambda0\": \"0.5:8:400\"}}"))
                .isEqualTo("work limit: the number of cells is 160000, at most 100000 per request (ask for tiles, "
                        + "or use the CLI)");
        assertThat(error("sweep", "{\"options\": {\"eta\": \"0.1:1:1000\", \"lambda0\": \"1:5:101\"}}"))
                .startsWith("work limit: the number of runs is 101000, at most 100000");
        assertThat(error("compare", "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.1, \"steps\": 200000}, "
                + "\"series\": true}")).isEqualTo("work limit: the number of trajectory rows is 200002, at most "
                + "200000 per request (give a larger every (--every))");
    }

    @Test
    void aRequestStopsAtTheTimeLimitAndTheServerRefusesMoreThanItsConcurrency() throws Exception {
        Limits tight = Limits.server().withTimeLimit(Duration.ofMillis(1500)).withMaxConcurrent(1);
        try (TestServer slow = new TestServer(tight)) {
            // 90 000 runs of exactly 2·10⁵ steps each (tol 0: none stops early): minutes of work, far more than 1.5 s
            HttpRequest long1 = HttpRequest.newBuilder(slow.base.resolve("api/sweep"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"options\": {\"eta\": \"0.99:1.0:300\", "
                            + "\"lambda0\": \"1.9:2.1:300\", \"steps\": 200000, \"tol\": 0}}")).build();
            long t0 = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> TestServer.send(long1));
            Thread.sleep(400);
            HttpResponse<byte[]> second = slow.post("run", "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.1}}");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(TestServer.json(second).get("error").asText()).startsWith("busy: 1 requests are already "
                    + "computing");
            HttpResponse<byte[]> r = first.get();
            double seconds = (System.nanoTime() - t0) * 1e-9;
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(r).get("error").asText()).startsWith("time limit: the request ran longer than "
                    + "1.5 s");
            assertThat(seconds).isLessThan(6);
            assertThat(slow.post("run", "{\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta\": 0.1}}").statusCode())
                    .isEqualTo(200);
        }
        // a single long run stops too: 10⁶ vector steps of width 1000 take far more than 50 ms
        try (TestServer quick = new TestServer(Limits.server().withTimeLimit(Duration.ofMillis(50)))) {
            HttpResponse<byte[]> run = quick.post("run", "{\"options\": {\"width\": 1000, \"scale\": 0.01, "
                    + "\"eta\": 0.01, \"steps\": 1000000, \"tol\": 0, \"engine\": \"vector\"}}");
            assertThat(run.statusCode()).isEqualTo(503);
            assertThat(TestServer.json(run).get("error").asText()).startsWith("time limit");
        }
    }

    @Test
    void aForeignHostOrOriginIsRefused() throws IOException {
        int port = server.server.address().getPort();
        assertThat(rawStatus("localhost:" + port, null)).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:" + port, null)).isEqualTo(200);
        assertThat(rawStatus("[::1]:" + port, null)).isEqualTo(200);
        assertThat(rawStatus("evil.example:" + port, null)).isEqualTo(403);
        assertThat(rawStatus("evil.example", null)).isEqualTo(403);
        assertThat(rawStatus("localhost:" + (port + 1), null)).isEqualTo(403);
        assertThat(rawStatus(null, null)).isIn(400, 403);
        assertThat(rawStatus("127.0.0.1:" + port, "http://127.0.0.1:" + port)).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:" + port, "http://evil.example")).isEqualTo(403);
        assertThat(rawStatus("127.0.0.1:" + port, "null")).isEqualTo(403);
    }

    @Test
    void theServerListensOnLoopbackOnlyUnlessAnAddressIsGivenExplicitly() throws IOException {
        assertThat(server.server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.base.getHost()).isEqualTo("127.0.0.1");
        Api api = new Api(new CommandOptionReader(), Limits.server());
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> WebServer.start(api, new WebServer.Settings(any, 0, false, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to bind to 0.0.0.0: not a loopback address (give --bind 0.0.0.0 to expose the "
                        + "server)");
        assertThatThrownBy(() -> WebServer.start(api, WebServer.Settings.loopback(70000)))
                .hasMessage("--port must be between 0 and 65535, got 70000");
    }

    private static String error(String endpoint, String body) {
        HttpResponse<byte[]> r = server.post(endpoint, body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        return TestServer.json(r).get("error").asText();
    }

    private static String json(String[] a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(a[i]).append('"');
        }
        return sb.append(']').toString();
    }

    /** The status of GET /api/schema sent by hand with the given Host (null: none) and Origin headers. */
    private static int rawStatus(String host, String origin) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.server.address().getPort())) {
            s.setSoTimeout(10_000);
            String req = "GET /api/schema HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Connection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
