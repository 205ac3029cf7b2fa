package eoslab.cli;

import eoslab.EoslabTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The array-job script of docs/cluster.md, run as a scheduler would: one process per task id (SLURM's 0-based ids and
 * SGE's 1-based ones), then its merge step; the merged files equal a single run's.
 */
class ClusterRecipeTest extends EoslabTest {
    private static final Path SCRIPT = Path.of("..", "docs", "cluster", "eoslab-array.sh").toAbsolutePath();
    private static final String ARGS = "atlas --eta 0.2:1.6:40 --m0 -0.3:0.3:3 --lambda0 1:7:5 --steps 800 --slices 2 "
            + "--gif-frames 3";
    private static final int N = 4;

    @TempDir
    Path dir;

    @Test
    void arrayTasksThenMergeGiveTheSingleRunsFiles() throws IOException, InterruptedException {
        assertThat(SCRIPT).isRegularFile();
        Path single = Files.createDirectory(dir.resolve("single"));
        CliRun one = CliRun.of((ARGS + " --out " + single.resolve("atlas")).split(" "));
        assertThat(one.code()).as(one.err()).isZero();
        Path out = dir.resolve("cluster").resolve("atlas");
        for (int i = 0; i < N; i++) {
            // even tasks as SLURM numbers them (0-based), odd ones as SGE does (1-based)
            Map<String, String> id = i % 2 == 0 ? Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(i))
                    : Map.of("SGE_TASK_ID", Integer.toString(i + 1));
            assertThat(script(out, id, "part", "task" + i)).isZero();
        }
        assertThat(script(out, Map.of(), "merge", "merge")).isZero();
        Map<String, byte[]> expected = results(single);
        Map<String, byte[]> got = results(out.getParent());
        assertThat(got.keySet()).isEqualTo(expected.keySet()).hasSizeGreaterThan(5);
        for (String name : expected.keySet()) {
            assertThat(got.get(name)).as(name).isEqualTo(expected.get(name));
        }
        assertThat(script(dir.resolve("other").resolve("x"), Map.of(), "part", "no-id")).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("no-id.log"))).startsWith("error: no array task id");
    }

    private int script(Path out, Map<String, String> id, String mode, String log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), mode);
        Map<String, String> env = pb.environment();
        for (String v : List.of("SLURM_ARRAY_TASK_ID", "PBS_ARRAY_INDEX", "PBS_ARRAYID", "SGE_TASK_ID", "LSB_JOBINDEX",
                "SLURM_CPUS_PER_TASK", "NCPUS", "NSLOTS")) {
            env.remove(v);
        }
        env.putAll(id);
        env.put("N", Integer.toString(N));
        env.put("EOSLAB", Path.of(System.getProperty("java.home"), "bin", "java") + " -Djava.awt.headless=true -cp "
                + System.getProperty("java.class.path") + " eoslab.cli.Main");
        env.put("EOSLAB_ARGS", ARGS);
        env.put("OUT", out.toString());
        File logFile = dir.resolve(log + ".log").toFile();
        Process p = pb.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(logFile).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static Map<String, byte[]> results(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".manifest.json") && !name.endsWith(".part")) {
                    m.put(name, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }
}
