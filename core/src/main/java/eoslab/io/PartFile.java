package eoslab.io;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The part file of a tiled computation ({@code --tile i/N}): the magic line {@code EOSLAB-PART 1}, a big-endian int32
 * length and a JSON header (what the part belongs to: the command, its arguments and specification, the share and the
 * tiles it holds), then one block per tile: int32 tile number, int32 length, the tile's result bytes. Its manifest
 * records the SHA-256 of the whole file, which {@link #read} checks.
 */
public final class PartFile {
    private static final byte[] MAGIC = "EOSLAB-PART 1\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * A part as read back.
     *
     * @param file   where it was read from
     * @param header its header
     * @param tiles  its tiles' results, by tile number
     */
    public record Part(Path file, Map<String, Object> header, SortedMap<Integer, byte[]> tiles) {
    }

    private PartFile() {
    }

    /** The part file of share i/N of an output path: {@code OUT.tile-i-of-N.part}. */
    public static Path pathFor(Path out, int index, int count) {
        return out.resolveSibling(out.getFileName() + ".tile-" + index + "-of-" + count + ".part");
    }

    /**
     * Writes a part into a planned output set, streaming it (a part may exceed 2 GiB).
     *
     * @return the SHA-256 of the file (lower-case hex)
     */
    public static String write(OutputSet set, Path target, Map<String, Object> header,
                               SortedMap<Integer, byte[]> tiles) {
        MessageDigest sha = sha256();
        set.write(target, o -> {
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(o, sha));
            out.write(MAGIC);
            byte[] head = Json.compact(header).getBytes(StandardCharsets.UTF_8);
            out.writeInt(head.length);
            out.write(head);
            for (Map.Entry<Integer, byte[]> e : tiles.entrySet()) {
                out.writeInt(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
            out.flush();
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Reads a part and checks it against the checksum its manifest records.
     *
     * @throws IllegalArgumentException one line naming the file: missing, not a part, truncated, or a checksum that
     *                                  differs from its manifest's
     */
    public static Part read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such part file: " + file);
        }
        MessageDigest sha = sha256();
        Part part;
        try (DataInputStream in = new DataInputStream(new DigestInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha))) {
            byte[] magic = new byte[MAGIC.length];
            if (in.readNBytes(magic, 0, magic.length) != magic.length || !Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not an eoslab part file: " + file);
            }
            String expected = recordedChecksum(file);
            int headLength = in.readInt();
            if (headLength < 0 || headLength > Files.size(file)) {
                throw new IllegalArgumentException("corrupt part " + file + ": bad header length");
            }
            byte[] head = new byte[headLength];
            in.readFully(head);
            SortedMap<Integer, byte[]> tiles = new TreeMap<>();
            long remaining = Files.size(file) - MAGIC.length - 4L - headLength;
            while (remaining > 0) {
                int t = in.readInt();
                int length = in.readInt();
                if (length < 0 || length > remaining - 8) {
                    throw new IllegalArgumentException("corrupt part " + file + ": bad length of tile " + t);
                }
                byte[] result = new byte[length];
                in.readFully(result);
                remaining -= 8L + length;
                if (tiles.put(t, result) != null) {
                    throw new IllegalArgumentException("corrupt part " + file + ": tile " + t + " twice");
                }
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(expected)) {
                throw new IllegalArgumentException("corrupt part " + file + ": its SHA-256 differs from the one in "
                        + Manifest.pathFor(file).getFileName());
            }
            Map<String, Object> header;
            try {
                header = Json.mapper().readValue(head, new TypeReference<LinkedHashMap<String, Object>>() {
                });
            } catch (IOException e) {
                throw new IllegalArgumentException("corrupt part " + file + ": unreadable header");
            }
            part = new Part(file, header, tiles);
        } catch (EOFException e) {
            throw new IllegalArgumentException("truncated part file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return part;
    }

    private static String recordedChecksum(Path file) {
        Path manifest = Manifest.pathFor(file);
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("part " + file + " has no manifest " + manifest.getFileName());
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            Object sum = ((Map<?, ?>) Json.mapper().readValue(in, Map.class).get("parameters")).get("sha256");
            if (sum instanceof String s) {
                return s;
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException("the manifest of part " + file + " records no checksum");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
