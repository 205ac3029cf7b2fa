package eoslab.cli;

import eoslab.exec.TileCover;
import eoslab.exec.TileShare;
import eoslab.io.PartFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eoslab merge}: assembles the part files of a tiled command into the outputs of a single run. */
@Command(name = "merge", mixinStandardHelpOptions = true, header = "Assemble the parts of a --tile i/N computation.",
        sortOptions = false,
        description = {"Checks that the part files (from sweep, phase, atlas or check with --tile i/N) belong to one "
                + "computation (same specification, each tile exactly once, checksums as in their manifests) and "
                + "writes the outputs the command writes without --tile: the same bytes, with manifests that name "
                + "the single run."})
final class MergeCommand extends BaseCommand {
    @Parameters(paramLabel = "PART", arity = "1..*", description = "The part files (OUT.tile-i-of-N.part).")
    List<Path> parts;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The output file (sweep, check) or prefix (phase, atlas), as the command's --out.")
    String outText;

    @Mixin
    ForceOption force;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        List<PartFile.Part> read = new ArrayList<>();
        for (Path p : parts) {
            read.add(PartFile.read(p.toAbsolutePath()));
        }
        PartFile.Part first = read.get(0);
        Map<String, Object> h0 = first.header();
        if (!Tiling.FORMAT.equals(h0.get("format"))) {
            throw new UsageException("not an eoslab part: " + first.file());
        }
        List<TileCover.Part> cover = new ArrayList<>();
        for (PartFile.Part p : read) {
            Map<String, Object> h = p.header();
            if (!Objects.equals(h.get("command"), h0.get("command")) || !Objects.equals(h.get("spec"), h0.get("spec"))
                    || !Objects.equals(h.get("tiles_total"), h0.get("tiles_total"))) {
                throw new UsageException("foreign part " + p.file() + ": it belongs to another computation than "
                        + first.file() + " (" + h.get("command") + " with a different specification)");
            }
            int index = ((Number) h.get("index")).intValue();
            int count = ((Number) h.get("count")).intValue();
            int total = ((Number) h.get("tiles_total")).intValue();
            TileShare share = new TileShare(index, count);
            if (!p.tiles().keySet().equals(tiles(share, total))) {
                throw new UsageException("corrupt part " + p.file() + ": it does not hold the tiles of part " + share);
            }
            cover.add(new TileCover.Part(p.file().toString(), share));
        }
        @SuppressWarnings("unchecked")
        List<String> argv = (List<String>) h0.get("argv");
        Tiling.Prepared prepared;
        try {
            List<String> single = Tiling.withOut(argv, outText);
            List<String> run = new ArrayList<>(single);
            if (force.force && !run.contains("--force")) {
                run.add("--force");
            }
            prepared = Tiling.prepare(run, single, out(), err());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!Tiling.normalized(prepared.spec()).equals(h0.get("spec"))) {
            throw new UsageException("foreign part " + first.file() + ": this eoslab computes its command with a "
                    + "different specification (made by another version?)");
        }
        int tiles = prepared.job().tiles();
        TileCover.check(cover, tiles);
        byte[][] results = new byte[tiles][];
        for (PartFile.Part p : read) {
            p.tiles().forEach((t, r) -> results[t] = r);
        }
        prepared.finish(results, outText, (System.nanoTime() - t0) * 1e-9);
        return 0;
    }

    private static Set<Integer> tiles(TileShare share, int total) {
        Set<Integer> s = new TreeSet<>();
        for (int k = 0; k < share.size(total); k++) {
            s.add(share.tile(k));
        }
        return s;
    }
}
