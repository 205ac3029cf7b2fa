package eoslab.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A result file written to a temporary sibling and renamed into place on {@link #commit()}; closing without commit
 * deletes the temporary, so no partial file is ever left under the target name.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final BufferedWriter writer;
    private boolean committed;

    private AtomicOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException("directory does not exist: " + dir);
        }
        this.temp = Files.createTempFile(dir, "." + this.target.getFileName(), ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
        this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    }

    /** Opens a temporary file beside target. */
    public static AtomicOutput open(Path target) throws IOException {
        return new AtomicOutput(target);
    }

    /** Writes a whole text file atomically. */
    public static void writeString(Path target, String content) {
        try (AtomicOutput out = open(target)) {
            out.writer().write(content);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a whole binary file atomically. */
    public static void writeBytes(Path target, byte[] content) {
        try (AtomicOutput out = open(target)) {
            out.writer().close();
            Files.write(out.temp, content);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes the bytes of a binary body. */
    public interface Body {
        /** Writes onto out (buffered; closed by the caller). */
        void write(OutputStream out) throws IOException;
    }

    /** Writes a binary file atomically, streaming it. */
    public static void writeStream(Path target, Body body) {
        try (AtomicOutput out = open(target)) {
            out.writer().close();
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.temp), 1 << 16)) {
                body.write(o);
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The writer of the temporary file. */
    public Writer writer() {
        return writer;
    }

    /** The path that will exist after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /** Flushes, closes and renames the temporary onto the target. */
    public void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
