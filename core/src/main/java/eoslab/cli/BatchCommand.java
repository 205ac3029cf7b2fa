package eoslab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import eoslab.io.Json;
import eoslab.web.Api;
import eoslab.web.Limits;
import eoslab.web.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code eoslab batch}: one request per line in, one JSON result per line out, in one JVM. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Many runs in one JVM: one JSON request per line in, one JSON result per line out.",
        description = {"Each line of FILE.jsonl (or of standard input) is one JSON object: {\"command\": \"run\", "
                + "\"options\": {\"m0\": 0.1, \"lambda0\": 5, \"eta_rel\": 1.3}}, with the command run (default), "
                + "compare, flow, sweep, phase or check and its specification as options (long option names, _ for "
                + "-), args (an array of arguments) or spec (the JSON form of a run or flow); a bare run "
                + "specification {\"model\": …} is a run.",
                "Each result line is {\"line\": N, …} with the fields of the API's reply (command, spec, summary: "
                + "what --json prints), in input order. A bad line gives {\"line\": N, \"error\": message} with "
                + "the CLI's message, and the batch goes on; blank lines and lines starting with # are skipped.",
                "Exit code 0 when every line ran, 2 when some line was bad (after all lines ran)."})
final class BatchCommand extends BaseCommand {
    private static final List<String> COMMANDS = List.of("run", "compare", "flow", "sweep", "phase", "check");

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.jsonl",
            description = "The requests, one per line (default, or -: standard input).")
    Path file;

    @Override
    public Integer call() throws IOException {
        Api api = new Api(new CommandOptionReader(), Limits.local());
        int bad = 0;
        int lines = 0;
        try (BufferedReader in = reader()) {
            int n = 0;
            for (String text; (text = in.readLine()) != null; ) {
                n++;
                String t = text.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                lines++;
                Map<String, Object> result = line(api, n, t);
                bad += result.containsKey("error") ? 1 : 0;
                out().println(Json.compact(result));
                out().flush();
            }
        }
        if (bad > 0) {
            err().println("error: " + bad + " of " + lines + " lines failed (see their \"error\" objects)");
            err().flush();
            return 2;
        }
        return 0;
    }

    private BufferedReader reader() {
        if (file == null || file.toString().equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The result of one line: the API's reply with the line number first, or the error. */
    static Map<String, Object> line(Api api, int n, String text) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("line", n);
        Object value;
        try {
            value = Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            result.put("error", "line " + n + " is not valid JSON: " + Main.firstLine(e.getOriginalMessage()));
            return result;
        }
        if (!(value instanceof Map<?, ?> m)) {
            result.put("error", "line " + n + " must be a JSON object");
            return result;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = new LinkedHashMap<>((Map<String, Object>) m);
        String command = "run";
        if (request.containsKey("model")) {
            request = new LinkedHashMap<>(Map.of("spec", request));
        } else if (request.containsKey("command")) {
            if (!(request.remove("command") instanceof String c) || !COMMANDS.contains(c)) {
                result.put("error", "command must be one of " + String.join(", ", COMMANDS));
                return result;
            }
            command = c;
        }
        if (request.containsKey("format")) {
            result.put("error", "format: batch mode writes JSON only");
            return result;
        }
        Reply reply = api.handle(command, request);
        result.putAll(reply.json());
        return result;
    }
}
