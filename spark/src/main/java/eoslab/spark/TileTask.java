package eoslab.spark;

import eoslab.cli.Tiling;
import eoslab.exec.TileShare;
import eoslab.exec.TiledJob;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * One Spark task: partition p of P computes the tiles of {@link TileShare} p/P with one worker (one scratch buffer)
 * and returns (tile, result) pairs: the driver keeps each result array as it arrives, with no copy. The task
 * re-prepares the computation from the command line on the executor and checks that it has the
 * driver's specification (the same eoslab on both sides).
 */
final class TileTask implements FlatMapFunction<Iterator<Integer>, Tuple2<Integer, byte[]>> {
    private static final long serialVersionUID = 1L;

    private final List<String> args;
    private final String spec;
    private final int partitions;
    private final TaskFault fault;

    /**
     * @param args       the command line (its {@code --out} is replaced on the executor)
     * @param spec       the driver's specification text ({@link Tiling#specText})
     * @param partitions the number of partitions P
     * @param fault      a fault to inject ({@link TaskFault#NONE} in production)
     */
    TileTask(List<String> args, String spec, int partitions, TaskFault fault) {
        this.args = new ArrayList<>(args);
        this.spec = spec;
        this.partitions = partitions;
        this.fault = fault;
    }

    @Override
    public Iterator<Tuple2<Integer, byte[]>> call(Iterator<Integer> partitionIds) {
        List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        String scratch = Path.of(System.getProperty("java.io.tmpdir"), "eoslab-task").toString();
        List<String> local = Tiling.withOut(args, scratch);
        Tiling.Prepared prepared = Tiling.prepare(local, local, quiet, quiet);
        if (!Tiling.specText(prepared).equals(spec)) {
            throw new IllegalStateException("the executor's eoslab computes a different specification than the "
                    + "driver's: deploy the same eoslab-spark.jar everywhere");
        }
        TiledJob job = prepared.job();
        while (partitionIds.hasNext()) {
            int p = partitionIds.next();
            TaskContext context = TaskContext.get();
            fault.before(p, context == null ? 0 : context.attemptNumber());
            TileShare share = new TileShare(p, partitions);
            TiledJob.Worker worker = job.worker();
            for (int k = 0; k < share.size(job.tiles()); k++) {
                int t = share.tile(k);
                out.add(new Tuple2<>(t, worker.tile(t)));
            }
        }
        return out.iterator();
    }
}
