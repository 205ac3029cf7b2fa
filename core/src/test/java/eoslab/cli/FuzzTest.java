package eoslab.cli;

import eoslab.EoslabTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad and edge inputs for every option of every command (seeded): whatever the value, the command either
 * runs (exit 0, no non-finite number printed) or refuses it with exactly one line {@code error: …} and exit code 2,
 * no stack trace, nothing on stdout and no file (nor temporary file) left in the output directory. Never exit 1.
 * Values that would only mean much work (a valid range of 10⁸ points) are not generated: the bounds on work have
 * their own tests. To keep the suite fast, each option gets every path but only half of the numbers and ranges
 * (alternating between options, so that each value meets half of all options), plus two seeded random numbers.
 */
class FuzzTest extends EoslabTest {
    /** A small valid invocation of each command, {@code OUT} standing for the output directory. */
    private static final Map<String, List<String>> BASE = new LinkedHashMap<>();

    static {
        BASE.put("run", List.of("--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--steps", "200"));
        BASE.put("compare", List.of("--m0", "0.1", "--lambda0", "3", "--eta", "0.1", "--steps", "200"));
        BASE.put("flow", List.of("--m0", "0.1", "--lambda0", "3"));
        BASE.put("sweep", List.of("--eta", "0.1:0.5:3", "--lambda0", "1:2:2", "--steps", "100", "--out", "OUT/s.csv"));
        BASE.put("phase", List.of("--eta", "0.2:1:4", "--lambda0", "1:2:3", "--steps", "100", "--out", "OUT/p"));
        BASE.put("bifurcation", List.of("--eta", "0.9:1.2:3", "--lambda0", "1", "--transient", "20", "--keep", "5",
                "--out", "OUT/b"));
        BASE.put("atlas", List.of("--eta", "0.2:1:3", "--m0", "0:0.4:2", "--lambda0", "1:2:3", "--steps", "50",
                "--slices", "1", "--gif-frames", "1", "--out", "OUT/a"));
        BASE.put("check", List.of("--m0", "0.1", "--lambda0", "3", "--eta-rel", "0.5:1:3", "--steps", "200"));
    }

    /** Options not fuzzed: help, version, threads (any value runs), and the server's. */
    private static boolean skipped(OptionSpec o) {
        return o.usageHelp() || o.versionHelp() || o.longestName().equals("--threads");
    }

    private static final String[] NUMBERS = {"abc", "", "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "-1", "0",
        "1e-320", "1e300", "-0", "2147483648", "9223372036854775808", "0x10", "1,2"};
    private static final String[] RANGES = {"1:0:5", "0:1:0", "0:1:-3", "0:1:1e9", "a:b:c", "1:2", "1:2:3:4",
        "NaN:1:3", "1e999:2:3"};
    /** Output paths; LINK is a symbolic link to /dev/null (outside OUT): written through, never replaced. */
    private static final String[] PATHS = {"", "/", "OUT", "OUT/missing/x", "OUT/", "LINK"};

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyOptionOfEveryCommand() {
        CommandLine root = new CommandLine(new Main());
        Random random = new Random(20261201L);
        List<DynamicTest> tests = new ArrayList<>();
        int options = 0;
        for (Map.Entry<String, List<String>> c : BASE.entrySet()) {
            CommandSpec spec = root.getSubcommands().get(c.getKey()).getCommandSpec();
            for (OptionSpec o : spec.options()) {
                if (skipped(o) || o.arity().max() == 0) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                if (o.type() == Path.class || o.longestName().equals("--out")) {
                    values.addAll(List.of(PATHS));
                } else {
                    // every other value, alternating between options: each value meets half of the options
                    List<String> all = new ArrayList<>(List.of(NUMBERS));
                    all.addAll(List.of(RANGES));
                    for (int i = 0; i < all.size(); i++) {
                        if ((i + options) % 2 == 0) {
                            values.add(all.get(i));
                        }
                    }
                    options++;
                    values.add(Long.toString(random.nextLong() % 100_000)); // a valid budget must not mean hours of work
                    values.add(Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20)));
                }
                for (String v : values) {
                    String name = c.getKey() + " " + o.longestName() + "=" + v;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(c.getKey(), c.getValue(), o.longestName(), v)));
                }
            }
        }
        return tests.stream();
    }

    private void check(String command, List<String> base, String option, String value) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        Path link = Files.createTempDirectory(dir, "link").resolve("null.csv");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        value = value.replace("LINK", link.toString());
        List<String> args = new ArrayList<>();
        args.add(command);
        for (int i = 0; i < base.size(); i++) {
            if (base.get(i).equals(option)) {
                i++;
                continue;
            }
            args.add(base.get(i).replace("OUT", out.toString()));
        }
        args.add(option + "=" + value.replace("OUT", out.toString()));
        if (!base.contains("--out") && !option.equals("--out")) {
            args.add("--out=" + out.resolve("x.csv"));
        }
        CliRun r;
        boolean linkKept;
        try {
            r = CliRun.of(args.toArray(String[]::new));
        } finally {
            linkKept = Files.isSymbolicLink(link);
            Files.deleteIfExists(link); // ourselves: JUnit warns when it deletes a link out of its directory
        }
        String what = String.join(" ", args);
        assertThat(linkKept).as("the link given to %s is kept", what).isTrue();
        assertThat(r.code()).as("exit code of %s; err=%s", what, r.err()).isIn(0, 2);
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).as("/dev/null after %s", what).isFalse();
        List<String> left;
        try (Stream<Path> s = Files.walk(out)) {
            left = s.filter(p -> !p.equals(out)).map(p -> out.relativize(p).toString()).toList();
        }
        assertThat(left).as("temporary files left by %s", what)
                .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".eoslab-tmp"));
        if (r.code() == 2) {
            assertThat(r.out()).as("stdout of %s", what).isEmpty();
            assertThat(r.err().lines().toList()).as("stderr of %s", what).hasSize(1);
            assertThat(r.err()).as("stderr of %s", what).startsWith("error: ").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(left).as("files left by the refused %s", what).isEmpty();
        } else {
            assertThat(r.out()).as("stdout of %s", what).doesNotContain("NaN").doesNotContain("Infinity");
        }
    }
}
