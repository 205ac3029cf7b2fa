package eoslab.spark;

import eoslab.cli.Tiling;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The Spark backend: {@code spark-submit … eoslab-spark.jar COMMAND OPTIONS… --out PATH} runs the tiles of an eoslab
 * {@code sweep}, {@code phase}, {@code atlas} or {@code check} as Spark tasks and writes what the command writes on one
 * machine (the same bytes; manifests record the command with PATH) to PATH's directory on any Hadoop-compatible file
 * system ({@code hdfs://}, {@code s3a://}, {@code file://}, a plain path). Partition p of P computes the tiles of share
 * p/P (t mod P = p) with one scratch buffer; P is {@code spark.eoslab.partitions}, default min(tiles, 8 × default
 * parallelism). A failed task is retried by Spark and, tiles being pure, gives the same result.
 */
public final class SparkTiles {
    /** The Spark setting that fixes the number of partitions. */
    public static final String PARTITIONS = "spark.eoslab.partitions";

    private SparkTiles() {
    }

    /** Entry point of spark-submit. Bad input: one line {@code error: …} and exit code 2. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = 0;
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("eoslab " + String.join(" ", args)))) {
            run(sc, List.of(args), out, err, TaskFault.NONE);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + firstLine(e.getMessage()));
            code = 2;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs an eoslab command's tiles on the context's cluster and writes its outputs beside {@code --out}.
     *
     * @param args  the eoslab command line, e.g. {@code atlas --eta 0.2:1.6:256 … --out hdfs:///maps/atlas}
     * @param fault a fault to inject into tasks ({@link TaskFault#NONE} in production)
     * @return the written files, as Hadoop paths
     * @throws IllegalArgumentException on bad input
     */
    public static List<String> run(JavaSparkContext sc, List<String> args, PrintWriter out, PrintWriter err,
                                   TaskFault fault) {
        String target = Tiling.outOf(args);
        if (target == null) {
            throw new IllegalArgumentException("give --out PATH (a file or prefix on any Hadoop file system)");
        }
        if (args.stream().anyMatch(a -> a.equals("--tile") || a.startsWith("--tile="))) {
            throw new IllegalArgumentException("--tile does not apply to the Spark job (Spark runs all tiles)");
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(target);
        Path local;
        try {
            local = Files.createTempDirectory("eoslab-spark-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local scratch directory: " + e.getMessage(), e);
        }
        try {
            String localOut = local.resolve(remote.getName()).toString();
            Tiling.Prepared prepared = Tiling.prepare(Tiling.withOut(args, localOut), args, out, err);
            int tiles = prepared.job().tiles();
            int partitions = (int) Math.max(1, Math.min(tiles,
                    sc.getConf().getInt(PARTITIONS, 8 * sc.defaultParallelism())));
            long t0 = System.nanoTime();
            List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
            List<Tuple2<Integer, byte[]>> collected = sc.parallelize(ids, partitions)
                    .mapPartitions(new TileTask(args, Tiling.specText(prepared), partitions, fault)).collect();
            byte[][] results = new byte[tiles][];
            for (Tuple2<Integer, byte[]> r : collected) {
                results[r._1()] = r._2();
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            err.printf("spark: %d tiles in %d partitions in %.1f s%n", tiles, partitions, seconds);
            err.flush();
            prepared.finish(results, localOut, seconds);
            return upload(local, remote.getParent(), sc);
        } finally {
            delete(local);
        }
    }

    /** Copies every file of the local directory into the remote one, each under a temporary name, then renamed. */
    private static List<String> upload(Path local, org.apache.hadoop.fs.Path dir, JavaSparkContext sc) {
        List<String> written = new ArrayList<>();
        try (Stream<Path> files = Files.list(local)) {
            FileSystem fs = dir.getFileSystem(sc.hadoopConfiguration());
            for (Path f : files.sorted().toList()) {
                org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(dir, f.getFileName().toString());
                org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir, "." + f.getFileName() + ".tmp");
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()), tmp);
                if (fs.exists(dst)) {
                    fs.delete(dst, false);
                }
                if (!fs.rename(tmp, dst)) {
                    throw new IOException("cannot rename " + tmp + " to " + dst);
                }
                written.add(dst.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch directory left behind in the temporary directory is harmless
        }
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse("").trim();
    }
}
