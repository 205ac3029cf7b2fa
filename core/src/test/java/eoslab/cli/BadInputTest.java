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
 * Every bad input of issue 2 item 8, for each command: exit code 2, exactly one line {@code error: …} on stderr naming
 * the problem, nothing on stdout, no stack trace, and no file (nor temporary) left in the --out directory.
 */
class BadInputTest extends EoslabTest {
    private static final String[] INIT = {"--m0", "0.1", "--lambda0", "5"};

    /** Name, arguments after the command (without --out), and a fragment the message must contain. */
    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        for (String cmd : List.of("run", "compare")) {
            c.add(of(cmd, "eta NaN", "--eta", List.of(INIT, "--eta", "NaN")));
            c.add(of(cmd, "eta Infinity", "--eta", List.of(INIT, "--eta", "Infinity")));
            c.add(of(cmd, "eta overflows", "--eta", List.of(INIT, "--eta", "1e400")));
            c.add(of(cmd, "eta not a number", "--eta", List.of(INIT, "--eta", "abc")));
            c.add(of(cmd, "eta zero", "--eta", List.of(INIT, "--eta", "0")));
            c.add(of(cmd, "eta negative", "--eta", List.of(INIT, "--eta", "-0.5")));
            c.add(of(cmd, "eta-rel zero", "--eta-rel", List.of(INIT, "--eta-rel", "0")));
            c.add(of(cmd, "eta-rel NaN", "--eta-rel", List.of(INIT, "--eta-rel", "NaN")));
            c.add(of(cmd, "both eta forms", "exactly one of --eta, --eta-rel and --eta-crit",
                    List.of(INIT, "--eta", "0.1", "--eta-rel", "1")));
            c.add(of(cmd, "no eta", "exactly one of --eta, --eta-rel and --eta-crit", List.<Object>of((Object) INIT)));
            c.add(of(cmd, "eta-rel undefined", "--eta-rel",
                    List.of(new String[] {"--a", "1", "--b", "1", "--phi", "0"}, "--eta-rel", "1")));
            c.add(of(cmd, "steps negative", "--steps", List.of(INIT, "--eta", "0.1", "--steps", "-1")));
            c.add(of(cmd, "tol negative", "--tol", List.of(INIT, "--eta", "0.1", "--tol", "-1")));
            c.add(of(cmd, "every zero", "--every", List.of(INIT, "--eta", "0.1", "--every", "0")));
            c.add(of(cmd, "unknown engine", "engine", List.of(INIT, "--eta", "0.1", "--engine", "fast")));
        }
        for (String cmd : List.of("run", "flow", "compare")) {
            String[] eta = cmd.equals("flow") ? new String[0] : new String[] {"--eta", "0.1"};
            c.add(of(cmd, "phi NaN", "--phi", List.of(INIT, eta, "--phi", "NaN")));
            c.add(of(cmd, "phi too large", "1e100", List.of(INIT, eta, "--phi", "1e200")));
            c.add(of(cmd, "m0 Infinity", "--m0", List.of(eta, "--m0", "Infinity", "--lambda0", "5")));
            c.add(of(cmd, "lambda0 NaN", "--lambda0", List.of(eta, "--m0", "0", "--lambda0", "NaN")));
            c.add(of(cmd, "vector entry NaN", "finite", List.of(eta, "--a", "1,NaN", "--b", "1,2")));
            c.add(of(cmd, "scale NaN", "--scale", List.of(eta, "--width", "3", "--scale", "NaN")));
            c.add(of(cmd, "width zero", "--width", List.of(eta, "--width", "0", "--scale", "1")));
            c.add(of(cmd, "width negative", "--width", List.of(eta, "--width", "-4", "--scale", "1")));
            c.add(of(cmd, "scale negative", "non-negative", List.of(eta, "--width", "2", "--scale", "-1")));
            c.add(of(cmd, "mismatched vectors", "same length", List.of(eta, "--a", "1,2", "--b", "1")));
            c.add(of(cmd, "empty vectors", "empty", List.of(eta, "--a", ",", "--b", ",")));
            c.add(of(cmd, "empty vector value", "--a", List.of(eta, "--a=", "--b=")));
            c.add(of(cmd, "a without b", "--a and --b", List.of(eta, "--a", "1")));
            c.add(of(cmd, "m0 without lambda0", "--m0 and --lambda0", List.of(eta, "--m0", "0.1")));
            c.add(of(cmd, "lambda0 below 2|m0|", "2|m0|", List.of(eta, "--m0", "-1", "--lambda0", "1.5")));
            c.add(of(cmd, "norm above the bound", "1e100", List.of(eta, "--m0", "0", "--lambda0", "1e200")));
            c.add(of(cmd, "two init forms", "exactly one initialization form",
                    List.of(INIT, eta, "--a", "1", "--b", "1")));
            c.add(of(cmd, "three init forms", "exactly one initialization form",
                    List.of(INIT, eta, "--width", "2", "--scale", "1", "--a", "1", "--b", "1")));
            c.add(of(cmd, "no init", "no initialization", List.<Object>of((Object) eta)));
            c.add(of(cmd, "phi and data", "--phi or --data", List.of(INIT, eta, "--phi", "1", "--data", "@good")));
            c.add(of(cmd, "missing data file", "cannot read data file", List.of(INIT, eta, "--data", "@missing")));
            c.add(of(cmd, "data file is a directory", "cannot read data file", List.of(INIT, eta, "--data", "@dir")));
            c.add(of(cmd, "data not a number", "not a finite number", List.of(INIT, eta, "--data", "@text")));
            c.add(of(cmd, "data NaN", "not a finite number", List.of(INIT, eta, "--data", "@nan")));
            c.add(of(cmd, "data without header", "header", List.of(INIT, eta, "--data", "@noheader")));
            c.add(of(cmd, "empty data file", "header", List.of(INIT, eta, "--data", "@empty")));
            c.add(of(cmd, "data header only", "no rows", List.of(INIT, eta, "--data", "@headeronly")));
            c.add(of(cmd, "data short row", "1 value for 2 columns", List.of(INIT, eta, "--data", "@short")));
            c.add(of(cmd, "data all x zero", "non-zero x", List.of(INIT, eta, "--data", "@zeros")));
            c.add(of(cmd, "data with semicolons", "separates its columns with ';'",
                    List.of(INIT, eta, "--data", "@semicolon")));
            c.add(of(cmd, "data with a duplicate column", "appears twice", List.of(INIT, eta, "--data", "@twice")));
            c.add(of(cmd, "data with an extra column", "unexpected column 'z'",
                    List.of(INIT, eta, "--data", "@extra")));
            c.add(of(cmd, "data with a broken quote", "not valid CSV", List.of(INIT, eta, "--data", "@quote")));
            c.add(of(cmd, "data not UTF-8", "not UTF-8", List.of(INIT, eta, "--data", "@latin1")));
            c.add(of(cmd, "unknown option", "Unknown option", List.of(INIT, eta, "--bogus")));
            c.add(of(cmd, "missing option value", "--phi", List.of(INIT, eta, "--phi")));
            c.add(of(cmd, "out directory missing", "cannot write", List.of(INIT, eta, "--out", "@nodir")));
        }
        c.add(of("flow", "unknown method", "--method", List.of(INIT, "--method", "rk4")));
        c.add(of("flow", "t-max negative", "t-max", List.of(INIT, "--t-max", "-1")));
        c.add(of("flow", "dt zero", "dt", List.of(INIT, "--dt", "0")));
        c.add(of("flow", "tol zero", "--tol", List.of(INIT, "--tol", "0")));
        c.add(of("flow", "rtol zero", "tolerances", List.of(INIT, "--method", "ode", "--rtol", "0")));
        c.add(of("flow", "too many ODE steps", "1e8 steps", List.of(INIT, "--method", "ode", "--t-max", "1e12",
                "--dt", "1e6")));
        c.add(of("bogus", "unknown command", "bogus", List.of()));
        c.add(of("", "no command", "missing command", List.of()));
        return c.stream();
    }

    private static Arguments of(String cmd, String name, String fragment, List<Object> parts) {
        List<String> args = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String[] arr) {
                args.addAll(List.of(arr));
            } else {
                args.add((String) p);
            }
        }
        return Arguments.of(cmd + ": " + name, cmd, args, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGivesOneErrorLineExitTwoAndNoFile(String name, String cmd, List<String> rest, String fragment,
                                                   @TempDir Path dir) throws IOException {
        Path inputs = Files.createDirectory(dir.resolve("inputs"));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Files.writeString(inputs.resolve("good.csv"), "x,y\n1,2\n2,3\n");
        Files.writeString(inputs.resolve("text.csv"), "x,y\n1,2\nabc,3\n");
        Files.writeString(inputs.resolve("nan.csv"), "x,y\n1,NaN\n");
        Files.writeString(inputs.resolve("noheader.csv"), "1,2\n3,4\n");
        Files.writeString(inputs.resolve("empty.csv"), "");
        Files.writeString(inputs.resolve("headeronly.csv"), "x,y\n");
        Files.writeString(inputs.resolve("short.csv"), "x,y\n1,2\n3\n");
        Files.writeString(inputs.resolve("zeros.csv"), "x,y\n0,1\n0,2\n");
        Files.writeString(inputs.resolve("semicolon.csv"), "x;y\n1;2\n");
        Files.writeString(inputs.resolve("twice.csv"), "x,y,x\n1,2,3\n");
        Files.writeString(inputs.resolve("extra.csv"), "x,y,z\n1,2,3\n");
        Files.writeString(inputs.resolve("quote.csv"), "x,y\n\"1,2\n");
        Files.write(inputs.resolve("latin1.csv"), new byte[] {'x', ',', 'y', '\n', (byte) 0xE9, ',', '1', '\n'});
        Files.createDirectory(inputs.resolve("dir"));
        List<String> args = new ArrayList<>();
        if (!cmd.isEmpty()) {
            args.add(cmd);
        }
        boolean hasOut = false;
        for (String a : rest) {
            if (a.equals("@nodir")) {
                args.add(outDir.resolve("missing/result.csv").toString());
                hasOut = true;
            } else if (a.startsWith("@")) {
                args.add(inputs.resolve(a.substring(1) + (a.equals("@dir") || a.equals("@missing") ? "" : ".csv"))
                        .toString());
            } else {
                args.add(a);
            }
        }
        if (!hasOut && !cmd.isEmpty() && !cmd.equals("bogus")) {
            args.addAll(List.of("--out", outDir.resolve("result.csv").toString()));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as("exit code; err=%s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: ").contains(fragment)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal failure");
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left.toList()).as("files left in the output directory").isEmpty();
        }
    }
}
