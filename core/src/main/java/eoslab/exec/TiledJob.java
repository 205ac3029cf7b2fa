package eoslab.exec;

import java.util.function.BooleanSupplier;

/**
 * A computation cut into numbered tiles whose results are pure functions of their number: any machine, thread or
 * retry that computes tile t produces the same bytes. The results of all tiles, given to {@link Sink} in any order,
 * determine the computation's output.
 */
public interface TiledJob {
    /** Computes tiles on one thread with its own scratch memory; not thread-safe. */
    interface Worker {
        /** The encoded result of tile t. */
        byte[] tile(int t);
    }

    /** Receives tile results (from any thread, each tile exactly once). */
    interface Sink {
        /** Takes the result of tile t. */
        void accept(int t, byte[] result);
    }

    /** Number of tiles. */
    int tiles();

    /** Number of work units (cells, runs, starts) in tile t, for progress. */
    long units(int t);

    /** A new worker with its own scratch memory. */
    Worker worker();

    /**
     * Computes the tiles of a share (all tiles for 0/1) on {@code threads} threads into the sink.
     *
     * @param progress counts the units of each finished tile (may be null)
     */
    default void run(TileShare share, int threads, Sink sink, Progress progress) {
        BooleanSupplier never = () -> false;
        TileExecutor.run(share.size(tiles()), threads, () -> {
            Worker w = worker();
            return k -> {
                int t = share.tile(k);
                sink.accept(t, w.tile(t));
                if (progress != null) {
                    progress.advance(units(t));
                }
            };
        }, never);
    }

    /** The total number of units. */
    default long units() {
        long n = 0;
        for (int t = 0; t < tiles(); t++) {
            n += units(t);
        }
        return n;
    }
}
