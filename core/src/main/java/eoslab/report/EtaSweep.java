package eoslab.report;

import eoslab.dynamics.GdResult;
import eoslab.dynamics.GdRunner;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.VectorPoint;
import eoslab.theory.ClaimTrace;
import eoslab.theory.GridPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * GD from one start at many step sizes (exact reduced engine), in parallel, results in η order: what F2, F3, F6 and
 * F7 plot.
 */
final class EtaSweep {
    /** One run of the sweep. */
    record Point(double eta, GdResult result, ClaimTrace trace) {
    }

    private EtaSweep() {
    }

    static List<Point> run(GridPoint start, double[] etas, StopRule rule, int threads) {
        VectorPoint point = start.point();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            int chunks = Math.max(1, Math.min(etas.length, 8 * threads));
            List<Future<List<Point>>> futures = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) etas.length * c / chunks);
                int to = (int) ((long) etas.length * (c + 1) / chunks);
                futures.add(pool.submit(() -> {
                    List<Point> out = new ArrayList<>();
                    for (int i = from; i < to; i++) {
                        ClaimTrace trace = new ClaimTrace(etas[i], Double.NaN, 0.0);
                        GdResult r = GdRunner.run(ReducedGd.from(start.phi(), etas[i], point), rule, List.of(trace));
                        out.add(new Point(etas[i], r, trace));
                    }
                    return out;
                }));
            }
            List<Point> all = new ArrayList<>();
            for (Future<List<Point>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sweep failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
