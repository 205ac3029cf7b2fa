package eoslab.grid;

import eoslab.EoslabTest;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@link Axis}: exact ends, linear and geometric values from the index alone, zoom, and parse errors. */
class AxisTest extends EoslabTest {

    @Test
    void endsAreExactlyStartAndStop() {
        for (int trial = 0; trial < 200; trial++) {
            double x = rng.nextGaussian() * Math.pow(10, rng.nextInt(6) - 3);
            double y = rng.nextGaussian() * Math.pow(10, rng.nextInt(6) - 3);
            double start = Math.min(x, y);
            double stop = Math.max(x, y);
            int count = 2 + rng.nextInt(5000);
            double[] v = new Axis("x", start, stop, count, false).values();
            assertThat(v).hasSize(count);
            assertThat(v[0]).isEqualTo(start);
            assertThat(v[count - 1]).isEqualTo(stop);
            double lo = Math.min(Math.abs(x), Math.abs(y)) + 1;
            double hi = Math.max(Math.abs(x), Math.abs(y)) + 1.5;
            double[] g = new Axis("x", lo, hi, count, true).values();
            assertThat(g[0]).isEqualTo(lo);
            assertThat(g[count - 1]).isEqualTo(hi);
        }
    }

    @Test
    void linearValuesAreStartPlusIndexTimesTheStep() {
        Axis a = new Axis("eta", 0.2, 1.6, 8, false);
        for (int i = 1; i < 7; i++) {
            assertThat(a.value(i)).isEqualTo(0.2 + (1.6 - 0.2) * ((double) i / 7));
            assertThat(a.value(i)).isCloseTo(0.2 + 0.2 * i, within(1e-15));
        }
        assertThat(Axis.linspace(0, 1, 5)).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThatThrownBy(() -> Axis.linspace(3, -3, 3)).hasMessageContaining("must increase");
        assertThatThrownBy(() -> new Axis("lambda0", 8, 0.5, 100, false))
                .hasMessage("--lambda0: a range start:stop:count must increase (start < stop), got 8.0:0.5:100");
        assertThatThrownBy(() -> Axis.parse("m0", "1:1:3", false)).hasMessageContaining("must increase");
        assertThat(Axis.parse("m0", "1:1:1", false).values()).containsExactly(1.0);
    }

    @Test
    void logValuesAreAGeometricProgression() {
        Axis a = new Axis("eta", 1e-3, 1e3, 7, true);
        assertThat(a.values()).containsExactly(new double[] {1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3}, within(1e-12));
        for (int i = 1; i < 6; i++) {
            assertThat(a.value(i + 1) / a.value(i)).isCloseTo(10, within(1e-12));
        }
        Axis b = new Axis("s", 2, 50, 11, true);
        for (int i = 1; i < 10; i++) {
            assertThat(b.value(i)).isEqualTo(2 * Math.pow(25, (double) i / 10));
        }
    }

    @Test
    void countOneIsTheStartAlone() {
        assertThat(new Axis("x", 0.7, 9, 1, false).values()).containsExactly(0.7);
        assertThat(Axis.parse("x", "0.7:9:1", false).values()).containsExactly(0.7);
        assertThat(Axis.single("phi", -2).values()).containsExactly(-2);
        assertThat(Axis.linspace(4, 5, 1)).containsExactly(4);
        assertThat(Axis.single("phi", -2).toString()).isEqualTo("-2.0");
    }

    @Test
    void parsesValuesAndRanges() {
        assertThat(Axis.parse("eta", "0.5", false)).isEqualTo(new Axis("eta", 0.5, 0.5, 1, false));
        assertThat(Axis.parse("eta", "0.1:1.9:200", true)).isEqualTo(new Axis("eta", 0.1, 1.9, 200, true));
        assertThat(Axis.parse("m0", "-1e-3:2E2:3", false).values()).containsExactly(-1e-3, (200 - 1e-3) / 2, 200);
        assertThat(new Axis("eta", 0.1, 1.9, 200, true).toString()).isEqualTo("0.1:1.9:200 (log)");
    }

    @Test
    void zoomKeepsNameCountAndSpacing() {
        Axis a = new Axis("lambda0", 0.5, 8, 2048, true);
        Axis z = a.zoom(2.5, 3.5);
        assertThat(z).isEqualTo(new Axis("lambda0", 2.5, 3.5, 2048, true));
        assertThat(z.value(0)).isEqualTo(2.5);
        assertThat(z.value(2047)).isEqualTo(3.5);
    }

    @Test
    void parseErrorsNameTheOptionAndTheText() {
        for (String bad : new String[] {"", "a", "1:2", "1:2:3:4", "1:2:x", "x:2:3", "1:2:1.5"}) {
            assertThatThrownBy(() -> Axis.parse("eta", bad, false)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--eta must be a number or start:stop:count, got '" + bad + "'");
        }
        assertThatThrownBy(() -> Axis.parse("eta", "1:2:0", false))
                .hasMessage("--eta: count must be at least 1, got 0");
        assertThatThrownBy(() -> Axis.parse("eta", "NaN", false)).hasMessage("--eta: values must be finite");
        assertThatThrownBy(() -> Axis.parse("eta", "1:Infinity:3", false)).hasMessage("--eta: values must be finite");
        assertThatThrownBy(() -> Axis.parse("scale", "0:1:3", true))
                .hasMessage("--scale: a geometric (--log) range needs positive values");
        assertThatThrownBy(() -> new Axis("eta", -1, 1, 3, true)).hasMessageContaining("positive");
    }
}
