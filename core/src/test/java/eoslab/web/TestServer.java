package eoslab.web;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.cli.CommandOptionReader;
import eoslab.cli.Main;
import eoslab.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A server on a free loopback port for tests, an HTTP client for it, and in-process CLI runs to compare with. */
final class TestServer implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final WebServer server;
    final URI base;

    TestServer(Limits limits) {
        try {
            server = WebServer.start(new Api(new CommandOptionReader(), limits), WebServer.Settings.loopback(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = server.url();
    }

    static TestServer start() {
        return new TestServer(Limits.server());
    }

    /** POSTs a JSON body to /api/NAME. */
    HttpResponse<byte[]> post(String endpoint, String json) {
        return send(HttpRequest.newBuilder(base.resolve("api/" + endpoint)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** GETs a path. */
    HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    static HttpResponse<byte[]> send(HttpRequest r) {
        try {
            return CLIENT.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return json(new String(r.body(), StandardCharsets.UTF_8));
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /**
     * One in-process CLI run.
     *
     * @param code exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Cli(int code, String out, String err) {
        /** The message of an error run, without "error: ". */
        String message() {
            return err.strip().replaceFirst("^error: ", "");
        }
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
