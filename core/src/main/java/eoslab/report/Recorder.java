package eoslab.report;

import eoslab.dynamics.StepObserver;
import eoslab.model.shallow.ShallowState;
import java.util.Arrays;
import java.util.stream.IntStream;

/** Keeps every iterate of a GD run: step, residual, imbalance, sharpness and GF-solution sharpness. */
final class Recorder implements StepObserver<ShallowState> {
    private int n;
    private long[] step = new long[1024];
    private double[] residual = new double[1024];
    private double[] imbalance = new double[1024];
    private double[] sharpness = new double[1024];
    private double[] gfSharpness = new double[1024];

    @Override
    public void start(ShallowState stepper) {
        step(0, stepper);
    }

    @Override
    public void step(long k, ShallowState it) {
        if (n == step.length) {
            int c = 2 * n;
            step = Arrays.copyOf(step, c);
            residual = Arrays.copyOf(residual, c);
            imbalance = Arrays.copyOf(imbalance, c);
            sharpness = Arrays.copyOf(sharpness, c);
            gfSharpness = Arrays.copyOf(gfSharpness, c);
        }
        step[n] = k;
        residual[n] = it.residual();
        imbalance[n] = it.imbalance();
        sharpness[n] = it.sharpness();
        gfSharpness[n] = it.gfSharpness();
        n++;
    }

    int size() {
        return n;
    }

    long step(int i) {
        return step[i];
    }

    double loss(int i) {
        return 0.5 * residual[i] * residual[i];
    }

    double residual(int i) {
        return residual[i];
    }

    double imbalance(int i) {
        return imbalance[i];
    }

    double sharpness(int i) {
        return sharpness[i];
    }

    double gfSharpness(int i) {
        return gfSharpness[i];
    }

    /** Indices to keep so that at most about maxPoints remain: every k-th, always the first and the last. */
    int[] thinned(int maxPoints) {
        int every = Math.max(1, (n + maxPoints - 1) / maxPoints);
        return IntStream.range(0, n).filter(i -> i % every == 0 || i == n - 1).toArray();
    }
}
