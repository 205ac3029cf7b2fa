package eoslab;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of every test class, in the spirit of EJML's {@code EjmlStandardJUnit}: a fixed-seed generator, fresh for
 * each test instance, and silence. {@code System.out} and {@code System.err} are replaced by recording streams for
 * the duration of each test, and the test fails if anything was written to either (results go to the writers the
 * code is given, never to the process's streams). The original streams are restored in all cases.
 */
public abstract class EoslabTest {
    /** Seeded generator: every test instance draws the same sequence. */
    protected final Random rng = new Random(345);

    private PrintStream originalOut;
    private PrintStream originalErr;
    private ByteArrayOutputStream recordedOut;
    private ByteArrayOutputStream recordedErr;

    /** Replaces the standard streams by recording ones. */
    @BeforeEach
    protected final void recordStandardStreams() {
        originalOut = System.out;
        originalErr = System.err;
        recordedOut = new ByteArrayOutputStream();
        recordedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(recordedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(recordedErr, true, StandardCharsets.UTF_8));
    }

    /** Restores the standard streams, then fails if the test wrote to either. */
    @AfterEach
    protected final void requireSilence() {
        try {
            System.out.flush();
            System.err.flush();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String out = recordedOut.toString(StandardCharsets.UTF_8);
        String err = recordedErr.toString(StandardCharsets.UTF_8);
        assertThat(out + err).as("text the test wrote to System.out: \"%s\", to System.err: \"%s\"", out, err)
                .isEmpty();
    }
}
