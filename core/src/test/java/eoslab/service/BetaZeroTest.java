package eoslab.service;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.generic.VectorStepper;
import eoslab.dynamics.shallow.DecimalGd;
import eoslab.dynamics.shallow.DecimalMomentum;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.ReducedMomentum;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.dynamics.shallow.VectorMethod;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.measure.GdSummary;
import eoslab.method.GradientDescent;
import eoslab.method.HeavyBall;
import eoslab.method.Method;
import eoslab.method.Nesterov;
import eoslab.method.Schedule;
import eoslab.model.linear.DeepLinearModel;
import eoslab.spec.EtaSpec;
import eoslab.spec.MethodSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import eoslab.spec.StartSpec;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy ball and Nesterov with β = 0 and a constant step are gradient descent, bit for bit: every summary value and
 * every trajectory row of {@code run} equal plain GD's on the reduced, vector and decimal engines (stable, edge,
 * beyond and divergent runs); the momentum engines themselves (reduced 4-variable map, generic vectors, decimal)
 * give GD's invariants at every step; and the generic engine gives the same θ on a deep linear network.
 */
class BetaZeroTest extends EoslabTest {

    static Stream<Arguments> runs() {
        StartSpec canonical = new StartSpec.Canonical(0.1, 5);
        StartSpec gaussian = new StartSpec.Gaussian(20, 0.4, 0.3, 9);
        return Stream.of(
                Arguments.of(canonical, 0.5, Engine.REDUCED, Precision.DOUBLE),
                Arguments.of(canonical, 1.3, Engine.REDUCED, Precision.DOUBLE),
                Arguments.of(canonical, 2.4, Engine.REDUCED, Precision.DOUBLE),
                Arguments.of(new StartSpec.Canonical(0.0, 40), 1.9, Engine.REDUCED, Precision.DOUBLE),
                Arguments.of(gaussian, 0.8, Engine.REDUCED, Precision.DOUBLE),
                Arguments.of(gaussian, 1.7, Engine.VECTOR, Precision.DOUBLE),
                Arguments.of(canonical, 1.3, Engine.VECTOR, Precision.DOUBLE),
                Arguments.of(canonical, 1.3, Engine.REDUCED, new Precision(30)));
    }

    @ParameterizedTest(name = "{0} c = {1} {2} {3}")
    @MethodSource("runs")
    void momentumWithoutMomentumIsGradientDescentBitForBit(StartSpec start, double c, Engine engine,
                                                           Precision precision) {
        RunSpec gd = new RunSpec(ModelSpec.Shallow.ofPhi(1.0), start, MethodSpec.GD, new EtaSpec.Relative(c),
                new StopRule(3000, 1e-12), engine, precision);
        StringBuilder gdCsv = new StringBuilder();
        RunReport plain = RunService.run(Runs.resolve(gd), gdCsv, 1, List.of());
        for (MethodSpec m : List.of(MethodSpec.of("heavy-ball", 0.0, ScheduleSpec.CONSTANT),
                MethodSpec.of("nesterov", 0.0, ScheduleSpec.CONSTANT))) {
            RunSpec spec = new RunSpec(gd.model(), gd.start(), m, gd.eta(), gd.stop(), engine, precision);
            StringBuilder csv = new StringBuilder();
            RunReport momentum = RunService.run(Runs.resolve(spec), csv, 1, List.of());
            assertThat(csv.toString()).as("%s trajectory", m.name()).isEqualTo(gdCsv.toString());
            Map<String, Object> expected = plain.summary();
            Map<String, Object> actual = momentum.summary();
            assertThat(actual.keySet()).startsWith(GdSummary.KEYS.toArray(new String[0]));
            for (String key : GdSummary.KEYS) {
                Object e = expected.get(key);
                Object a = actual.get(key);
                if (e instanceof Double de && a instanceof Double da) {
                    assertThat(Double.doubleToRawLongBits(da)).as("%s %s", m.name(), key)
                            .isEqualTo(Double.doubleToRawLongBits(de));
                } else {
                    assertThat(a).as("%s %s", m.name(), key).isEqualTo(e);
                }
            }
            assertThat(actual.get("method")).isEqualTo(m.name());
            assertThat(actual.get("beta")).isEqualTo(0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genericMethods")
    void genericEngineGivesGradientDescentsIterates(Method method) {
        Random rng = new Random(3);
        DeepLinearModel model = DeepLinearModel.target(new int[] {2, 3, 2}, new double[][] {{1.0, 0.5}, {-0.3, 2.0}});
        double[] theta0 = new double[model.dimension()];
        for (int i = 0; i < theta0.length; i++) {
            theta0[i] = 0.5 * rng.nextGaussian();
        }
        VectorStepper gd = new VectorStepper(model.copy(), GradientDescent.constant(0.05), theta0);
        VectorStepper other = new VectorStepper(model.copy(), method, theta0);
        double[] x = new double[theta0.length];
        double[] y = new double[theta0.length];
        for (int k = 0; k < 500; k++) {
            assertThat(gd.step()).isTrue();
            assertThat(other.step()).isTrue();
        }
        gd.theta(x);
        other.theta(y);
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(y[i])).as("θ[%d]", i).isEqualTo(Double.doubleToRawLongBits(x[i]));
        }
    }

    @ParameterizedTest(name = "c = {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.4, 1.3, 1.9, 2.3, 3.5})
    void theMomentumEnginesThemselvesAreGradientDescentAtBetaZero(double c) {
        VectorPoint start = new StartSpec.Gaussian(30, 0.35, 0.25, 4).point();
        Landmarks lm = Landmarks.of(1.0, start);
        double eta = lm.absoluteEta(c);
        ShallowModel model = ShallowModel.of(1.0, start.width());
        for (Method m : List.of(new HeavyBall(0.0, new Schedule.Constant(eta)),
                new Nesterov(0.0, new Schedule.Constant(eta)))) {
            List<ShallowStepper[]> pairs = List.of(
                    new ShallowStepper[] {ReducedGd.from(model, GradientDescent.constant(eta), start),
                        ReducedMomentum.from(model, m, start)},
                    new ShallowStepper[] {VectorMethod.from(model, GradientDescent.constant(eta), start),
                        VectorMethod.from(model, m, start)},
                    new ShallowStepper[] {DecimalGd.from(model, GradientDescent.constant(eta), start, 25),
                        DecimalMomentum.from(model, m, start, 25)});
            for (ShallowStepper[] p : pairs) {
                int steps = p[0] instanceof DecimalGd ? 200 : 3000;
                for (int k = 0; k <= steps; k++) {
                    for (double[] v : new double[][] {{p[0].residual(), p[1].residual()}, {p[0].norm(), p[1].norm()},
                        {p[0].product(), p[1].product()}, {p[0].imbalance(), p[1].imbalance()}}) {
                        assertThat(Double.doubleToRawLongBits(v[1])).as("%s %s step %d", m.name(),
                                p[1].getClass().getSimpleName(), k).isEqualTo(Double.doubleToRawLongBits(v[0]));
                    }
                    boolean a = p[0].step();
                    assertThat(p[1].step()).isEqualTo(a);
                    if (!a) {
                        break;
                    }
                }
            }
        }
    }

    static Stream<Method> genericMethods() {
        return Stream.of(new HeavyBall(0.0, new Schedule.Constant(0.05)), new Nesterov(0.0, new Schedule.Constant(0.05)));
    }
}
