package eoslab.exec;

import eoslab.EoslabTest;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TileExecutor}: every tile exactly once, results independent of the thread count, failures, the stop flag. */
class TileExecutorTest extends EoslabTest {

    /** A tile's result depends on its number alone: a short seeded computation. */
    private static long work(int tile) {
        long x = tile * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < 2000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 64})
    void runsEveryTileExactlyOnceWhateverTheThreadCount(int threads) {
        int tiles = 500;
        AtomicIntegerArray runs = new AtomicIntegerArray(tiles);
        AtomicLongArray results = new AtomicLongArray(tiles);
        AtomicInteger workers = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        int done = TileExecutor.run(tiles, threads, () -> {
            workers.incrementAndGet();
            return t -> {
                runs.incrementAndGet(t);
                results.set(t, work(t));
                names.add(Thread.currentThread().getName());
            };
        }, () -> false);
        assertThat(done).isEqualTo(tiles);
        for (int t = 0; t < tiles; t++) {
            assertThat(runs.get(t)).as("runs of tile %d", t).isEqualTo(1);
            assertThat(results.get(t)).as("result of tile %d", t).isEqualTo(work(t));
        }
        assertThat(workers.get()).as("one worker per thread").isEqualTo(Math.min(threads, tiles));
        assertThat(names.size()).isBetween(1, threads);
    }

    @Test
    void noTilesAndMoreThreadsThanTiles() {
        assertThat(TileExecutor.run(0, 4, () -> t -> {
            throw new AssertionError("no tile to run");
        }, () -> false)).isZero();
        AtomicInteger workers = new AtomicInteger();
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        assertThat(TileExecutor.run(3, 16, () -> {
            workers.incrementAndGet();
            return runs::incrementAndGet;
        }, () -> false)).isEqualTo(3);
        assertThat(workers.get()).isEqualTo(3);
        assertThat(runs.toString()).isEqualTo("[1, 1, 1]");
    }

    @Test
    void theFirstFailureIsRethrownAsIs() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> TileExecutor.run(1000, 2, () -> t -> {
            ran.incrementAndGet();
            if (t == 10) {
                throw new IllegalArgumentException("tile 10 failed");
            }
        }, () -> false)).isInstanceOf(IllegalArgumentException.class).hasMessage("tile 10 failed");
        assertThat(ran.get()).as("no new tiles after the failure").isLessThan(1000);
    }

    @Test
    void aCheckedFailureIsWrapped() {
        assertThatThrownBy(() -> TileExecutor.run(5, 1, () -> t -> {
            if (t == 3) {
                throw new IOException("disk full");
            }
        }, () -> false)).isInstanceOf(IllegalStateException.class).hasMessage("disk full")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void theStopFlagEndsTheRunEarly() {
        AtomicInteger ran = new AtomicInteger();
        int done = TileExecutor.run(1000, 1, () -> t -> ran.incrementAndGet(), () -> ran.get() >= 37);
        assertThat(done).isEqualTo(37);
        assertThat(ran.get()).isEqualTo(37);
        assertThat(TileExecutor.run(1000, 3, () -> t -> ran.incrementAndGet(), () -> true)).isZero();
    }
}
