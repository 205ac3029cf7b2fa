package eoslab.spec;

import eoslab.EoslabTest;
import eoslab.cli.CommandOptionReader;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network variants of the specification ({@code ModelSpec.Linear}, {@code ModelSpec.Diagonal} and their starts,
 * {@link SharpnessSpec}) survive their JSON form, and their {@code toArgs()} parse back through the CLI's own option
 * parsers to the same specification.
 */
class NetworkSpecTest extends EoslabTest {
    private static final List<ModelSpec> MODELS = List.of(
            new ModelSpec.Linear(3, List.of(), new LinearTarget.Scalar(-1.5)),
            new ModelSpec.Linear(2, List.of(4), new LinearTarget.Spectrum(List.of(3.0, 1.0), 5, 6, 9)),
            new ModelSpec.Linear(3, List.of(2, 3), new LinearTarget.Matrix("phi.npy")),
            new ModelSpec.Linear(2, List.of(2), new LinearTarget.Data("points.csv")),
            ModelSpec.Diagonal.ofSparse(new ModelSpec.Sparse(20, 40, 3, 0.05, 7)),
            ModelSpec.Diagonal.ofData("regression.csv"));

    private static List<StartSpec> starts(ModelSpec model) {
        if (model instanceof ModelSpec.Diagonal) {
            return List.of(new StartSpec.Uniform(0.25), new StartSpec.FromFile("theta.json"));
        }
        return List.of(new StartSpec.Layers(List.of(0.5), 3), new StartSpec.Layers(List.of(0.5, 0.2, 0.1)
                        .subList(0, ((ModelSpec.Linear) model).depth()), 4),
                new StartSpec.Balanced(List.of(1.0), 0.0, 5), new StartSpec.Balanced(List.of(1.0), 0.75, 6),
                new StartSpec.FromFile("theta.json"));
    }

    @Test
    void networkSpecsSurviveJsonAndTheirOptions() {
        List<SharpnessSpec> sharpness = List.of(SharpnessSpec.DEFAULT, new SharpnessSpec("lanczos", 3, 10, 100, true),
                new SharpnessSpec("dense", 2, 1, 0, false));
        List<EtaSpec> etas = List.of(new EtaSpec.Absolute(0.125), new EtaSpec.Relative(1.3));
        CommandOptionReader reader = new CommandOptionReader();
        int checked = 0;
        for (ModelSpec model : MODELS) {
            for (StartSpec start : starts(model)) {
                for (SharpnessSpec sharp : sharpness) {
                    for (EtaSpec eta : etas) {
                        if (eta instanceof EtaSpec.Relative && !sharp.gfs()) {
                            continue;
                        }
                        for (StopRule stop : List.of(new StopRule(500, 1e-9), new StopRule(700, 1e-11, true))) {
                            RunSpec spec = new RunSpec(model, start, MethodSpec.GD, eta, stop, Engine.AUTO,
                                    Precision.DOUBLE, sharp);
                            String json = Json.compact(spec.describe());
                            assertThat(RunSpec.parse(json)).as(json).isEqualTo(spec);
                            RunSpec fromArgs = reader.run("run", spec.toArgs()).spec();
                            assertThat(fromArgs).as(String.join(" ", spec.toArgs())).isEqualTo(spec);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void networkFlowSpecsSurviveJson() throws Exception {
        for (ModelSpec model : MODELS) {
            FlowRunSpec spec = new FlowRunSpec(model, starts(model).get(0), "ode", 50.0, null, 1e-10, false, 1e-12,
                    1e-14, new SharpnessSpec("dense", 2, 0, 0, true));
            Object tree = Json.mapper().readValue(Json.compact(spec.describe()), Object.class);
            assertThat(FlowRunSpec.parse(tree)).isEqualTo(spec);
        }
    }
}
