package eoslab.sweep;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.measure.CellCheck.Certification;
import eoslab.measure.PhaseMap;
import eoslab.service.RunReport;
import eoslab.service.RunService;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Phase maps with momentum, over (η, β) and over (η, λ₀): every cell's class and step are those of {@code eoslab run}
 * with the cell's specification, whatever the thread count; the decimal certification confirms them.
 */
class MomentumPhaseTest extends EoslabTest {

    private static RunSettings settings(String method, double beta, int steps) {
        return new RunSettings(MethodSpec.of(method, beta, ScheduleSpec.CONSTANT), new StopRule(steps, 1e-12),
                Engine.AUTO, Precision.DOUBLE);
    }

    private static void assertCellsAreRuns(PhaseSpec spec, PhaseMap map) {
        int[] seen = new int[CellClass.values().length];
        for (int iy = 0; iy < map.ny(); iy++) {
            for (int ix = 0; ix < map.nx(); ix++) {
                RunSpec cell = spec.cell(ix, iy);
                RunReport r = RunService.run(cell);
                int c = iy * map.nx() + ix;
                CellClass k = CellClass.of(map.cls()[c]);
                seen[k.ordinal()]++;
                switch (r.result().outcome()) {
                    case CONVERGED -> assertThat(k).as("cell %d,%d", ix, iy).isEqualTo(CellClass.CONVERGED);
                    case DIVERGED -> assertThat(k).as("cell %d,%d", ix, iy).isEqualTo(CellClass.DIVERGED);
                    case MAX_STEPS -> assertThat(k.bounded()).as("cell %d,%d", ix, iy).isTrue();
                }
                assertThat((long) map.steps()[c]).as("cell %d,%d", ix, iy).isEqualTo(r.result().endStep());
            }
        }
        assertThat(seen[CellClass.CONVERGED.ordinal()]).isPositive();
        assertThat(seen[CellClass.DIVERGED.ordinal()]).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"heavy-ball", "nesterov"})
    void mapOverStepAndMomentum(String method) {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 2.4, 24, false), Axis.single("phi", 1.0),
                Axis.single("m0", 0.1), Axis.single("lambda0", 2.5), settings(method, 0.0, 3000))
                .withBeta(new Axis("beta", 0.0, 0.9, 10, false));
        PhaseSpec spec = new PhaseSpec(g, 1);
        assertThat(spec.y().name()).isEqualTo("beta");
        PhaseMap one = PhaseEngine.run(spec, 1, null);
        PhaseMap two = PhaseEngine.run(spec, 2, null);
        assertThat(two.cls()).containsExactly(one.cls());
        assertThat(two.steps()).containsExactly(one.steps());
        assertThat(two.period()).containsExactly(one.period());
        assertCellsAreRuns(spec, one);
    }

    @ParameterizedTest(name = "{0} β = {1}")
    @CsvSource({"heavy-ball, 0.6", "nesterov, 0.4"})
    void mapOverStepAndStartWithCertification(String method, double beta) {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta-rel", 0.3, 2.5, 20, false),
                Axis.single("phi", 1.0), Axis.single("m0", 0.0), new Axis("lambda0", 0.5, 6, 8, false),
                settings(method, beta, 2000));
        PhaseSpec spec = new PhaseSpec(g, g.axes().indexOf(g.axis("lambda0")));
        PhaseMap map = PhaseEngine.run(spec, 2, null);
        assertCellsAreRuns(spec, map);
        Certification c = Certifier.certify(spec, map, 20, 40, 2, null);
        assertThat(c.classChanged()).isZero();
        assertThat(c.confirmed()).isGreaterThan(c.checks().size() * 8 / 10);
    }

    @org.junit.jupiter.api.Test
    void aVaryingScheduleIsRefused() {
        RunSettings s = new RunSettings(MethodSpec.of("heavy-ball", 0.5, ScheduleSpec.parse("warmup:10", null)),
                new StopRule(100, 1e-12), Engine.AUTO, Precision.DOUBLE);
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1, 4, false), Axis.single("phi", 1.0),
                Axis.single("m0", 0.0), new Axis("lambda0", 1, 2, 3, false), s);
        assertThatThrownBy(() -> new PhaseSpec(g, g.axes().indexOf(g.axis("lambda0"))))
                .hasMessageContaining("constant");
    }
}
