package eoslab.cli;

import eoslab.EoslabTest;
import eoslab.io.OutputSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output policy of every writing command (README "Outputs"): existing outputs refused without --force (the message
 * says so, nothing is touched) and replaced with it; symbolic links written through; devices written to, never
 * replaced; a full disk named with the file, leaving nothing.
 */
class OutputPolicyTest extends EoslabTest {
    @TempDir
    Path dir;

    /** Each writing command, with OUT standing for the output path it is given. */
    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("run", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--steps", "50", "--out", "OUT.csv"),
                List.of("compare", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--steps", "50", "--out", "OUT.csv"),
                List.of("flow", "--m0", "0.1", "--lambda0", "3", "--out", "OUT.csv"),
                List.of("sweep", "--eta", "0.1:0.5:3", "--lambda0", "1", "--steps", "50", "--out", "OUT.csv"),
                List.of("sweep", "--eta", "0.1:0.5:3", "--lambda0", "1", "--steps", "50", "--tile", "0/2", "--out",
                        "OUT.csv"),
                List.of("phase", "--eta", "0.2:1:4", "--lambda0", "1:2:3", "--steps", "50", "--out", "OUT"),
                List.of("atlas", "--eta", "0.2:1:3", "--lambda0", "1:2:3", "--phi", "0.5:1:2", "--steps", "50",
                        "--slices", "1", "--gif-frames", "1", "--out", "OUT"),
                List.of("bifurcation", "--eta", "0.9:1.2:3", "--lambda0", "1", "--transient", "20", "--keep", "5",
                        "--out", "OUT"),
                List.of("check", "--m0", "0.1", "--lambda0", "3", "--eta-rel", "0.5:1:2", "--steps", "50", "--out",
                        "OUT.json"));
    }

    private static String[] args(List<String> command, Path out, String... more) {
        List<String> a = new ArrayList<>();
        for (String s : command) {
            a.add(s.replace("OUT", out.toString()));
        }
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void existingOutputsAreRefusedWithoutForceAndReplacedWithIt(List<String> command) throws IOException {
        Path out = dir.resolve("o");
        CliRun first = CliRun.of(args(command, out));
        assertThat(first.code()).as(first.err()).isZero();
        Map<String, byte[]> before = contents();
        assertThat(before).isNotEmpty();
        assertThat(before.keySet()).noneMatch(n -> n.endsWith(OutputSet.TEMP_SUFFIX));

        CliRun again = CliRun.of(args(command, out));
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.out()).isEmpty();
        assertThat(again.err().lines().toList()).singleElement().asString().startsWith("error: ")
                .contains("exists; give --force to replace it");
        Map<String, byte[]> after = contents();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));

        CliRun forced = CliRun.of(args(command, out, "--force"));
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(contents().keySet()).isEqualTo(before.keySet());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndKept() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        CliRun r = CliRun.of(args(List.of("run", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--out", "OUT"), link,
                "--force"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("step,time,loss");
        assertThat(dir.resolve("link.csv.manifest.json")).exists();
    }

    @Test
    void aDeviceIsWrittenToAndNeverReplaced() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("null.csv"), Path.of("/dev/null"));
        try {
            devices(link);
        } finally {
            Files.deleteIfExists(link); // ourselves: JUnit warns when it deletes a link out of its directory
        }
    }

    private void devices(Path link) throws IOException {
        for (List<String> command : List.of(
                List.of("run", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--out", "OUT"),
                List.of("sweep", "--eta", "0.1:0.5:3", "--lambda0", "1", "--steps", "50", "--out", "OUT"),
                List.of("check", "--m0", "0.1", "--lambda0", "3", "--eta-rel", "0.5", "--steps", "50", "--out", "OUT"))) {
            CliRun r = CliRun.of(args(command, link));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
            assertThat(contents().keySet()).as("no manifest for a device, no journal, no temporary")
                    .containsExactly("null.csv");
        }
    }

    @Test
    void reproduceRefusesANonEmptyDirectoryBeforeComputing() throws IOException {
        Path report = Files.createDirectory(dir.resolve("report"));
        Files.writeString(report.resolve("old.html"), "old");
        CliRun r = CliRun.of("reproduce", "--quick", "--out", report.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --out " + report + " is not empty; give --force to replace it\n");
        assertThat(CliRun.of("reproduce", "--quick", "--out", "").err())
                .isEqualTo("error: --out must name a directory, got ''\n");
        assertThat(CliRun.of("reproduce", "--quick", "--out", "/").code()).isEqualTo(2);
        assertThat(contents().keySet()).containsExactly("report");
    }

    @Test
    void aFullDiskIsNamedAndLeavesNothing() throws IOException, InterruptedException {
        Path mount = Files.createDirectory(dir.resolve("small"));
        boolean mounted = exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here");
        try {
            Path out = mount.resolve("r.csv");
            // a 2-cycle that never converges: 20000 rows, some 4 MB, into 64 kB
            CliRun r = CliRun.of(args(List.of("run", "--m0", "0", "--lambda0", "0.5", "--eta", "1.2", "--steps",
                    "20000", "--out", "OUT"), out));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("error: cannot write " + out + ": ").contains("No space left on device")
                    .doesNotContain("\n\n");
            assertThat(r.err().lines()).hasSize(1);
            try (Stream<Path> s = Files.list(mount)) {
                assertThat(s.toList()).as("nothing left on the full disk").isEmpty();
            }
            Path prefix = mount.resolve("p");
            CliRun p = CliRun.of("phase", "--eta", "0.2:1:200", "--lambda0", "1:2:100", "--steps", "50", "--out",
                    prefix.toString());
            assertThat(p.code()).isEqualTo(2);
            List<String> lines = p.err().lines().toList();
            assertThat(lines.get(lines.size() - 1)).as("the last line, after the progress")
                    .startsWith("error: cannot write " + mount).contains("No space left on device");
            assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> l.startsWith("progress: "));
            try (Stream<Path> s = Files.list(mount)) {
                assertThat(s.toList()).as("no first output without the rest").isEmpty();
            }
        } finally {
            exec("umount", mount.toString());
        }
    }

    private static boolean exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor() == 0;
    }
}
