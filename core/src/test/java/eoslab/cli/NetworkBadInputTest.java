package eoslab.cli;

import eoslab.EoslabTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the options of {@code --model linear|diagonal}: exit code 2, one line {@code error: …} naming the
 * problem, nothing on stdout, no stack trace, and no file left in the output directory (not even --save-theta's).
 */
class NetworkBadInputTest extends EoslabTest {
    private static final List<String> CHAIN = List.of("--model", "linear", "--depth", "3", "--phi", "1", "--scale",
            "0.5");
    private static final List<String> SPARSE = List.of("--model", "diagonal", "--sparse", "10,20,2", "--alpha",
            "0.1");

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        for (String cmd : List.of("run", "compare")) {
            List<String> eta = List.of("--eta", "0.1");
            c.add(of(cmd, "unknown model", "--model", List.of("--model", "deep", "--eta", "0.1")));
            c.add(of(cmd, "depth one", "depth", join(CHAIN, eta, List.of("--depth", "1"))));
            c.add(of(cmd, "widths of the wrong count", "widths", join(List.of("--model", "linear", "--depth", "3",
                    "--widths", "2", "--phi", "1", "--scale", "0.5"), eta)));
            c.add(of(cmd, "width zero", "widths", join(List.of("--model", "linear", "--depth", "2", "--widths", "0",
                    "--phi", "1", "--scale", "0.5"), eta)));
            c.add(of(cmd, "two targets", "", join(List.of("--model", "linear", "--depth", "2", "--phi", "1",
                    "--target-spectrum", "1,2", "--target-size", "2x2", "--scale", "0.5"), eta)));
            c.add(of(cmd, "bad target size", "--target-size", join(List.of("--model", "linear", "--depth", "2",
                    "--target-spectrum", "1,2", "--target-size", "2by2", "--scale", "0.5"), eta)));
            c.add(of(cmd, "spectrum longer than the size", "", join(List.of("--model", "linear", "--depth", "2",
                    "--target-spectrum", "1,2,3", "--target-size", "2x2", "--scale", "0.5"), eta)));
            c.add(of(cmd, "missing target file", "", join(List.of("--model", "linear", "--depth", "2", "--target",
                    "@missing.npy", "--scale", "0.5"), eta)));
            c.add(of(cmd, "scale NaN", "--scale", join(List.of("--model", "linear", "--depth", "3", "--phi", "1",
                    "--scale", "NaN"), eta)));
            c.add(of(cmd, "scales per layer of the wrong count", "--scale", join(List.of("--model", "linear",
                    "--depth", "3", "--phi", "1", "--scale", "0.5,0.5"), eta)));
            c.add(of(cmd, "imbalance without balanced", "", join(List.of("--model", "linear", "--depth", "2", "--phi",
                    "1", "--imbalance", "0.5"), eta)));
            c.add(of(cmd, "theta file missing", "", join(List.of("--model", "linear", "--depth", "2", "--phi", "1",
                    "--theta", "@missing.json"), eta)));
            c.add(of(cmd, "theta of the wrong shape", "", join(List.of("--model", "linear", "--depth", "2", "--phi",
                    "1", "--theta", "@wrong.json"), eta)));
            c.add(of(cmd, "theta not JSON", "", join(List.of("--model", "linear", "--depth", "2", "--phi", "1",
                    "--theta", "@text.json"), eta)));
            c.add(of(cmd, "sparse with two numbers", "--sparse", join(List.of("--model", "diagonal", "--sparse",
                    "10,20", "--alpha", "0.1"), eta)));
            c.add(of(cmd, "sparse s above p", "--sparse", join(List.of("--model", "diagonal", "--sparse", "10,20,30",
                    "--alpha", "0.1"), eta)));
            c.add(of(cmd, "noise NaN", "--noise", join(SPARSE, eta, List.of("--noise", "NaN"))));
            c.add(of(cmd, "alpha NaN", "--alpha", join(List.of("--model", "diagonal", "--sparse", "10,20,2",
                    "--alpha", "NaN"), eta)));
            c.add(of(cmd, "top-k zero", "--top-k", join(CHAIN, eta, List.of("--top-k", "0"))));
            c.add(of(cmd, "unknown sharpness method", "--sharpness", join(CHAIN, eta, List.of("--sharpness", "power"))));
            c.add(of(cmd, "sharpness-every negative", "--sharpness-every", join(CHAIN, eta,
                    List.of("--sharpness-every", "-1"))));
            c.add(of(cmd, "gfs-every negative", "--gfs-every", join(CHAIN, eta, List.of("--gfs-every", "-2"))));
            c.add(of(cmd, "eta-crit on a network", "--eta-crit", join(CHAIN, List.of("--eta-crit", "0.5"))));
            c.add(of(cmd, "decimal precision on a network", "decimal", join(CHAIN, eta,
                    List.of("--precision", "decimal:30"))));
            c.add(of(cmd, "network option on the shallow model", "", List.of("--m0", "0.1", "--lambda0", "5",
                    "--eta", "0.1", "--depth", "3")));
            c.add(of(cmd, "sharpness option on the shallow model", "", List.of("--m0", "0.1", "--lambda0", "5",
                    "--eta", "0.1", "--top-k", "2")));
        }
        c.add(of("run", "save-theta into a missing directory", "cannot write", join(CHAIN,
                List.of("--eta", "0.1", "--save-theta", "@nodir"))));
        c.add(of("flow", "exact on a network without a closed form", "exact", join(SPARSE, List.of("--method",
                "exact"))));
        c.add(of("flow", "top-k zero", "--top-k", join(CHAIN, List.of("--top-k", "0"))));
        c.add(of("sweep", "eta-crit on a network", "--eta-crit", join(CHAIN, List.of("--eta-crit", "0.5"))));
        c.add(of("sweep", "shallow option on a network", "--m0", join(CHAIN, List.of("--eta", "0.1", "--m0", "1"))));
        c.add(of("check", "unknown model", "--model", List.of("--model", "deep")));
        c.add(of("check", "depth on the shallow model", "--depth", List.of("--depth", "3")));
        c.add(of("check", "m0 on a network", "--m0", List.of("--model", "linear", "--m0", "1")));
        c.add(of("check", "tile on a network", "--tile", List.of("--model", "diagonal", "--tile", "1/2")));
        return c.stream();
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static Arguments of(String cmd, String name, String fragment, List<String> rest) {
        return Arguments.of(cmd + ": " + name, cmd, rest, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneErrorLineExitTwoAndNoFile(String name, String cmd, List<String> rest, String fragment,
                                                   @TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Files.writeString(inputs.resolve("wrong.json"), "{\"W1\": [[1, 2]], \"W2\": [[1]]}");
        Files.writeString(inputs.resolve("text.json"), "not json");
        List<String> args = new ArrayList<>(List.of(cmd));
        for (String a : rest) {
            if (a.equals("@nodir")) {
                args.add(outDir.resolve("missing/theta.json").toString());
            } else if (a.startsWith("@")) {
                args.add(inputs.resolve(a.substring(1)).toString());
            } else {
                args.add(a);
            }
        }
        if (!cmd.equals("check")) {
            args.addAll(List.of("--out", outDir.resolve(cmd.equals("sweep") ? "rows.csv" : "result.csv").toString()));
        }
        if (cmd.equals("run") && !args.contains("--save-theta")) {
            args.addAll(List.of("--save-theta", outDir.resolve("end.json").toString()));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as("exit code; err=%s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: ").contains(fragment)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal failure");
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left.toList()).as("files left in the output directory").isEmpty();
        }
    }
}
