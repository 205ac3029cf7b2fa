package eoslab.sharpness;

import eoslab.EoslabTest;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes allocated by this thread (HotSpot's per-thread counter). The Hessian operator allocates nothing; a warm
 * Lanczos estimate allocates its result and what the f2j ARPACK code allocates inside each dsaupd call (a few
 * kilobytes, independent of n), never a vector of length n: at n = 20 000 one such vector is 160 kB.
 */
class SharpnessAllocationTest extends EoslabTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void hessianOperatorAllocatesNothing() {
        Random rnd = new Random(51);
        int n = 1000;
        ShallowTestModel shallow = new ShallowTestModel(n / 2, 1);
        SpectralModel quartic = SpectralModel.quadratic(Fixtures.spectrum(n, -1, 1, rnd), 3, 52).withQuartic(0.2);
        double[] theta = Fixtures.gaussian(n, 1, rnd);
        double[] v = Fixtures.gaussian(n, 1, rnd);
        double[] hv = new double[n];
        double[] work = new double[3 * n];
        HessianOperator a = new HessianOperator(shallow, theta);
        HessianOperator b = new HessianOperator(quartic, theta);
        for (int i = 0; i < 5000; i++) {
            a.apply(v, hv);
            b.apply(v, hv);
            b.apply(work, n, work, 2 * n);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            a.apply(v, hv);
            b.apply(v, hv);
            b.apply(work, n, work, 2 * n);
            a.moveTo(theta);
        }
        long bytes = allocatedBytes() - before;
        assertThat(bytes).as("bytes allocated by 30000 applications and 10000 moves").isLessThan(4096);
    }

    @Test
    void warmLanczosEstimateAllocatesNoVectorOfLengthN() {
        // ARPACK's Java code allocates small work objects in every call, and how many of them the JIT scalar-replaces
        // varies from one JVM to the next (8–300 kB per estimate measured). That part does not depend on n: compare
        // two sizes in one JVM. One vector of the larger size would add 8·40 000 = 320 kB per call.
        long small = warmBytesPerEstimate(10_000);
        long large = warmBytesPerEstimate(40_000);
        assertThat(large - small).as("extra bytes per warm estimate at 4× the dimension").isLessThan(80_000);
    }

    private static long warmBytesPerEstimate(int n) {
        Random rnd = new Random(53);
        SpectralModel model = SpectralModel.quadratic(Fixtures.spectrum(n, 0, 9, rnd, 10, 9.5), 2, 54)
                .withQuartic(0.01);
        double[] theta = Fixtures.gaussian(n, 1, rnd);
        LanczosSharpness lanczos = new LanczosSharpness(1, 1e-10, 1000, false);
        for (int i = 0; i < 20; i++) {
            lanczos.estimate(model, theta);
        }
        int calls = 10;
        long hvps = 0;
        long before = allocatedBytes();
        for (int i = 0; i < calls; i++) {
            hvps += lanczos.estimate(model, theta).hvps();
        }
        long perCall = (allocatedBytes() - before) / calls;
        assertThat(hvps).isPositive();
        return perCall;
    }

}
