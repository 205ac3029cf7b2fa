package eoslab.io;

import eoslab.dynamics.CellClass;
import eoslab.measure.AtlasVolume;
import eoslab.measure.PhaseMap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * NumPy {@code .npy} format version 1.0: the magic {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16
 * header length, and an ASCII header dict ({@code descr}, {@code fortran_order}, {@code shape}) padded with spaces
 * and ended by a newline so that the data starts at a multiple of 64 bytes; then the data in C order.
 */
public final class Npy {
    private static final int ALIGN = 64;
    private static final int PREAMBLE = 10;

    private Npy() {
    }

    /**
     * The header bytes for an array.
     *
     * @param descr a NumPy dtype description as Python literal text, e.g. {@code '<i4'} or a structured list
     * @param shape the dimensions (C order)
     */
    public static byte[] header(String descr, int... shape) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 0 ? "()" : shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': " + descr + ", 'fortran_order': False, 'shape': " + shapeText + ", }";
        int len = dict.length() + 1;
        int pad = (ALIGN - (PREAMBLE + len) % ALIGN) % ALIGN;
        String text = dict + " ".repeat(pad) + "\n";
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        if (body.length > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long");
        }
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) body.length).put(body);
        return b.array();
    }

    /**
     * A phase map as a structured array of shape (ny, nx) with fields {@code outcome} (u1, the {@link CellClass}
     * code), {@code period} (u1), {@code steps} (little-endian int32), {@code sharpness} and {@code max_loss}
     * (little-endian float64: the run's final sharpness and largest loss); row 0 is the smallest y.
     */
    public static byte[] phaseMap(PhaseMap map) {
        byte[] head = header("[('outcome', '|u1'), ('period', '|u1'), ('steps', '<i4'), ('sharpness', '<f8'), "
                + "('max_loss', '<f8')]", map.ny(), map.nx());
        int n = map.nx() * map.ny();
        ByteBuffer b = ByteBuffer.allocate(head.length + 22 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        for (int i = 0; i < n; i++) {
            b.put(map.cls()[i]).put(map.period()[i]).putInt(map.steps()[i]).putDouble(map.sharpness()[i])
                    .putDouble(map.maxLoss()[i]);
        }
        return b.array();
    }

    /** A zero-dimensional unicode string array ({@code '<Un'}, UTF-32 little-endian), e.g. a name. */
    public static byte[] string(String text) {
        int[] codePoints = text.codePoints().toArray();
        byte[] head = header("'<U" + Math.max(1, codePoints.length) + "'");
        ByteBuffer b = ByteBuffer.allocate(head.length + 4 * Math.max(1, codePoints.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        for (int c : codePoints) {
            b.putInt(c);
        }
        return b.array();
    }

    /**
     * Writes an atlas volume as a structured array of shape (nz, ny, nx) with the first three fields of
     * {@link #phaseMap} ({@code outcome}, {@code period}, {@code steps}; one atlas cell is 6 bytes, not 22); index
     * 0 of each dimension is the first value of its axis. Streams (volumes may exceed 2 GiB).
     */
    public static void writeVolume(OutputStream out, AtlasVolume v) throws IOException {
        out.write(header("[('outcome', '|u1'), ('period', '|u1'), ('steps', '<i4')]", v.nz(), v.ny(), v.nx()));
        int n = v.cls().length;
        ByteBuffer b = ByteBuffer.allocate(6 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.put(v.cls()[i]).put(v.period()[i]).putInt(v.steps()[i]);
            if (!b.hasRemaining()) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
        }
        out.write(b.array(), 0, b.position());
    }

    /** A 1-D array of little-endian float64 values. */
    public static byte[] float64(double[] values) {
        byte[] head = header("'<f8'", values.length);
        ByteBuffer b = ByteBuffer.allocate(head.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
