package eoslab.web;

import eoslab.io.Columns;
import eoslab.io.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's binary reply ({@code "format": "f64"}): a JSON header and the table's columns as raw doubles, so that
 * 10⁴-step trajectories reach the plots in a few milliseconds and bit for bit. Layout: the header's length H as a
 * little-endian uint32, H bytes of UTF-8 JSON (the reply's fields plus {@code "columns"}: names, and {@code "rows"}),
 * zero bytes up to a multiple of 8, then each column in order as rows little-endian float64 (NaN for an empty cell).
 */
final class SeriesFormat {
    /** The MIME type of the format. */
    static final String TYPE = "application/vnd.eoslab.f64";

    private SeriesFormat() {
    }

    /** The bytes of a reply with the given header fields and table. */
    static byte[] encode(Map<String, Object> header, Columns table) {
        Map<String, Object> h = new LinkedHashMap<>(header);
        h.put("columns", table.names());
        h.put("rows", table.rows());
        byte[] json = Json.compact(h).getBytes(StandardCharsets.UTF_8);
        int start = (4 + json.length + 7) / 8 * 8;
        long size = start + 8L * table.rows() * table.names().size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the table is too large for one reply");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(json.length);
        b.put(json);
        b.position(start);
        for (int c = 0; c < table.names().size(); c++) {
            for (int r = 0; r < table.rows(); r++) {
                b.putDouble(table.get(r, c));
            }
        }
        return b.array();
    }
}
