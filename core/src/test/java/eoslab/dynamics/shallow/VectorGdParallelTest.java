package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large vectors are stepped by several cores ({@link ChunkPool}): the result must not change by a single bit, must
 * still agree with the exact reduced map, and a step must still allocate nothing.
 */
class VectorGdParallelTest extends EoslabTest {
    private static final int WIDTH = 17 * VectorGd.CHUNK + 12_345;

    private static VectorPoint start() {
        return new StartSpec.Gaussian(WIDTH, 0.002, 0.001, 5).point();
    }

    @Test
    void sharedStepsEqualSingleThreadedStepsBitForBit() {
        VectorPoint p = start();
        double eta = Landmarks.of(1.0, p).absoluteEta(1.4);
        VectorGd shared = VectorGd.from(1.0, eta, p);
        VectorGd alone = VectorGd.singleThreaded(1.0, eta, p);
        for (int k = 0; k < 60; k++) {
            assertThat(shared.step()).isEqualTo(alone.step());
            assertThat(shared.product()).as("step %d", k).isEqualTo(alone.product());
            assertThat(shared.norm()).as("step %d", k).isEqualTo(alone.norm());
        }
        assertThat(shared.point()).isEqualTo(alone.point());
    }

    @Test
    void sharedStepsAgreeWithTheReducedMap() {
        VectorPoint p = start();
        double eta = Landmarks.of(1.0, p).absoluteEta(1.2);
        VectorGd vector = VectorGd.from(1.0, eta, p);
        ReducedGd reduced = ReducedGd.from(1.0, eta, p);
        for (int k = 0; k < 150; k++) {
            vector.step();
            reduced.step();
            double scale = reduced.norm() + 1.0;
            assertThat(vector.norm()).isCloseTo(reduced.norm(), org.assertj.core.data.Offset.offset(1e-10 * scale));
            assertThat(vector.residual()).isCloseTo(reduced.residual(),
                    org.assertj.core.data.Offset.offset(1e-10 * scale));
        }
    }

    @Test
    void sharedStepAllocatesNothing() {
        VectorGd gd = VectorGd.from(1.0, 1e-4, start());
        for (int i = 0; i < 200; i++) {
            gd.step();
        }
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200; i++) {
            gd.step();
        }
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).isLessThan(1024);
    }
}
