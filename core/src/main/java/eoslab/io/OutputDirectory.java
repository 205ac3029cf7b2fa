package eoslab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A command's output directory, written all or nothing like an {@link OutputSet}: checked before any computation
 * ({@link #plan}), filled as a temporary sibling directory {@code .NAME.PID.N.eoslab-tmp} ({@link #staging()}), and
 * renamed into place by {@link #commit()}; an existing directory is replaced whole (never mixed with the new files) and
 * only with {@code force}. The root directory, the current directory given as {@code ''}, symbolic links and
 * non-directories are refused. Temporaries are removed like an {@link OutputSet}'s (close, shutdown hook, next plan).
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private Path staging;
    private boolean committed;

    private OutputDirectory(Path target) {
        this.target = target;
    }

    /**
     * Checks the directory before anything is computed.
     *
     * @param text  the directory as given ({@code --out})
     * @param force replace an existing non-empty directory
     * @throws IllegalArgumentException one line naming the directory and the problem
     */
    public static OutputDirectory plan(String text, boolean force) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("--out must name a directory, got '" + text + "'");
        }
        Path target = Path.of(text).toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("--out " + text + ": the root directory cannot be an output directory");
        }
        OutputSet.checkNameLength(target, text);
        if (Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("--out " + text + " is a symbolic link; give the directory it points to");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--out " + text + " exists and is not a directory");
            }
            if (!force && !isEmpty(target)) {
                throw new IllegalArgumentException("--out " + text + " is not empty; give --force to replace it");
            }
        }
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + text + ": directory does not exist: " + parent);
        }
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException("cannot write " + text + ": directory " + parent
                    + " is not writable (permission denied)");
        }
        OutputSet.removeStaleTemps(parent);
        return new OutputDirectory(target);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --out directory " + dir + ": " + e.getMessage());
        }
    }

    /** The directory as it will be after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /** The temporary directory to write the outputs into (created on first use). */
    public Path staging() {
        if (staging == null) {
            Path s = OutputSet.tempFor(target, "");
            synchronized (OutputSet.LOCK) {
                OutputSet.refuseAfterShutdown(target);
                OutputSet.live(s);
                try {
                    Files.createDirectory(s);
                } catch (IOException e) {
                    throw OutputSet.failure(s, e);
                }
            }
            staging = s;
        }
        return staging;
    }

    /**
     * Renames the staging directory onto the target; an existing target is first moved aside and deleted once the new
     * one is in place (put back if the rename fails).
     *
     * @throws UncheckedIOException naming the directory and the reason
     */
    public void commit() {
        Path s = staging();
        synchronized (OutputSet.LOCK) {
            OutputSet.refuseAfterShutdown(target);
            rename(s);
        }
    }

    private void rename(Path s) {
        Path backup = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                backup = OutputSet.tempFor(target, ".old");
                OutputSet.live(backup);
                Files.move(target, backup);
            }
            Files.move(s, target);
        } catch (IOException e) {
            if (backup != null && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(backup, target);
                } catch (IOException ignored) {
                    // the backup stays, and the next run in this directory puts it back
                }
            }
            throw OutputSet.failure(target, e);
        }
        committed = true;
        if (backup != null) {
            OutputSet.deleteQuietly(backup);
        }
        OutputSet.deleteQuietly(s);
    }

    /** Deletes the staging directory of an uncommitted output; the target is left as it was. */
    @Override
    public void close() {
        if (!committed && staging != null) {
            OutputSet.deleteQuietly(staging);
        }
    }
}
