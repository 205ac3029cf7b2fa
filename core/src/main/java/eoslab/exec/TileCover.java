package eoslab.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks that parts of a tiled computation cover its tiles exactly once, and names what is wrong otherwise: the parts
 * (by their {@link TileShare}) or tiles that are missing, and the two parts that hold the same tile.
 */
public final class TileCover {
    /** How many missing tiles an error lists. */
    private static final int LISTED = 8;

    /**
     * One part: its name (a file) and its share.
     *
     * @param name  how errors name the part
     * @param share its share
     */
    public record Part(String name, TileShare share) {
    }

    private TileCover() {
    }

    /**
     * Checks that the parts hold each of tiles 0 … tiles−1 exactly once.
     *
     * @throws IllegalArgumentException naming a duplicated tile (and both parts) or what is missing
     */
    public static void check(List<Part> parts, int tiles) {
        int[] owner = new int[tiles];
        Arrays.fill(owner, -1);
        for (int k = 0; k < parts.size(); k++) {
            TileShare s = parts.get(k).share();
            for (int j = 0; j < s.size(tiles); j++) {
                int t = s.tile(j);
                if (owner[t] >= 0) {
                    Part q = parts.get(owner[t]);
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "duplicate part: %s (part %s) and %s (part %s) both hold tile %d", q.name(), q.share(),
                            parts.get(k).name(), s, t));
                }
                owner[t] = k;
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            if (owner[t] < 0) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        int n = parts.isEmpty() ? 0 : parts.get(0).share().count();
        if (n > 0 && parts.stream().allMatch(p -> p.share().count() == n)) {
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < n && i < tiles; i++) {
                if (owner[i] < 0) {
                    shares.add(new TileShare(i, n).toString());
                }
            }
            throw new IllegalArgumentException("incomplete: " + (shares.size() == 1 ? "part " : "parts ")
                    + String.join(", ", shares) + " not given (" + missing.size() + " of " + tiles + " tiles missing)");
        }
        List<String> listed = missing.stream().limit(LISTED).map(String::valueOf).toList();
        throw new IllegalArgumentException("incomplete: missing tiles " + String.join(", ", listed)
                + (missing.size() > LISTED ? " and " + (missing.size() - LISTED) + " more" : "") + " (of " + tiles
                + ")");
    }
}
