package eoslab.exec;

import java.util.Locale;

/**
 * Part {@code index} of a deterministic partition of a computation's tiles into {@code count} parts, written
 * {@code i/N} with 0 ≤ i &lt; N (so {@code --tile $SLURM_ARRAY_TASK_ID/N} with {@code --array=0-(N-1)}). Part i holds
 * the tiles t ≡ i (mod N): the parts cover every tile exactly once, differ in size by at most one tile, are empty when
 * N exceeds the number of tiles, and share the cheap and the expensive regions of a map evenly (neighbouring tiles,
 * which cost about the same, go to different parts).
 *
 * @param index the part, 0 ≤ index &lt; count
 * @param count the number of parts, ≥ 1
 */
public record TileShare(int index, int count) {
    /** Validates the share. */
    public TileShare {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--tile i/N needs N >= 1 and 0 <= i < N, got %d/%d", index, count));
        }
    }

    /**
     * Parses {@code i/N}.
     *
     * @throws IllegalArgumentException on malformed text or an index out of range
     */
    public static TileShare parse(String text) {
        String[] f = text.trim().split("/", -1);
        if (f.length == 2) {
            try {
                return new TileShare(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("--tile must be i/N (part i of N, 0 <= i < N), got '" + text + "'");
    }

    /** The number of tiles this part holds, of {@code tiles} in all. */
    public int size(int tiles) {
        return index >= tiles ? 0 : (tiles - index + count - 1) / count;
    }

    /** The k-th tile of this part (0 ≤ k &lt; {@link #size}). */
    public int tile(int k) {
        return index + k * count;
    }

    /** The part as text, {@code i/N}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
