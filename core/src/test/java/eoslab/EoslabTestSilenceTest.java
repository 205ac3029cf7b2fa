package eoslab;

import java.io.PrintStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link EoslabTest} itself: printing fails the test, the streams are restored either way, the seed is fixed. */
class EoslabTestSilenceTest extends EoslabTest {
    /** A test instance driven by hand. */
    private static final class Probe extends EoslabTest {
    }

    @Test
    void printingToEitherStreamFailsAndTheStreamsAreRestored() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Probe quiet = new Probe();
        quiet.recordStandardStreams();
        assertThat(System.out).isNotSameAs(out);
        quiet.requireSilence();
        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);

        Probe loud = new Probe();
        loud.recordStandardStreams();
        System.out.print("hello");
        System.err.println("oops");
        assertThatThrownBy(loud::requireSilence).isInstanceOf(AssertionError.class)
                .hasMessageContaining("System.out").hasMessageContaining("hello")
                .hasMessageContaining("System.err").hasMessageContaining("oops");
        assertThat(System.out).as("restored after a failure").isSameAs(out);
        assertThat(System.err).isSameAs(err);
    }

    @Test
    void everyInstanceDrawsTheSameSequence() {
        Random reference = new Random(345);
        assertThat(new Probe().rng.nextLong()).isEqualTo(reference.nextLong());
        assertThat(rng.nextLong()).isEqualTo(new Random(345).nextLong());
    }
}
