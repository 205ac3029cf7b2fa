package eoslab.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The journal of an interruptible tiled computation: a directory {@code OUT.parts/} beside the output that holds the
 * computation's specification ({@code spec.json}) and one file per finished tile, each written to a temporary file and
 * renamed, so the journal only ever holds whole tiles. Resuming checks that the specification is the same and skips
 * the tiles already there.
 */
public final class TileJournal {
    private static final String SPEC = "spec.json";

    private final Path dir;

    private TileJournal(Path dir) {
        this.dir = dir;
    }

    /** The journal directory of an output file. */
    public static Path directory(Path out) {
        return out.resolveSibling(out.getFileName() + ".parts");
    }

    /**
     * Opens the journal of {@code out}: a new one, or (with {@code resume}) the existing one, whose specification
     * must equal {@code spec}; stale temporary files of an interrupted tile are removed.
     *
     * @throws IllegalArgumentException if a journal exists without resume, or is missing or different with resume
     * @throws UncheckedIOException     if the directory cannot be used
     */
    public static TileJournal open(Path out, String spec, boolean resume) {
        Path dir = directory(out);
        try {
            if (Files.exists(dir) && !resume) {
                throw new IllegalArgumentException("an unfinished sweep exists in " + dir
                        + ": finish it with --resume, or delete that directory");
            }
            if (resume) {
                if (!Files.isRegularFile(dir.resolve(SPEC))) {
                    throw new IllegalArgumentException("nothing to resume: no journal " + dir);
                }
                if (!Files.readString(dir.resolve(SPEC), StandardCharsets.UTF_8).equals(spec)) {
                    throw new IllegalArgumentException("cannot resume: the sweep in " + dir
                            + " has different parameters");
                }
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.createDirectory(dir);
                write(dir.resolve(SPEC), spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use journal " + dir + ": " + e.getMessage(), e);
        }
        return new TileJournal(dir);
    }

    /** True when tile t is in the journal. */
    public boolean has(int t) {
        return Files.isRegularFile(tile(t));
    }

    /** Records tile t (atomically). */
    public void put(int t, String text) {
        try {
            write(tile(t), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tile(t) + ": " + e.getMessage(), e);
        }
    }

    /** The text of tile t. */
    public String get(int t) throws IOException {
        return Files.readString(tile(t), StandardCharsets.UTF_8);
    }

    /** Deletes the journal (after its tiles were assembled). */
    public void delete() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private Path tile(int t) {
        return dir.resolve(String.format(Locale.ROOT, "tile-%08d.csv", t));
    }

    private static void write(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
