package eoslab.spec;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.method.HeavyBall;
import eoslab.method.Method;
import eoslab.method.Nesterov;
import eoslab.method.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Methods and schedules as specifications: the {@code --schedule} text forms, the JSON round trip of a whole run, the
 * options that recreate them, and the conversion of the schedule's own step sizes with the map that gave η.
 */
class MethodSpecTest extends EoslabTest {

    @ParameterizedTest
    @ValueSource(strings = {"constant", "warmup:100", "cosine:500", "cosine:500:0.01", "step:100:0.5", "exp:0.999",
        "file:some/path.txt"})
    void scheduleTextRoundTrips(String text) {
        ScheduleSpec s = ScheduleSpec.parse(text, null);
        assertThat(s.label()).isEqualTo(text);
        assertThat(ScheduleSpec.parse(s.describe())).isEqualTo(s);
    }

    @Test
    void warmupCarriesItsStart() {
        ScheduleSpec s = ScheduleSpec.parse("warmup:50", 0.02);
        assertThat(s).isEqualTo(new ScheduleSpec.Warmup(50, 0.02));
        assertThat(s.toArgs()).containsExactly("--schedule", "warmup:50", "--eta-start", "0.02");
        assertThat(ScheduleSpec.parse("warmup:50", null).toArgs()).containsExactly("--schedule", "warmup:50");
        assertThatThrownBy(() -> ScheduleSpec.parse("cosine:50", 0.1)).hasMessageContaining("--eta-start");
    }

    @ParameterizedTest
    @ValueSource(strings = {"warm:3", "warmup", "warmup:0", "warmup:x", "cosine:10:-1", "step:10", "step:0:0.5",
        "exp:0", "exp:-1", "file:", "constant:3"})
    void malformedSchedulesAreRefused(String text) {
        assertThatThrownBy(() -> ScheduleSpec.parse(text, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schedule");
    }

    @Test
    void wholeRunsRoundTripThroughJsonAndTheirOptions() {
        List<MethodSpec> methods = List.of(MethodSpec.GD, MethodSpec.of("gd", null, ScheduleSpec.parse("exp:0.99", null)),
                MethodSpec.of("heavy-ball", 0.5, ScheduleSpec.CONSTANT),
                MethodSpec.of("nesterov", 0.25, ScheduleSpec.parse("warmup:30", 0.01)),
                MethodSpec.of("heavy-ball", 0.9, ScheduleSpec.parse("cosine:200:0.05", null)),
                MethodSpec.of("nesterov", 0.0, ScheduleSpec.parse("step:10:0.5", null)));
        for (MethodSpec m : methods) {
            RunSpec spec = new RunSpec(ModelSpec.Shallow.ofPhi(1.5), new StartSpec.Canonical(0.2, 3), m,
                    new EtaSpec.Relative(1.2), new StopRule(500, 1e-10), Engine.AUTO, Precision.DOUBLE);
            assertThat(RunSpec.parse(spec.json())).as(m.name()).isEqualTo(spec);
            assertThat(MethodSpec.parse(m.describe())).isEqualTo(m);
        }
        assertThat(MethodSpec.GD.describe()).containsOnlyKeys("name");
        assertThat(MethodSpec.GD.toArgs()).isEmpty();
        assertThat(methods.get(3).toArgs()).containsExactly("--method", "nesterov", "--beta", "0.25", "--schedule",
                "warmup:30", "--eta-start", "0.01");
    }

    @Test
    void scheduleStepsAreConvertedLikeEta() {
        MethodSpec m = MethodSpec.of("heavy-ball", 0.5, ScheduleSpec.parse("warmup:10", 0.2));
        Method method = m.method(0.8, x -> 4 * x);
        assertThat(method).isInstanceOf(HeavyBall.class);
        assertThat(method.schedule()).isEqualTo(new Schedule.Warmup(0.8, 0.8, 10));
        Method cos = MethodSpec.of("nesterov", 0.1, ScheduleSpec.parse("cosine:10:0.25", null)).method(2.0, x -> 4 * x);
        assertThat(cos).isInstanceOf(Nesterov.class);
        assertThat(cos.schedule()).isEqualTo(new Schedule.Cosine(2.0, 1.0, 10));
    }

    @Test
    void invalidMethodsAreRefused() {
        assertThatThrownBy(() -> MethodSpec.of("adam", null, ScheduleSpec.CONSTANT)).hasMessageContaining("--method");
        assertThatThrownBy(() -> MethodSpec.of("gd", 0.5, ScheduleSpec.CONSTANT)).hasMessageContaining("--beta");
        assertThatThrownBy(() -> MethodSpec.of("heavy-ball", 1.0, ScheduleSpec.CONSTANT))
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> MethodSpec.of("nesterov", Double.NaN, ScheduleSpec.CONSTANT))
                .hasMessageContaining("[0, 1)");
    }
}
