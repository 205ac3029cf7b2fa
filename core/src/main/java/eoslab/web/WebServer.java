package eoslab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eoslab.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The explorer's HTTP server (the JDK's {@code com.sun.net.httpserver}): the page's static files at {@code /} and the
 * {@link Api} at {@code /api/NAME} (POST with a JSON body; {@code schema} also GET). Bound to a loopback address
 * unless another one is given explicitly; every request must carry this server's {@code Host} (and, when present,
 * {@code Origin}); bodies are limited in size and at most {@link Limits#maxConcurrent()} API requests compute at
 * once (further ones get 429).
 */
public final class WebServer implements AutoCloseable {
    /**
     * Where to listen.
     *
     * @param bind       the address
     * @param port       the port (0: any free port)
     * @param explicit   the address was given explicitly ({@code --bind}): only then may it be a non-loopback one
     * @param extraHosts further names accepted in the Host header
     */
    public record Settings(InetAddress bind, int port, boolean explicit, List<String> extraHosts) {
        /** Loopback (127.0.0.1) on the given port. */
        public static Settings loopback(int port) {
            return new Settings(InetAddress.getLoopbackAddress(), port, false, List.of());
        }
    }

    static {
        // answers go out at once: without TCP_NODELAY, a reply written as headers then body waits for the client's
        // delayed ACK (40 ms on Linux) on kept-alive connections. Read once, when the JDK's server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Api api;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Semaphore computing;
    private final HostCheck hosts;
    private final StaticFiles files = new StaticFiles();

    private WebServer(Api api, Settings settings) throws IOException {
        if (!settings.bind().isLoopbackAddress() && !settings.explicit()) {
            throw new IllegalArgumentException("refusing to bind to " + settings.bind().getHostAddress()
                    + ": not a loopback address (give --bind " + settings.bind().getHostAddress()
                    + " to expose the server)");
        }
        if (settings.port() < 0 || settings.port() > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + settings.port());
        }
        this.api = api;
        this.computing = new Semaphore(api.limits().maxConcurrent());
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(api.limits().maxConcurrent() + 4, r -> {
            Thread t = new Thread(r, "eoslab-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::exchange);
        this.hosts = new HostCheck(settings.bind(), server.getAddress().getPort(), settings.extraHosts());
        server.start();
    }

    /**
     * Starts a server.
     *
     * @throws IllegalArgumentException for a non-loopback address not given explicitly, or a bad port
     * @throws IOException              when the address cannot be bound
     */
    public static WebServer start(Api api, Settings settings) throws IOException {
        return new WebServer(api, settings);
    }

    /** The bound address and port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's address, {@code http://HOST:PORT/}. */
    public URI url() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isLoopbackAddress() && a.getAddress().length == 4 ? "127.0.0.1"
                : a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
    }

    /** Stops listening and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void exchange(HttpExchange ex) {
        try (ex) {
            if (!hosts.host(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, Reply.error(new ApiException(ApiException.FORBIDDEN, "forbidden Host header '"
                        + ex.getRequestHeaders().getFirst("Host") + "': this server answers only to its own "
                        + "address (see serve --allow-host)")));
                return;
            }
            if (!hosts.origin(ex.getRequestHeaders().getFirst("Origin"))) {
                send(ex, Reply.error(new ApiException(ApiException.FORBIDDEN, "forbidden Origin '"
                        + ex.getRequestHeaders().getFirst("Origin") + "'")));
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/api/")) {
                send(ex, api(ex, path.substring("/api/".length())));
            } else {
                page(ex, path);
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private Reply api(HttpExchange ex, String endpoint) throws IOException {
        String method = ex.getRequestMethod();
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (endpoint.equals("schema") && get) {
            return api.handle("schema", Map.of());
        }
        if (!method.equals("POST")) {
            return Reply.error(new ApiException(ApiException.METHOD_NOT_ALLOWED, "use POST with a JSON body for /api/"
                    + endpoint));
        }
        Map<String, Object> body;
        try {
            body = body(ex);
        } catch (ApiException e) {
            return Reply.error(e);
        }
        if (!computing.tryAcquire()) {
            return Reply.error(new ApiException(ApiException.BUSY, "busy: " + api.limits().maxConcurrent()
                    + " requests are already computing; retry shortly"));
        }
        try {
            return api.handle(endpoint, body);
        } finally {
            computing.release();
        }
    }

    private Map<String, Object> body(HttpExchange ex) throws IOException {
        int max = api.limits().maxBodyBytes();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    throw tooLarge(max);
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bad Content-Length");
            }
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = ex.getRequestBody()) {
            byte[] chunk = new byte[8192];
            for (int r; (r = in.read(chunk)) > 0; ) {
                if (buf.size() + r > max) {
                    throw tooLarge(max);
                }
                buf.write(chunk, 0, r);
            }
        }
        if (buf.size() == 0) {
            return new LinkedHashMap<>();
        }
        Object value;
        try {
            value = Json.mapper().readValue(buf.toByteArray(), Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + Api.firstLine(
                    e.getOriginalMessage()));
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(ApiException.TOO_LARGE, "the request body is larger than " + max + " bytes");
    }

    private void page(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(ex, Reply.error(new ApiException(ApiException.METHOD_NOT_ALLOWED, "only GET serves the page")));
            return;
        }
        StaticFiles.File f = files.get(path);
        if (f == null) {
            send(ex, Reply.error(new ApiException(ApiException.NOT_FOUND, "no such page: " + path)));
            return;
        }
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        write(ex, 200, f.type(), f.bytes());
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        write(ex, reply.status(), reply.contentType(), reply.body());
    }

    private static void write(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
