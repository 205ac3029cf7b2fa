package eoslab.io;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link Manifest}: every provenance field, in order, with the command line quoted for a POSIX shell. */
class ManifestTest extends EoslabTest {
    @TempDir
    Path dir;

    private static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phi", 1.0);
        p.put("seed", 42L);
        return p;
    }

    @Test
    void hasEveryFieldInOrder() {
        List<String> argv = List.of("run", "--m0", "0.1", "--out", "my file.csv", "--label", "it's", "--x=a,b/c:d");
        Map<String, Object> spec = Map.of("engine", "auto");
        Instant before = Instant.now();
        Map<String, Object> m = Manifest.of(argv, parameters(), spec);
        Instant after = Instant.now();
        List<String> keys = new ArrayList<>(List.of("tool", "version", "command", "argv", "parameters", "spec",
                "java_version", "java_vendor", "os", "time"));
        if (m.containsKey("git_commit")) {
            keys.add(2, "git_commit");
            assertThat((String) m.get("git_commit")).matches("[0-9a-f]{40}(-dirty)?");
        }
        assertThat(m.keySet()).containsExactlyElementsOf(keys);
        assertThat(m.get("tool")).isEqualTo("eoslab");
        assertThat(m.get("version")).isEqualTo(Manifest.version()).asString().matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(m.get("command")).isEqualTo(
                "./eoslab run --m0 0.1 --out 'my file.csv' --label 'it'\\''s' --x=a,b/c:d");
        assertThat(m.get("argv")).isEqualTo(argv);
        assertThat(m.get("parameters")).isEqualTo(parameters());
        assertThat(m.get("spec")).isEqualTo(spec);
        assertThat(m.get("java_version")).isEqualTo(System.getProperty("java.version"));
        assertThat(m.get("java_vendor")).isEqualTo(System.getProperty("java.vendor"));
        assertThat(m.get("os")).isEqualTo(System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Instant t = Instant.parse((String) m.get("time"));
        assertThat(t).isBetween(before, after);
    }

    @Test
    void withoutASpecThereIsNoSpecField() {
        assertThat(Manifest.of(List.of("phase"), parameters(), null)).doesNotContainKey("spec")
                .containsEntry("command", "./eoslab phase");
    }

    @Test
    void theManifestOfAFileLivesBesideIt() {
        assertThat(Manifest.pathFor(Path.of("out", "map.csv"))).isEqualTo(Path.of("out", "map.csv.manifest.json"));
        assertThat(Manifest.pathFor(Path.of("traj"))).isEqualTo(Path.of("traj.manifest.json"));
    }

    @Test
    void textIsPrettyJsonNamedBesideTheResult() throws Exception {
        Path result = dir.resolve("run.csv");
        assertThat(Manifest.pathFor(result)).isEqualTo(dir.resolve("run.csv.manifest.json"));
        String text = Manifest.text(List.of("run", "--eta", "0.1"), parameters(), null);
        assertThat(text).endsWith("}\n");
        assertThat(text.lines().count()).isGreaterThan(8);
        JsonNode j = Json.mapper().readTree(text);
        assertThat(j.get("command").asText()).isEqualTo("./eoslab run --eta 0.1");
        assertThat(j.get("parameters").get("seed").asLong()).isEqualTo(42L);
        assertThat(j.get("argv").size()).isEqualTo(3);
        assertThat(Files.exists(result)).as("nothing is written").isFalse();
    }
}
