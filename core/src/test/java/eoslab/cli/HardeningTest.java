package eoslab.cli;

import eoslab.EoslabTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of the hostile matrix of issue 13 that are not bad values of one option: sizes refused up front with the
 * size, what run refuses refused by every grid command with run's message, numeric edge cases of data files named,
 * the zero problem as an outcome, and non-finite numbers never printed.
 */
class HardeningTest extends EoslabTest {
    @TempDir
    Path dir;

    private CliRun refused(String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as("exit code of %s; err=%s", String.join(" ", args), r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("error: ");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> !p.getFileName().toString().startsWith("input")).toList())
                    .as("nothing written by %s", String.join(" ", args)).isEmpty();
        }
        return r;
    }

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void aSweepThatCannotBeWrittenIsRefusedWithItsSize() throws IOException {
        assertThat(refused("sweep", "--eta", "0.1:1:1000000", "--lambda0", "1:2:1000000", "--out", out("s.csv")).err())
                .contains("1000000000000 runs (eta 1000000 × lambda0 1000000)").contains("limit of 1000000000");
        assertThat(refused("sweep", "--eta", "0.1:1:2147483647", "--lambda0", "1:2:2147483647", "--phi",
                "1:2:2147483647", "--m0", "0:0.1:2147483647", "--out", out("s.csv")).err())
                .contains("more than 2^63 runs");
    }

    @Test
    void gridCommandsRefuseWhatRunRefusesWithRunsMessage() throws IOException {
        String phi = refused("run", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--phi", "1e200").err();
        assertThat(refused("sweep", "--eta", "0.1:1:3", "--lambda0", "1", "--phi", "1e200", "--out", out("s.csv")).err())
                .isEqualTo(phi);
        assertThat(refused("phase", "--eta", "0.1:1:3", "--lambda0", "1:2:3", "--phi", "1e200", "--out", out("p"))
                .err()).isEqualTo(phi);
        assertThat(refused("bifurcation", "--eta", "0.9:1.2:3", "--lambda0", "1", "--phi", "1e200", "--out", out("b"))
                .err()).isEqualTo(phi);
        assertThat(refused("check", "--m0", "0.1", "--lambda0", "3", "--eta-rel", "0.5", "--phi", "1e200").err())
                .isEqualTo(phi);
        String rel = refused("run", "--m0", "0.5", "--lambda0", "1", "--phi", "0", "--eta-rel", "0.5").err();
        assertThat(rel).contains("λ_GF = 0");
        assertThat(refused("sweep", "--eta-rel", "0.5:1:2", "--m0", "0.5", "--lambda0", "1", "--phi", "0", "--out",
                out("s.csv")).err()).isEqualTo(rel);
        assertThat(refused("phase", "--eta-rel", "0.5:1:3", "--m0", "0.5", "--lambda0", "1:2:3", "--phi", "0",
                "--out", out("p")).err()).isEqualTo(rel);
        assertThat(refused("bifurcation", "--eta-rel", "0.5:1:3", "--m0", "0.5", "--lambda0", "1", "--phi", "0",
                "--out", out("b")).err()).isEqualTo(rel);
        assertThat(refused("sweep", "--eta-rel", "0.5", "--scale", "0:1:3", "--phi", "0", "--out", out("s.csv"))
                .err()).isEqualTo(rel);
    }

    @Test
    void memoryIsRefusedUpFrontWithTheSizeNeeded() throws IOException {
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 12L << 30, "a heap of 12 GiB or more");
        assertThat(refused("atlas", "--eta", "0.1:1:1024", "--m0", "0:0.4:1024", "--lambda0", "1:2:1024", "--out",
                out("a")).err()).contains("1073741824 cells need about 12.0 GiB of memory");
        assertThat(refused("bifurcation", "--eta", "0.9:1.9:100", "--lambda0", "1", "--keep", "2000000000", "--out",
                out("b")).err()).contains("100 step sizes × --keep 2000000000 points need about");
    }

    @Test
    void dataFilesWhoseSumsOverflowOrUnderflowAreNamed() throws IOException {
        Path big = Files.writeString(dir.resolve("input-big.csv"), "x,y\n2,3\n1e200,1\n");
        Path tiny = Files.writeString(dir.resolve("input-tiny.csv"), "x,y\n1e-200,1\n");
        assertThat(refused("run", "--data", big.toString(), "--m0", "0", "--lambda0", "1", "--eta", "0.1").err())
                .contains(big.toString()).contains("overflows double at row 2 (x = 1.0E200");
        assertThat(refused("flow", "--data", big.toString(), "--m0", "0", "--lambda0", "1").err())
                .contains("overflows");
        assertThat(refused("run", "--data", tiny.toString(), "--m0", "0", "--lambda0", "1", "--eta", "0.1").err())
                .contains("Σx² underflows to 0");
    }

    @Test
    void theZeroProblemIsAnOutcomeWithoutNonFiniteNumbers() {
        for (String command : List.of("run", "compare")) {
            CliRun r = CliRun.of(command, "--phi", "0", "--m0", "0", "--lambda0", "0", "--eta", "0.1", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
            assertThat(r.json().findValue("outcome").asText()).isEqualTo("converged");
            if (command.equals("compare")) {
                assertThat(r.json().get("regularization_gain").isNull()).as("undefined for λ_GF = 0").isTrue();
            }
        }
        CliRun tiny = CliRun.of("run", "--m0", "0.1", "--lambda0", "3", "--steps", "200", "--eta", "1e-320", "--json");
        assertThat(tiny.code()).as(tiny.err()).isZero();
        assertThat(tiny.json().get("f0").isNull()).isTrue();
    }

    @Test
    void checkTakesEveryToleranceRunTakes() {
        for (String tol : List.of("0", "1e300")) {
            CliRun r = CliRun.of("check", "--m0", "0.1", "--lambda0", "3", "--eta-rel", "0.5:1:3", "--steps", "200",
                    "--tol", tol);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("Infinity").doesNotContain("NaN");
        }
    }

    @Test
    void namesTooLongForATemporaryAndDevicePrefixesAreRefusedUpFront() throws IOException {
        String name = "p".repeat(195);
        assertThat(refused("run", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--out", out(name + ".csv")).err())
                .contains("file name too long");
        assertThat(refused("phase", "--eta", "0.1:1:3", "--lambda0", "1:2:3", "--out", out(name)).err())
                .contains("file name too long");
        Path link = Files.createSymbolicLink(Files.createDirectory(dir.resolve("input-links")).resolve("null"),
                Path.of("/dev/null"));
        try {
            assertThat(refused("phase", "--eta", "0.1:1:3", "--lambda0", "1:2:3", "--out", link.toString()).err())
                    .contains("is a device");
        } finally {
            Files.delete(link); // ourselves: JUnit warns when it deletes a link out of its directory
        }
        assertThat(refused("run", "--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--out", "").err())
                .isEqualTo("error: --out must be a file name, got ''\n");
        assertThat(refused("flow", "--m0", "0.1", "--lambda0", "3", "--rtol", "NaN").err())
                .contains("ODE tolerances must be finite and positive");
    }
}
