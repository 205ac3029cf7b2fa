package eoslab.spec;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.io.Json;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON form of a run specification is a round trip, {@code RunSpec.parse(spec.json()).equals(spec)}, for many
 * seeded random specifications of every form (and likewise for {@link FlowRunSpec}); parse errors name the field.
 */
class RunSpecJsonTest extends EoslabTest {

    @Test
    void randomSpecsSurviveTheirJsonForm() {
        RandomSpecs specs = new RandomSpecs(rng, List.of(Path.of("data", "a.csv"), Path.of("b c.csv")));
        Set<Class<?>> starts = new HashSet<>();
        Set<Class<?>> etas = new HashSet<>();
        Set<Engine> engines = EnumSet.noneOf(Engine.class);
        int decimal = 0;
        int data = 0;
        for (int i = 0; i < 500; i++) {
            RunSpec spec = specs.run();
            RunSpec back = RunSpec.parse(spec.json());
            assertThat(back).as("spec %d: %s", i, spec.json()).isEqualTo(spec);
            assertThat(back.json()).isEqualTo(spec.json());
            assertThat(RunSpec.parse(Json.compact(spec.describe()))).isEqualTo(spec);
            starts.add(spec.start().getClass());
            etas.add(spec.eta().getClass());
            engines.add(spec.engine());
            decimal += spec.precision().decimal() ? 1 : 0;
            data += ((ModelSpec.Shallow) spec.model()).data() != null ? 1 : 0;
        }
        assertThat(starts).hasSize(3);
        assertThat(etas).hasSize(3);
        assertThat(engines).hasSize(3);
        assertThat(decimal).isGreaterThan(20);
        assertThat(data).isGreaterThan(20);
    }

    @Test
    void randomFlowSpecsSurviveTheirJsonForm() throws Exception {
        RandomSpecs specs = new RandomSpecs(rng, List.of(Path.of("d.csv")));
        for (int i = 0; i < 300; i++) {
            FlowRunSpec spec = specs.flow();
            Object tree = Json.mapper().readValue(Json.compact(spec.describe()), Object.class);
            assertThat(FlowRunSpec.parse(tree)).as("flow spec %d", i).isEqualTo(spec);
        }
    }

    @Test
    void omittedMethodEngineAndPrecisionTakeTheirDefaults() {
        String json = "{\"model\":{\"family\":\"shallow\",\"phi\":1.0},\"start\":{\"init\":\"canonical\",\"m0\":0.1,"
                + "\"lambda0\":5},\"eta\":{\"eta_rel\":1.3},\"stop\":{\"steps\":100,\"tol\":1e-12}}";
        RunSpec spec = RunSpec.parse(json);
        assertThat(spec.method()).isEqualTo(MethodSpec.GD);
        assertThat(spec.engine()).isEqualTo(Engine.AUTO);
        assertThat(spec.precision()).isEqualTo(Precision.DOUBLE);
        assertThat(spec.start()).isEqualTo(new StartSpec.Canonical(0.1, 5));
        assertThat(spec.eta()).isEqualTo(new EtaSpec.Relative(1.3));
    }

    /** A valid specification's JSON with one field replaced. */
    private static String with(String field, String value) {
        RunSpec spec = new RunSpec(ModelSpec.Shallow.ofPhi(1.0), new StartSpec.Gaussian(3, 0.5, 0.5, 9), MethodSpec.GD,
                new EtaSpec.Absolute(0.1), new eoslab.dynamics.StopRule(10, 1e-12), Engine.AUTO, Precision.DOUBLE);
        String json = spec.json();
        String replaced = json.replaceFirst("\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[^,}]*)",
                "\"" + field + "\":" + value);
        assertThat(replaced).as("replaced %s", field).isNotEqualTo(json);
        return replaced;
    }

    @Test
    void parseErrorsNameTheField() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry(with("model", "7"), "spec.model must be a JSON object"),
                Map.entry(with("family", "\"deep\""), "spec.model.family: unknown model 'deep'"),
                Map.entry(with("phi", "\"one\""), "spec.model.phi must be a number"),
                Map.entry(with("init", "\"random\""), "spec.start.init must be explicit, gaussian or canonical"),
                Map.entry(with("width", "2.5"), "spec.start.width must be an integer"),
                Map.entry(with("seed", "\"s\""), "spec.start.seed must be an integer"),
                Map.entry(with("scale_b", "null"), "spec.start.scale_b is missing"),
                Map.entry(with("name", "\"adam\""), "spec.method.name: unknown method 'adam'"),
                Map.entry(with("eta", "{\"eta\":0.1,\"eta_rel\":1}"),
                        "spec.eta must have exactly one of eta, eta_rel and eta_crit"),
                Map.entry(with("eta", "{}"), "spec.eta must have exactly one of eta, eta_rel and eta_crit"),
                Map.entry(with("stop", "[]"), "spec.stop must be a JSON object"),
                Map.entry(with("steps", "2.5"), "spec.stop.steps must be an integer"),
                Map.entry(with("tol", "\"small\""), "spec.stop.tol must be a number"),
                Map.entry(with("engine", "3"), "spec.engine must be a string"),
                Map.entry(with("precision", "true"), "spec.precision must be a string"));
        cases.forEach((json, message) -> assertThatThrownBy(() -> RunSpec.parse(json)).as(json)
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message));
        assertThat(RunSpec.parse(with("steps", "1e3")).stop().maxSteps()).as("an integral number is an integer")
                .isEqualTo(1000);
        assertThatThrownBy(() -> RunSpec.parse("{\"model\":")).hasMessageStartingWith("spec is not valid JSON: ");
        assertThatThrownBy(() -> RunSpec.parse("[1]")).hasMessage("spec must be a JSON object");
        assertThatThrownBy(() -> RunSpec.parse(with("phi", "1, \"data\": \"f.csv\"")))
                .hasMessage("spec.model: give phi or data, not both");
    }

    @Test
    void invalidValuesNameTheOptionTheyCameFrom() {
        assertThatThrownBy(() -> RunSpec.parse(with("engine", "\"gpu\""))).hasMessageContaining("engine 'gpu'");
        assertThatThrownBy(() -> RunSpec.parse(with("precision", "\"decimal:5\""))).hasMessageContaining("17 <= N <= 1000");
        assertThatThrownBy(() -> RunSpec.parse(with("eta", "{\"eta\":-1}"))).hasMessageStartingWith("--eta must be");
        assertThatThrownBy(() -> RunSpec.parse(with("steps", "-5"))).hasMessageStartingWith("--steps must be");
        assertThatThrownBy(() -> RunSpec.parse(with("width", "0"))).hasMessageStartingWith("--width must be");
        assertThatThrownBy(() -> RunSpec.parse(with("engine", "\"vector\"").replace("\"double\"", "\"decimal:30\"")))
                .hasMessageContaining("--engine vector");
    }
}
