package eoslab.cli;

import eoslab.EoslabTest;
import eoslab.io.OutputSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C (SIGINT to a separate eoslab process) at seeded random points of long commands: nothing partial survives (no
 * output, no temporary file; a sweep keeps only its journal of whole tiles), and a resumed sweep writes the same bytes
 * as an uninterrupted one.
 */
class InterruptTest extends EoslabTest {
    private static final Random RANDOM = new Random(20261202L);

    @TempDir
    Path dir;

    private static Process start(Path workDir, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Sends SIGINT after a random delay and waits for the process to end; returns its exit code. */
    private static int interrupt(Process p, long minMillis, long maxMillis) throws IOException, InterruptedException {
        Thread.sleep(minMillis + RANDOM.nextLong(maxMillis - minMillis));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("eoslab did not stop after SIGINT");
        }
        return p.exitValue();
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void ctrlCDuringALongRunLeavesNothing() throws IOException, InterruptedException {
        for (String command : List.of("run", "compare")) {
            Path work = Files.createTempDirectory(dir, command);
            // a 2-cycle that never converges: minutes of work, a growing (hidden) output
            Process p = start(work, command, "--m0", "0", "--lambda0", "0.5", "--eta", "1.2", "--steps", "200000000",
                    "--every", "1000", "--out", "r.csv");
            int code = interrupt(p, 800, 3000);
            assertThat(code).as("%s was interrupted, not finished", command).isNotZero();
            assertThat(names(work)).as("after Ctrl-C of %s", command).isEmpty();
        }
    }

    @Test
    void ctrlCDuringAPhaseMapOrAReportLeavesNothing() throws IOException, InterruptedException {
        Path phase = Files.createTempDirectory(dir, "phase");
        Process p = start(phase, "phase", "--eta", "0.2:1.6:1500", "--lambda0", "0.5:8:1500", "--steps", "20000",
                "--out", "map");
        if (interrupt(p, 800, 3000) != 0) {
            assertThat(names(phase)).as("after Ctrl-C of phase").isEmpty();
        }
        Path report = Files.createTempDirectory(dir, "report");
        Process r = start(report, "reproduce", "--quick", "--out", "rep");
        if (interrupt(r, 1500, 6000) != 0) {
            assertThat(names(report)).as("after Ctrl-C of reproduce: no staging directory").isEmpty();
        } else {
            assertThat(names(report)).containsExactly("rep");
        }
    }

    @Test
    void ctrlCDuringASweepKeepsWholeTilesAndResumeIsIdentical() throws IOException, InterruptedException {
        String[] sweep = {"sweep", "--eta-rel", "0.1:1.9:6000", "--lambda0", "1:5:3", "--steps", "20000", "--threads",
            "2", "--out", "s.csv"};
        Path reference = Files.createTempDirectory(dir, "reference");
        Process whole = start(reference, sweep);
        assertThat(whole.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(whole.exitValue()).isZero();
        for (int attempt = 0; attempt < 2; attempt++) {
            Path work = Files.createTempDirectory(dir, "sweep");
            int code = interrupt(start(work, sweep), 1000, 3000);
            List<String> left = names(work);
            assertThat(left).as("temporaries after Ctrl-C").noneMatch(n -> n.endsWith(OutputSet.TEMP_SUFFIX));
            if (code == 0 || left.contains("s.csv")) {
                // finished, or interrupted after the commit: the whole output, and its journal gone with it
                assertThat(left).containsExactly("s.csv", "s.csv.manifest.json");
            } else {
                // interrupted before the first tile was journaled (JVM start-up), or during the sweep
                assertThat(left).as("no output without the rest: at most the journal").isSubsetOf("s.csv.parts");
                List<String> resume = new ArrayList<>(List.of(sweep));
                if (!left.isEmpty()) {
                    resume.add("--resume");
                }
                Process again = start(work, resume.toArray(String[]::new));
                assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(again.exitValue()).isZero();
            }
            assertThat(Files.readAllBytes(work.resolve("s.csv")))
                    .isEqualTo(Files.readAllBytes(reference.resolve("s.csv")));
            assertThat(names(work)).containsExactly("s.csv", "s.csv.manifest.json");
        }
    }
}
