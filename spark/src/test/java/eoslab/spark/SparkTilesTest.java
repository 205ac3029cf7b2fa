package eoslab.spark;

import eoslab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark job in local mode writes the bytes that {@code eoslab atlas} (and {@code sweep}) write in one process, and
 * a task that fails once is retried by Spark ({@code local[2,2]}: two attempts per task) into the same bytes.
 */
class SparkTilesTest {
    private static final List<String> ATLAS = List.of("atlas", "--eta", "0.2:1.6:600", "--m0", "-0.3:0.3:3",
            "--lambda0", "1:7:4", "--steps", "1500", "--slices", "2", "--gif-frames", "4");
    private static final List<String> SWEEP = List.of("sweep", "--eta", "0.2:1.4:20", "--lambda0", "1:5:30",
            "--steps", "2000");
    /** Failed first attempts, counted in this JVM (local mode runs tasks here). */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    @TempDir
    Path dir;

    private static JavaSparkContext context(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("eoslab-test")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set(SparkTiles.PARTITIONS, "5");
        return new JavaSparkContext(conf);
    }

    @Test
    void localModeWritesTheBytesOfTheSingleRun() throws IOException {
        try (JavaSparkContext sc = context("local[2]")) {
            for (List<String> command : List.of(ATLAS, SWEEP)) {
                String name = command.get(0).equals("sweep") ? "sweep.csv" : "atlas";
                Path single = Files.createDirectory(dir.resolve("single-" + command.get(0)));
                assertThat(eoslab(with(command, "--out", single.resolve(name).toString()))).isZero();
                Path spark = Files.createDirectory(dir.resolve("spark-" + command.get(0)));
                List<String> written = SparkTiles.run(sc, with(command, "--out", spark.resolve(name).toString()),
                        quiet(), quiet(), TaskFault.NONE);
                assertThat(written).hasSize(files(single).size());
                assertSameResults(single, spark);
                assertThat(Files.readString(spark.resolve(name + (name.endsWith(".csv") ? "" : ".npy")
                        + ".manifest.json"))).contains(spark.resolve(name).toString());
            }
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedIntoTheSameBytes() throws IOException {
        Path single = Files.createDirectory(dir.resolve("single"));
        assertThat(eoslab(with(ATLAS, "--out", single.resolve("atlas").toString()))).isZero();
        Path spark = Files.createDirectory(dir.resolve("spark"));
        FAILURES.set(0);
        TaskFault failOnce = (partition, attempt) -> {
            if (partition == 3 && attempt == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure of the first attempt of partition 3");
            }
        };
        try (JavaSparkContext sc = context("local[2,2]")) {
            SparkTiles.run(sc, with(ATLAS, "--out", "file://" + spark.resolve("atlas")), quiet(), quiet(), failOnce);
        }
        assertThat(FAILURES.get()).isEqualTo(1);
        assertSameResults(single, spark);
    }

    @Test
    void withoutRetriesTheFailureStopsTheJobAndNothingIsWritten() throws IOException {
        Path spark = Files.createDirectory(dir.resolve("spark"));
        TaskFault always = (partition, attempt) -> {
            if (partition == 0) {
                throw new IllegalStateException("injected failure");
            }
        };
        try (JavaSparkContext sc = context("local[2]")) {
            assertThatThrownBy(() -> SparkTiles.run(sc, with(ATLAS, "--out", spark.resolve("atlas").toString()),
                    quiet(), quiet(), always)).hasMessageContaining("injected failure");
            assertThatThrownBy(() -> SparkTiles.run(sc, ATLAS, quiet(), quiet(), TaskFault.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--out");
            assertThatThrownBy(() -> SparkTiles.run(sc, List.of("atlas", "--eta", "0.2:1.6:4", "--lambda0", "1:2:3",
                    "--out", spark.resolve("a").toString()), quiet(), quiet(), TaskFault.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly three ranges");
            assertThatThrownBy(() -> SparkTiles.run(sc, List.of("run", "--eta", "0.2", "--lambda0", "1",
                    "--out", spark.resolve("a").toString()), quiet(), quiet(), TaskFault.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a tiled command");
        }
        assertThat(files(spark)).isEmpty();
    }

    private static int eoslab(List<String> args) {
        return Main.execute(args.toArray(new String[0]), quiet(), quiet());
    }

    private static PrintWriter quiet() {
        return new PrintWriter(new StringWriter(), true);
    }

    private static List<String> with(List<String> command, String... more) {
        List<String> a = new ArrayList<>(command);
        a.addAll(List.of(more));
        return a;
    }

    private static void assertSameResults(Path expected, Path actual) throws IOException {
        Map<String, byte[]> e = results(expected);
        Map<String, byte[]> a = results(actual);
        assertThat(a.keySet()).isEqualTo(e.keySet()).isNotEmpty();
        for (String name : e.keySet()) {
            assertThat(a.get(name)).as(name).isEqualTo(e.get(name));
        }
    }

    private static List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    private static Map<String, byte[]> results(Path d) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        for (Path p : files(d)) {
            String name = p.getFileName().toString();
            if (!name.endsWith(".manifest.json")) {
                m.put(name, Files.readAllBytes(p));
            }
        }
        return m;
    }
}
