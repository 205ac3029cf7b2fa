package eoslab.cli;

import eoslab.exec.TileShare;
import picocli.CommandLine.Option;

/** {@code --tile i/N}: compute only part i of N of a tiled command and write it as a part file for {@code merge}. */
public final class TileOption {
    @Option(names = "--tile", paramLabel = "i/N",
            description = "Compute only part i of N (0 <= i < N) of the tiles and write OUT.tile-i-of-N.part with its "
                    + "manifest; 'eoslab merge' assembles the parts (default: the whole computation).")
    String tile;

    /** The share, or null for the whole computation. */
    TileShare share() {
        if (tile == null) {
            return null;
        }
        try {
            return TileShare.parse(tile);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
