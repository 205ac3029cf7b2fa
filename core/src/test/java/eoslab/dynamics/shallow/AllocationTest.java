package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowState;
import eoslab.spec.StartSpec;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot loops allocate nothing per step: bytes allocated by this thread (HotSpot's per-thread counter) over many steps
 * stay below what a single allocation per step would need many times over.
 */
class AllocationTest extends EoslabTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void vectorStepAllocatesNothing() {
        VectorGd gd = VectorGd.from(1.0, 0.1, new StartSpec.Gaussian(1001, 0.03, 0.03, 1).point());
        for (int i = 0; i < 2000; i++) {
            gd.step();
        }
        long before = allocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            gd.step();
        }
        long bytes = allocatedBytes() - before;
        assertThat(bytes).as("bytes allocated over 20000 steps").isLessThan(2048);
    }

    @Test
    void reducedRunAllocatesOnlyPerRun() {
        ReducedGd warm = ReducedGd.from(1.0, 1e-7, ReducedPoint.canonical(0.1, 5).toVectors());
        Runner.run(warm, new StopRule(100_000, 1e-12), List.of());
        ReducedGd gd = ReducedGd.from(1.0, 1e-7, ReducedPoint.canonical(0.1, 5).toVectors());
        long before = allocatedBytes();
        RunResult<ShallowState> r = Runner.run(gd, new StopRule(200_000, 1e-12), List.of());
        long bytes = allocatedBytes() - before;
        assertThat(r.steps()).isEqualTo(200_000);
        assertThat(bytes).as("bytes allocated by a 200000-step run").isLessThan(4096);
    }
}
