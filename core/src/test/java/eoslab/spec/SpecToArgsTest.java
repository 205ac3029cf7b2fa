package eoslab.spec;

import eoslab.EoslabTest;
import eoslab.cli.Main;
import eoslab.io.Json;
import eoslab.service.FlowService;
import eoslab.service.RunService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunSpec#toArgs()} and {@link FlowRunSpec#toArgs()} rerun the specification: for seeded random
 * specifications, {@code eoslab run|flow <args> --json} prints exactly the summary the service layer computes from
 * the specification itself (compared as JSON maps, keys in order), or fails with the same message.
 */
class SpecToArgsTest extends EoslabTest {
    @TempDir
    Path dir;

    private RandomSpecs specs;

    @BeforeEach
    void dataFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            StringBuilder text = new StringBuilder("x,y\n");
            for (int i = 0; i < 5 + 10 * f; i++) {
                double x = rng.nextGaussian();
                text.append(x).append(',').append(0.8 * x + 0.2 * rng.nextGaussian()).append('\n');
            }
            files.add(Files.writeString(dir.resolve("data" + f + ".csv"), text.toString()));
        }
        specs = new RandomSpecs(rng, files);
    }

    /** The command's output parsed as a JSON map, or its error line. */
    private static Object cli(String command, List<String> args) {
        String line = command + " " + String.join(" ", args) + " --json";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(line.split(" "), new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != 0) {
            assertThat(out.toString()).isEmpty();
            return "code " + code + ": " + err.toString().strip();
        }
        assertThat(err.toString()).as("stderr of %s", line).isEmpty();
        return parse(out.toString());
    }

    /** The summary computed in process, through the same JSON form, or the error the CLI would print. */
    private static Object service(Supplier<Map<String, Object>> summary) {
        try {
            return parse(Json.compact(summary.get()));
        } catch (IllegalArgumentException e) {
            return "code 2: error: " + e.getMessage();
        }
    }

    private static Object parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.mapper().readValue(json, LinkedHashMap.class);
            return List.of(new ArrayList<>(m.keySet()), m);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Test
    void runArgumentsRerunTheSpecification() {
        int ran = 0;
        Set<String> forms = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            RunSpec spec = specs.run();
            Object expected = service(() -> RunService.run(spec).summary());
            assertThat(cli("run", spec.toArgs())).as("spec %d: %s", i, spec.command()).isEqualTo(expected);
            ran += expected instanceof List ? 1 : 0;
            assertThat(spec.command()).isEqualTo("./eoslab run " + String.join(" ", spec.toArgs()));
            forms.add(spec.start().getClass().getSimpleName());
            forms.add(spec.eta().getClass().getSimpleName());
            forms.add(spec.engine() + " " + spec.precision().decimal());
            forms.add(((ModelSpec.Shallow) spec.model()).data() == null ? "phi" : "data");
        }
        assertThat(ran).as("specifications that ran").isGreaterThan(32);
        assertThat(forms).as("forms covered").contains("Explicit", "Gaussian", "Canonical", "Absolute", "Relative",
                "AUTO false", "REDUCED false", "VECTOR false", "AUTO true", "REDUCED true", "phi", "data");
    }

    @Test
    void flowArgumentsRerunTheSpecification() {
        int ran = 0;
        Set<String> solvers = new TreeSet<>();
        for (int i = 0; i < 16; i++) {
            FlowRunSpec spec = specs.flow();
            Object expected = service(() -> FlowService.solve(FlowService.plan(spec), null).summary());
            assertThat(cli("flow", spec.toArgs())).as("flow spec %d: %s", i, spec.toArgs()).isEqualTo(expected);
            ran += expected instanceof List ? 1 : 0;
            solvers.add(spec.solver());
        }
        assertThat(ran).as("specifications that ran").isGreaterThan(13);
        assertThat(solvers).containsExactly("exact", "ode");
    }
}
