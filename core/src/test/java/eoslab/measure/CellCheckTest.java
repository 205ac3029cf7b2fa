package eoslab.measure;

import eoslab.EoslabTest;
import eoslab.grid.Axis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link CellCheck}: its table row, confirmation, and the counts of a {@link CellCheck.Certification}. */
class CellCheckTest extends EoslabTest {

    @Test
    void rowNamesTheCellItsParametersAndBothVerdicts() {
        CellCheck c = new CellCheck(3, 1, true, 2, 10000, 4, 3, 10000, 0);
        Map<String, Object> row = c.row(new Axis("eta", 0.2, 1.6, 8, false), new Axis("lambda0", 1, 3, 3, false));
        assertThat(new ArrayList<>(row.keySet())).containsExactly("ix", "iy", "eta", "lambda0", "boundary", "double",
                "double_steps", "double_period", "decimal", "decimal_steps", "decimal_period");
        assertThat(new ArrayList<>(row.values())).containsExactly(3, 1, 0.2 + (1.6 - 0.2) * (3.0 / 7), 2.0, true,
                "periodic", 10000, 4, "aperiodic", 10000, 0);
        assertThat(c.confirmed()).isFalse();
    }

    @Test
    void confirmedMeansSameClassStepAndPeriod() {
        assertThat(new CellCheck(0, 0, false, 0, 55, 0, 0, 55, 0).confirmed()).isTrue();
        assertThat(new CellCheck(0, 0, false, 0, 55, 0, 0, 56, 0).confirmed()).isFalse();
        assertThat(new CellCheck(0, 0, false, 2, 9, 2, 2, 9, 4).confirmed()).isFalse();
        assertThat(new CellCheck(0, 0, false, 0, 9, 0, 1, 9, 0).confirmed()).isFalse();
    }

    @Test
    void certificationCountsConfirmedChangedAndMismatched() {
        List<CellCheck> checks = new ArrayList<>();
        int confirmed = 0;
        int changed = 0;
        for (int i = 0; i < 200; i++) {
            int cls = rng.nextInt(5);
            int dcls = rng.nextInt(4) == 0 ? rng.nextInt(5) : cls;
            int steps = rng.nextInt(100);
            int dsteps = rng.nextInt(5) == 0 ? steps + 1 : steps;
            CellCheck c = new CellCheck(i % 10, i / 10, rng.nextBoolean(), cls, steps, 0, dcls, dsteps, 0);
            checks.add(c);
            confirmed += cls == dcls && steps == dsteps ? 1 : 0;
            changed += cls != dcls ? 1 : 0;
        }
        CellCheck.Certification cert = new CellCheck.Certification(40, 150, 50, checks);
        assertThat(cert.confirmed()).isEqualTo(confirmed);
        assertThat(cert.classChanged()).isEqualTo(changed);
        assertThat(cert.mismatches()).hasSize(200 - confirmed).noneMatch(CellCheck::confirmed);
        assertThat(confirmed).isBetween(1, 199);
        checks.clear();
        assertThat(cert.checks()).as("a copy of the list").hasSize(200);
        assertThatThrownBy(() -> cert.checks().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
