package eoslab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Provenance of a result file: the command line, the full parameters and seeds, eoslab's version, the Java version and
 * the time. Written as {@code FILE.manifest.json} beside each result; rerunning {@code command} reproduces the file.
 */
public final class Manifest {
    private Manifest() {
    }

    /** eoslab's version, from the build. */
    public static String version() {
        try (InputStream in = Manifest.class.getResourceAsStream("/eoslab/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The manifest of one result.
     *
     * @param command    the subcommand and its arguments as typed
     * @param parameters the resolved parameters (insertion-ordered)
     */
    public static Map<String, Object> of(List<String> command, Map<String, Object> parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "eoslab");
        m.put("version", version());
        m.put("command", "./eoslab " + String.join(" ", command.stream().map(Manifest::quote).toList()));
        m.put("argv", command);
        m.put("parameters", parameters);
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("time", Instant.now().toString());
        return m;
    }

    /** The manifest path of a result file: {@code FILE.manifest.json}. */
    public static Path pathFor(Path result) {
        return result.resolveSibling(result.getFileName() + ".manifest.json");
    }

    /** Writes the manifest of a result file beside it (atomically). */
    public static void writeFor(Path result, List<String> command, Map<String, Object> parameters) {
        AtomicOutput.writeString(pathFor(result), Json.pretty(of(command, parameters)) + "\n");
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
