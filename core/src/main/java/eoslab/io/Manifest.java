package eoslab.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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
     * @param spec       the specification that reruns the result (JSON form), or null
     */
    public static Map<String, Object> of(List<String> command, Map<String, Object> parameters,
                                         Map<String, Object> spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "eoslab");
        m.put("version", version());
        String commit = gitCommit();
        if (commit != null) {
            m.put("git_commit", commit);
        }
        m.put("command", "./eoslab " + String.join(" ", command.stream().map(Manifest::quote).toList()));
        m.put("argv", command);
        m.put("parameters", parameters);
        if (spec != null) {
            m.put("spec", spec);
        }
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vendor", System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("time", Instant.now().toString());
        return m;
    }

    /**
     * The git commit of the checkout eoslab runs from (the directory of its jar, or of its classes), with
     * {@code -dirty} when the checkout has uncommitted changes; null when there is none or git is missing. Computed
     * once per process.
     */
    public static String gitCommit() {
        return GitCommit.VALUE;
    }

    /** Holder of the lazily computed commit. */
    private static final class GitCommit {
        static final String VALUE = compute();

        private static String compute() {
            try {
                Path where = Path.of(Manifest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path dir = Files.isDirectory(where) ? where : where.getParent();
                String head = git(dir, "rev-parse", "HEAD");
                if (head == null || !head.matches("[0-9a-f]{40}")) {
                    return null;
                }
                String status = git(dir, "status", "--porcelain", "--untracked-files=no");
                return status == null || status.isEmpty() ? head : head + "-dirty";
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }

        private static String git(Path dir, String... args) {
            try {
                List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
                cmd.addAll(List.of(args));
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return null;
                }
                return out;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** The manifest path of a result file: {@code FILE.manifest.json}. */
    public static Path pathFor(Path result) {
        return result.resolveSibling(result.getFileName() + ".manifest.json");
    }

    /** The text of a result file's manifest (pretty JSON and a newline). */
    public static String text(List<String> command, Map<String, Object> parameters, Map<String, Object> spec) {
        return Json.pretty(of(command, parameters, spec)) + "\n";
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
