package eoslab.measure;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link PhaseMap}: class counts, the boundary between fates, and the box dimension of simple boundaries. */
class PhaseMapTest extends EoslabTest {

    private static PhaseMap map(int nx, int ny, IntBinaryOperator cls) {
        PhaseMap m = PhaseMap.empty(nx, ny);
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                m.cls()[iy * nx + ix] = (byte) cls.applyAsInt(ix, iy);
            }
        }
        return m;
    }

    @Test
    void countsEveryClass() {
        PhaseMap m = map(7, 5, (ix, iy) -> (ix + 3 * iy) % 5);
        long[] expected = new long[5];
        for (int iy = 0; iy < 5; iy++) {
            for (int ix = 0; ix < 7; ix++) {
                expected[(ix + 3 * iy) % 5]++;
            }
        }
        assertThat(m.counts()).containsExactly(expected);
        assertThat(CellClass.of(m.cls()[(2) * m.nx() + (4)])).isEqualTo(CellClass.of((4 + 6) % 5));
        assertThat(m.counts()).hasSize(CellClass.values().length);
    }

    @Test
    void boundaryCellsHaveAFourNeighbourOfAnotherFate() {
        // converged on the left, diverged at the top right, bounded (periodic, aperiodic and slow alike) elsewhere
        int c = CellClass.CONVERGED.ordinal();
        int d = CellClass.DIVERGED.ordinal();
        PhaseMap m = map(6, 4, (ix, iy) -> ix < 2 ? c : iy == 3 ? d : 2 + (ix + iy) % 3);
        boolean[] b = m.boundary();
        String[] expected = {
            ".XX...",
            ".XX...",
            ".XXXXX",
            ".XXXXX"};
        for (int iy = 0; iy < 4; iy++) {
            StringBuilder row = new StringBuilder();
            for (int ix = 0; ix < 6; ix++) {
                row.append(b[iy * 6 + ix] ? 'X' : '.');
            }
            assertThat(row.toString()).as("row %d", iy).isEqualTo(expected[iy]);
        }
    }

    @Test
    void aStraightBoundaryHasDimensionOne() {
        PhaseMap vertical = map(256, 256, (ix, iy) -> ix < 100 ? 0 : 1);
        assertThat(vertical.boxDimension()).isCloseTo(1.0, within(0.02));
        PhaseMap diagonal = map(512, 256, (ix, iy) -> ix < iy + 80 ? 0 : 3);
        assertThat(diagonal.boxDimension()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void aRandomMapHasDimensionNearTwo() {
        // at s = 1 only about 3/4 of the cells touch another fate; every coarser box holds one
        PhaseMap noise = map(256, 256, (ix, iy) -> rng.nextBoolean() ? 0 : 2);
        assertThat(noise.boxDimension()).isBetween(1.9, 2.0);
    }

    @Test
    void noBoundaryOrTooFewScalesIsNaN() {
        assertThat(map(64, 64, (ix, iy) -> 0).boxDimension()).isNaN();
        assertThat(map(64, 64, (ix, iy) -> ix % 2 == 0 ? 1 : 2).boxDimension()).as("no converged cell").isNaN();
        assertThat(map(24, 24, (ix, iy) -> ix < 12 ? 0 : 1).boxDimension()).as("scales 1, 2 only").isNaN();
        assertThat(map(32, 32, (ix, iy) -> ix < 12 ? 0 : 1).boxDimension()).as("scales 1, 2, 4").isCloseTo(1.0,
                within(1e-12));
    }
}
