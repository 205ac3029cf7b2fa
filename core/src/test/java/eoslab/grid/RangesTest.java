package eoslab.grid;

import eoslab.EoslabTest;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Ranges}: comma lists of values and ranges, with the values of {@link Axis} bit for bit, and bad input. */
class RangesTest extends EoslabTest {

    @Test
    void listsValuesAndRangesInOrder() {
        assertThat(Ranges.parse("--eta-rel", "0.5,1:2:3")).containsExactly(0.5, 1, 1.5, 2);
        assertThat(Ranges.parse("--phi", "1, -2")).containsExactly(1, -2);
        assertThat(Ranges.parse("--m0", " 0.3 ")).containsExactly(0.3);
        assertThat(Ranges.parse("--x", "1:2:3,1:2:3")).containsExactly(1, 1.5, 2, 1, 1.5, 2);
        assertThatThrownBy(() -> Ranges.parse("--x", "2:1:3")).hasMessageContaining("must increase");
        assertThat(Ranges.parse("--x", "1 : 2 : 2")).containsExactly(1, 2);
    }

    @Test
    void rangeValuesEqualTheAxisValuesBitForBit() {
        for (int trial = 0; trial < 50; trial++) {
            double start = rng.nextDouble() * 3;
            double stop = start + rng.nextDouble() * 5;
            int count = 1 + rng.nextInt(1000);
            String text = start + ":" + stop + ":" + count;
            assertThat(Ranges.parse("--eta-rel", text)).containsExactly(new Axis("eta-rel", start, stop, count, false)
                    .values());
        }
    }

    @Test
    void badPartsAreNamed() {
        assertThatThrownBy(() -> Ranges.parse("--eta", "1,a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--eta: not a finite number: 'a'");
        assertThatThrownBy(() -> Ranges.parse("--eta", "1,,2")).hasMessage("--eta: not a finite number: ''");
        assertThatThrownBy(() -> Ranges.parse("--eta", "NaN")).hasMessage("--eta: not a finite number: 'NaN'");
        assertThatThrownBy(() -> Ranges.parse("--eta", "1:Infinity:3"))
                .hasMessage("--eta: not a finite number: 'Infinity'");
        assertThatThrownBy(() -> Ranges.parse("--eta", "1:2")).hasMessage("--eta: expected a number or "
                + "start:stop:count, got '1:2'");
        assertThatThrownBy(() -> Ranges.parse("--eta", "1:2:3:4")).hasMessage("--eta: expected a number or "
                + "start:stop:count, got '1:2:3:4'");
    }

    @Test
    void badCountsAreNamed() {
        assertThatThrownBy(() -> Ranges.parse("--eta", "1:2:x"))
                .hasMessage("--eta: count must be an integer in '1:2:x'");
        assertThatThrownBy(() -> Ranges.parse("--eta", "1:2:2.5"))
                .hasMessage("--eta: count must be an integer in '1:2:2.5'");
        for (String count : new String[] {"0", "-3", "1000001"}) {
            assertThatThrownBy(() -> Ranges.parse("--eta", "1:2:" + count))
                    .hasMessage("--eta: count must be between 1 and 1000000 in '1:2:" + count + "'");
        }
        assertThat(Ranges.parse("--eta", "1:2:1000000")).hasSize(1_000_000);
    }
}
