package eoslab.model.linear;

import eoslab.EoslabTest;
import eoslab.model.Model;
import eoslab.model.diagonal.DiagonalModel;
import eoslab.model.diagonal.DiagonalStarts;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gradients, Hessian-vector products (at the cached θ and at alternating θ), losses, end-to-end matrices and conserved
 * quantities allocate nothing: bytes allocated by this thread (HotSpot's per-thread counter, as in
 * {@code AllocationTest}) over 1000 calls after a warm-up stay within a few hundred bytes of noise.
 */
class ModelAllocationTest extends EoslabTest {
    private static final long NOISE = 256;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * Bytes allocated by 1000 calls after 5000 warm-up calls: the smallest of 5 rounds, so that a one-off allocation by
     * the JIT installing compiled code does not count, while an allocation in every call (≥ 16 bytes each) would show
     * in every round.
     */
    private static long bytesOver1000(IntConsumer call) {
        for (int i = 0; i < 5000; i++) {
            call.accept(i);
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = allocatedBytes();
            for (int i = 0; i < 1000; i++) {
                call.accept(i);
            }
            least = Math.min(least, allocatedBytes() - before);
        }
        return least;
    }

    private static void check(String name, Model model, double[] t1, double[] t2) {
        int n = model.dimension();
        double[] g = new double[n];
        double[] hv = new double[n];
        double[] v = TestData.gaussian(n, 1.0, new Random(1));
        double[] c = new double[model.conservedDimension()];
        double[][] thetas = {t1, t2};
        assertThat(bytesOver1000(i -> model.gradient(thetas[i & 1], g))).as(name + " gradient").isLessThan(NOISE);
        assertThat(bytesOver1000(i -> model.hessianVector(t1, v, hv))).as(name + " HVP, cached θ").isLessThan(NOISE);
        assertThat(bytesOver1000(i -> model.hessianVector(thetas[i & 1], v, hv))).as(name + " HVP").isLessThan(NOISE);
        assertThat(bytesOver1000(i -> model.loss(thetas[i & 1]))).as(name + " loss").isLessThan(NOISE);
        assertThat(bytesOver1000(i -> model.conserved(thetas[i & 1], c))).as(name + " conserved").isLessThan(NOISE);
        assertThat(bytesOver1000(i -> model.imbalance(thetas[i & 1]))).as(name + " imbalance").isLessThan(NOISE);
        if (model instanceof DeepLinearModel d) {
            double[] e = new double[d.inputs() * d.outputs()];
            assertThat(bytesOver1000(i -> d.endToEnd(thetas[i & 1], e))).as(name + " end-to-end").isLessThan(NOISE);
        }
    }

    @Test
    void deepLinearModelsAllocateNothingPerCall() {
        Random rnd = new Random(2);
        int[] w1 = {3, 8, 2, 4};
        check("data p<q", DeepLinearModel.fromData(w1, TestData.gaussian(10, 3, 1, rnd), TestData.gaussian(10, 4, 1, rnd)),
                LinearStarts.gaussian(w1, 0.5, 1), LinearStarts.gaussian(w1, 0.5, 2));
        int[] w2 = {6, 12, 1, 2};
        check("data q<p (transposed), n<p",
                DeepLinearModel.fromData(w2, TestData.gaussian(4, 6, 1, rnd), TestData.gaussian(4, 2, 1, rnd)),
                LinearStarts.gaussian(w2, 0.5, 1), LinearStarts.gaussian(w2, 0.5, 2));
        int[] w3 = {5, 3, 5};
        check("target", DeepLinearModel.target(w3, TestData.gaussian(5, 5, 1, rnd)), LinearStarts.gaussian(w3, 0.5, 1),
                LinearStarts.gaussian(w3, 0.5, 2));
        check("scalar chain", new ScalarChain(4, 1.0).model(), new double[] {1, 2, 3, 4}, new double[] {0.5, 1, 1, 1});
    }

    @Test
    void diagonalModelAllocatesNothingPerCall() {
        DiagonalModel model = DiagonalModel.sparse(10, 20, 3, 0.1, 1);
        check("diagonal", model, DiagonalStarts.gaussian(20, 0.5, 1), DiagonalStarts.gaussian(20, 0.5, 2));
    }
}
