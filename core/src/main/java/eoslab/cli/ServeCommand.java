package eoslab.cli;

import eoslab.web.Api;
import eoslab.web.Limits;
import eoslab.web.WebServer;
import java.awt.Desktop;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eoslab serve}: the explorer page and the JSON API on a local HTTP server. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The explorer in the browser and the JSON API, on this machine only.",
        description = {"Serves the explorer page at http://127.0.0.1:PORT/ and the JSON API under /api/ (run, flow, "
                + "compare, sweep, phase, check, figure, schema), bound to the loopback interface.",
                "Every request must name this server in its Host header (against DNS rebinding); request bodies, "
                + "steps, cells, runs and time per request are limited; the API reads and writes no files.",
                "Prints the address on the first line of standard output and runs until interrupted."})
final class ServeCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8765",
            description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Listen on this address instead of 127.0.0.1; a non-loopback address exposes the server "
                    + "to the network and is only used when given here (with a warning).")
    String bind;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = "Further names accepted in the Host header (e.g. behind a proxy; default: loopback names "
                    + "and the bound address only).")
    List<String> allowHosts;

    @Option(names = "--open", description = "Open the page in the desktop's browser.")
    boolean open;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000000",
            description = "Most steps of one run (or of each run of a sweep, check or phase map) "
                    + "(default ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "1048576",
            description = "Most phase-map cells computed by one request (default ${DEFAULT-VALUE}).")
    long maxCells;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest time one request may compute (default ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "4",
            description = "Most requests computing at once; further ones are answered 429 (default ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--exit-with-stdin", hidden = true,
            description = "Stop when standard input closes (for a parent process that owns the server).")
    boolean exitWithStdin;

    @Override
    public Integer call() throws IOException, InterruptedException {
        requireAtLeast("--max-steps", maxSteps, 1);
        requireAtLeast("--max-cells", maxCells, 1);
        requireAtLeast("--max-concurrent", maxConcurrent, 1);
        if (!(timeLimit > 0) || Double.isInfinite(timeLimit)) {
            throw new UsageException("--time-limit must be a finite positive number, got " + timeLimit);
        }
        InetAddress address;
        try {
            address = bind == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: unknown address '" + bind + "'");
        }
        if (!address.isLoopbackAddress()) {
            err().println("warning: listening on " + address.getHostAddress() + " exposes the explorer and its API "
                    + "beyond this machine; anyone who can reach it can make it compute");
            err().flush();
        }
        Limits limits = Limits.server().withMaxSteps(maxSteps).withMaxCells(maxCells).withMaxConcurrent(maxConcurrent)
                .withTimeLimit(Duration.ofMillis(Math.max(1, Math.round(timeLimit * 1000))));
        WebServer server;
        try {
            server = WebServer.start(new Api(new CommandOptionReader(), limits),
                    new WebServer.Settings(address, port, bind != null, allowHosts == null ? List.of() : allowHosts));
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage() + " (give another --port, or 0 for any free one)");
        }
        out().println("eoslab serve: " + server.url());
        out().flush();
        if (open) {
            browse(server);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (exitWithStdin) {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // the parent keeps the pipe open while it wants the server
            }
            server.close();
            return 0;
        }
        stopped.await();
        return 0;
    }

    private void browse(WebServer server) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(server.url());
                return;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // fall through to the hint
        }
        err().println("open " + server.url() + " in a browser (no desktop browser found)");
        err().flush();
    }
}
