package eoslab.io;

import eoslab.method.Clock;
import eoslab.method.GradientDescent;

import eoslab.EoslabTest;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TrajectoryCsv}: GD rows at step 0, every k-th step and the last step (never twice), with the values of the
 * iterate at that step as computed by an independent replay of the same map; flow rows with an empty step.
 */
class TrajectoryCsvTest extends EoslabTest {
    private static final VectorPoint START = new StartSpec.Gaussian(5, 0.4, 0.3, 11).point();
    private static final double PHI = -1.3;
    private static final double ETA = 0.2;

    /** The states of the first n steps of the map, by an independent stepper. */
    static List<ShallowSnapshot> replay(double phi, double eta, VectorPoint start, long n) {
        ReducedGd gd = ReducedGd.from(phi, eta, start);
        List<ShallowSnapshot> s = new ArrayList<>();
        s.add(ShallowSnapshot.of(gd));
        for (long k = 0; k < n; k++) {
            gd.step();
            s.add(ShallowSnapshot.of(gd));
        }
        return s;
    }

    /** 0, the multiples of every up to last, and last. */
    static List<Long> expectedSteps(long every, long last) {
        TreeSet<Long> s = new TreeSet<>();
        for (long k = 0; k <= last; k += every) {
            s.add(k);
        }
        s.add(last);
        return new ArrayList<>(s);
    }

    private static List<String[]> cells(StringBuilder out) {
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", TrajectoryCsv.COLUMNS));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 4, 7, 20, 1000})
    void keepsStepZeroEveryKthStepAndTheLast(long every) {
        StringBuilder out = new StringBuilder();
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(PHI, ETA, START), new StopRule(20, 0),
                List.of(TrajectoryCsv.forSteps(out, every, new Clock(GradientDescent.constant(ETA)))));
        assertThat(r.outcome()).isEqualTo(Outcome.MAX_STEPS);
        List<ShallowSnapshot> ref = replay(PHI, ETA, START, 20);
        List<String[]> rows = cells(out);
        assertThat(rows.stream().map(c -> Long.parseLong(c[0])).toList()).isEqualTo(expectedSteps(every, 20));
        for (String[] c : rows) {
            int k = Integer.parseInt(c[0]);
            ShallowSnapshot s = ref.get(k);
            double[] expected = {ETA * k, s.loss(), s.residual(), s.product(), s.norm(), s.imbalance(),
                    s.sharpness(), s.gfSharpness()};
            for (int j = 0; j < expected.length; j++) {
                assertThat(Double.parseDouble(c[j + 1])).as("%s at step %d", TrajectoryCsv.COLUMNS.get(j + 1), k)
                        .isEqualTo(expected[j]);
            }
        }
    }

    @Test
    void aDivergedRunEndsWithItsLastFiniteStep() {
        VectorPoint big = new StartSpec.Canonical(0, 10).point();
        StringBuilder out = new StringBuilder();
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(1.0, 0.6, big), new StopRule(1000, 1e-12),
                List.of(TrajectoryCsv.forSteps(out, 5, new Clock(GradientDescent.constant(0.6)))));
        assertThat(r.outcome()).isEqualTo(Outcome.DIVERGED);
        List<String[]> rows = cells(out);
        assertThat(rows.stream().map(c -> Long.parseLong(c[0])).toList()).isEqualTo(expectedSteps(5, r.steps()));
        assertThat(Double.parseDouble(rows.get(rows.size() - 1)[5])).isEqualTo(r.last().norm());
    }

    @Test
    void aStartThatMeetsTheToleranceHasOneRow() {
        StringBuilder out = new StringBuilder();
        Runner.run(ReducedGd.from(0.25, 0.1, new StartSpec.Canonical(0.25, 1).point()), new StopRule(100, 1e-12),
                List.of(TrajectoryCsv.forSteps(out, 10, new Clock(GradientDescent.constant(0.1)))));
        assertThat(cells(out)).hasSize(1).first().satisfies(c -> assertThat(c[0]).isEqualTo("0"));
    }

    @Test
    void flowRowsHaveAnEmptyStep() {
        StringBuilder out = new StringBuilder();
        TrajectoryCsv rows = TrajectoryCsv.forFlow(out);
        ShallowSnapshot s = new ShallowSnapshot(1.0, 0.5, 2.0, 1.5, -0.5);
        rows.writeTime(0.25, s);
        rows.flush();
        assertThat(out.toString().lines().skip(1).toList()).containsExactly(
                "\"\",0.25,0.125,-0.5,0.5,2.0,1.5," + s.sharpness() + "," + s.gfSharpness());
    }

    @Test
    void refusesAStrideBelowOne() {
        assertThatThrownBy(() -> TrajectoryCsv.forSteps(new StringBuilder(), 0, new Clock(GradientDescent.constant(0.1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("every must be at least 1, got 0");
    }
}
