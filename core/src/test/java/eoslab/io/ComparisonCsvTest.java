package eoslab.io;

import eoslab.method.Clock;
import eoslab.method.GradientDescent;

import eoslab.EoslabTest;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ComparisonCsv}: the same sampling as the trajectory file (step 0, every k-th, the last), GD's values from an
 * independent replay and GF's from {@link ClosedFormFlow} at t = ηk.
 */
class ComparisonCsvTest extends EoslabTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 4, 6, 50})
    void gdAndGfSideBySideOnOneClock(long every) {
        VectorPoint start = new StartSpec.Canonical(0.1, 5).point();
        double eta = 0.45;
        ClosedFormFlow flow = ClosedFormFlow.from(1.0, start);
        StringBuilder out = new StringBuilder();
        var r = Runner.run(ReducedGd.from(1.0, eta, start), new StopRule(100_000, 1e-12),
                List.of(new ComparisonCsv(out, flow, new Clock(GradientDescent.constant(eta)), every)));
        assertThat(r.converged()).isTrue();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", ComparisonCsv.COLUMNS));
        assertThat(ComparisonCsv.COLUMNS).hasSize(16).startsWith("step", "time", "gd_loss").endsWith("gf_gf_sharpness");
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        assertThat(rows.stream().map(c -> Long.parseLong(c[0])).toList())
                .isEqualTo(TrajectoryCsvTest.expectedSteps(every, r.steps()));
        List<ShallowSnapshot> gd = TrajectoryCsvTest.replay(1.0, eta, start, r.steps());
        for (String[] c : rows) {
            int k = Integer.parseInt(c[0]);
            ShallowSnapshot g = gd.get(k);
            ShallowSnapshot f = flow.at(eta * k);
            double[] expected = {eta * k, g.loss(), g.residual(), g.product(), g.norm(), g.imbalance(),
                    g.sharpness(), g.gfSharpness(), f.loss(), f.residual(), f.product(), f.norm(), f.imbalance(),
                    f.sharpness(), f.gfSharpness()};
            for (int j = 0; j < expected.length; j++) {
                assertThat(Double.parseDouble(c[j + 1])).as("%s at step %d", ComparisonCsv.COLUMNS.get(j + 1), k)
                        .isEqualTo(expected[j]);
            }
        }
    }
}
