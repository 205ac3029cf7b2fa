package eoslab.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * All of one command's output files, written all or nothing: every target is checked before any computation
 * ({@link #plan}), written to a temporary file in its own directory, and the temporaries are renamed into place
 * together by {@link #commit()}; if one rename fails, the targets already renamed are put back as they were. Without
 * {@code force} an existing file is never replaced. A symbolic link is written through (its target is replaced), a
 * directory is refused, and a device or pipe ({@code /dev/null}) is written to directly, with no temporary file.
 * Temporary files carry the process id in their names ({@code .NAME.PID.N.eoslab-tmp}); they are deleted when the
 * set is closed uncommitted and, for Ctrl-C and {@code kill}, by a shutdown hook; those of processes that no longer
 * exist (killed with {@code kill -9}) are deleted by the next {@link #plan} in the same directory, which also puts back
 * a replaced file whose backup ({@code .NAME.PID.N.old.eoslab-tmp}) outlived a kill during the final renames. Names
 * too long to leave room for a temporary name are refused by {@link #plan}.
 * Not thread-safe: one thread writes a set's files (each file may be written by one thread at a time).
 */
public final class OutputSet implements AutoCloseable {
    /** Suffix of every temporary file. */
    public static final String TEMP_SUFFIX = ".eoslab-tmp";
    private static final String OLD = ".old";
    private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d+)\\.\\d+(" + Pattern.quote(OLD) + ")?"
            + Pattern.quote(TEMP_SUFFIX));
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    /**
     * Held while temporaries are created and while a set's renames run, and by the shutdown hook: Ctrl-C either
     * waits for the renames (the whole set is in place) or comes before them (nothing is); after it, no temporary
     * is created (the application's threads still run while the hook does).
     */
    static final Object LOCK = new Object();
    private static boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OutputSet::shutdown, "eoslab-temp-cleanup"));
    }

    private final boolean force;
    private final Map<Path, Entry> entries = new LinkedHashMap<>();
    private boolean committed;

    /** One target: where it goes, and how. */
    private static final class Entry {
        final Path target;
        final boolean direct;
        Path temp;
        Writer writer;
        OutputStream stream;

        Entry(Path target, boolean direct) {
            this.target = target;
            this.direct = direct;
        }
    }

    private OutputSet(boolean force) {
        this.force = force;
    }

    /**
     * Checks every target before anything is computed: its name, its directory (must exist and be writable), and
     * what is there already (nothing, or a regular file only with {@code force}; a directory is refused; a symbolic link
     * is followed; a device or pipe is written to directly). Removes the temporary files that killed eoslab processes
     * left in those directories.
     *
     * @param targets the files the command will write (their manifests included)
     * @param force   replace existing regular files
     * @throws IllegalArgumentException with a one-line message naming the file and the problem
     */
    public static OutputSet plan(Collection<Path> targets, boolean force) {
        OutputSet set = new OutputSet(force);
        for (Path t : targets) {
            set.add(t);
        }
        return set;
    }

    private void add(Path given) {
        if (given.getFileName() == null || given.toString().isEmpty()) {
            throw new IllegalArgumentException("--out must be a file name, got '" + given + "'");
        }
        Path target = given.toAbsolutePath().normalize();
        checkNameLength(target, given.toString());
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + given + " is a symbolic link to a missing file");
            }
        }
        boolean direct = false;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(target)) {
                throw new IllegalArgumentException("--out " + given + " is a directory; give a file name");
            }
            if (!Files.isRegularFile(target)) {
                direct = true;
                if (!Files.isWritable(target)) {
                    throw new IllegalArgumentException("cannot write " + given + ": permission denied");
                }
            } else if (!force) {
                throw new IllegalArgumentException(given + " exists; give --force to replace it");
            }
        }
        Path dir = target.getParent();
        if (!direct) {
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("cannot write " + given + ": directory does not exist: " + dir);
            }
            if (!Files.isWritable(dir)) {
                throw new IllegalArgumentException("cannot write " + given + ": directory " + dir
                        + " is not writable (permission denied)");
            }
            removeStaleTemps(dir);
        }
        if (entries.containsKey(target)) {
            throw new IllegalArgumentException("two outputs of the command are the same file: " + target);
        }
        entries.put(target, new Entry(target, direct));
    }

    /** The checked target files, in the order they were given (absolute, symbolic links resolved). */
    public List<Path> targets() {
        return List.copyOf(entries.keySet());
    }

    /** The checked target that a path given to {@link #plan} became. */
    public Path target(Path given) {
        Path t = given.toAbsolutePath().normalize();
        if (entries.containsKey(t)) {
            return t;
        }
        try {
            Path real = t.toRealPath();
            if (entries.containsKey(real)) {
                return real;
            }
        } catch (IOException e) {
            // not a link: fall through
        }
        throw new IllegalStateException("not a planned output: " + given);
    }

    /** A UTF-8 writer of a planned file (closed by {@link #commit()} or {@link #close()}). */
    public Writer writer(Path given) {
        Entry e = entries.get(target(given));
        if (e.writer == null) {
            e.writer = new OutputStreamWriter(stream(e), StandardCharsets.UTF_8);
        }
        return e.writer;
    }

    /** Writes a whole text file of the set. */
    public void write(Path given, String text) {
        Writer w = writer(given);
        try {
            w.write(text);
        } catch (IOException ex) {
            throw failure(entries.get(target(given)).target, ex);
        } catch (UncheckedIOException ex) {
            throw failure(entries.get(target(given)).target, ex.getCause());
        }
    }

    /** Writes a whole binary file of the set. */
    public void write(Path given, byte[] bytes) {
        Entry e = entries.get(target(given));
        try {
            stream(e).write(bytes);
        } catch (IOException ex) {
            throw failure(e.target, ex);
        }
    }

    /** The buffered binary stream of a planned file (closed by {@link #commit()} or {@link #close()}). */
    public OutputStream stream(Path given) {
        return stream(entries.get(target(given)));
    }

    /** Writes the bytes of a binary body. */
    public interface Body {
        /** Writes onto out (buffered; closed by the set). */
        void write(OutputStream out) throws IOException;
    }

    /** Streams a binary file of the set. */
    public void write(Path given, Body body) {
        Entry e = entries.get(target(given));
        try {
            body.write(stream(e));
        } catch (IOException ex) {
            throw failure(e.target, ex);
        } catch (UncheckedIOException ex) {
            throw failure(e.target, ex.getCause());
        }
    }

    private OutputStream stream(Entry e) {
        if (e.stream != null) {
            return e.stream;
        }
        try {
            if (e.direct) {
                e.stream = Files.newOutputStream(e.target, StandardOpenOption.WRITE);
            } else {
                Path temp = tempFor(e.target, "");
                synchronized (LOCK) {
                    refuseAfterShutdown(e.target);
                    LIVE.add(temp);
                    e.temp = temp;
                    e.stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
            }
            e.stream = new BufferedOutputStream(e.stream, 1 << 16);
            return e.stream;
        } catch (IOException ex) {
            throw failure(e.target, ex);
        }
    }

    /**
     * Puts every file in place: closes them, then renames each temporary onto its target (a file never written
     * becomes an empty file). If a rename fails, the targets already renamed are restored (replaced files come back,
     * new ones are removed) and the failure is reported naming the file.
     *
     * @throws UncheckedIOException naming the file and the reason
     */
    public void commit() {
        commit(() -> { });
    }

    /**
     * As {@link #commit()}, then runs {@code then} under the lock the shutdown hook takes, so that Ctrl-C cannot come
     * between the renames and that action (a tiled command removes its journal there).
     *
     * @param then runs once the files are in place; what it throws is thrown after the commit
     */
    public void commit(Runnable then) {
        for (Entry e : entries.values()) {
            stream(e);
            closeQuietly(e, true);
        }
        synchronized (LOCK) {
            refuseAfterShutdown(null);
            renameAll();
            then.run();
        }
    }

    /** Whether the set's files are in place. */
    public boolean committed() {
        synchronized (LOCK) {
            return committed;
        }
    }

    private void renameAll() {
        List<Entry> moved = new ArrayList<>();
        Map<Entry, Path> backups = new LinkedHashMap<>();
        try {
            for (Entry e : entries.values()) {
                if (e.direct) {
                    continue;
                }
                if (force && Files.isRegularFile(e.target, LinkOption.NOFOLLOW_LINKS)) {
                    Path backup = tempFor(e.target, OLD);
                    LIVE.add(backup);
                    move(e.target, backup);
                    backups.put(e, backup);
                }
                moveNew(e.temp, e.target);
                moved.add(e);
            }
        } catch (IOException ex) {
            Path failed = entries.values().stream().filter(e -> !moved.contains(e) && !e.direct).findFirst()
                    .map(e -> e.target).orElse(null);
            undo(moved, backups);
            throw failure(failed, ex);
        }
        committed = true;
        for (Path backup : backups.values()) {
            deleteQuietly(backup);
        }
        for (Entry e : entries.values()) {
            if (e.temp != null) {
                LIVE.remove(e.temp);
            }
        }
    }

    private static void undo(List<Entry> moved, Map<Entry, Path> backups) {
        for (Entry e : moved) {
            deleteQuietly(e.target);
        }
        for (Map.Entry<Entry, Path> b : backups.entrySet()) {
            try {
                move(b.getValue(), b.getKey().target);
            } catch (IOException ignored) {
                // the backup stays as a temporary file: reported by the caller's failure
            }
        }
    }

    /** Deletes every temporary file of an uncommitted set; the targets are left as they were. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Entry e : entries.values()) {
            closeQuietly(e, false);
            if (e.temp != null) {
                deleteQuietly(e.temp);
            }
        }
    }

    private static void closeQuietly(Entry e, boolean report) {
        try {
            if (e.writer != null) {
                e.writer.close();
            } else if (e.stream != null) {
                e.stream.close();
            }
        } catch (IOException ex) {
            if (report) {
                throw failure(e.target, ex);
            }
        }
    }

    /**
     * A fresh temporary name beside target: {@code .NAME.PID.N.eoslab-tmp}, or {@code .NAME.PID.N.old.eoslab-tmp} for
     * the backup of a replaced target.
     */
    static Path tempFor(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + COUNTER.incrementAndGet() + kind + TEMP_SUFFIX);
    }

    /** The longest file name (in UTF-8 bytes) of common file systems. */
    private static final int NAME_MAX = 255;

    /**
     * Refuses a target whose temporary name would be too long for the file system (a name within a few dozen bytes of
     * the limit): found before any computation, not when the last file is written.
     */
    static void checkNameLength(Path target, String given) {
        String longest = "." + target.getFileName() + "." + Long.MAX_VALUE + "." + Long.MAX_VALUE + OLD + TEMP_SUFFIX;
        int bytes = longest.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > NAME_MAX) {
            int room = NAME_MAX - (bytes - target.getFileName().toString().getBytes(StandardCharsets.UTF_8).length);
            throw new IllegalArgumentException("cannot write " + given + ": file name too long (eoslab needs room for "
                    + "a temporary name beside it: at most " + room + " bytes)");
        }
    }

    /** Registers a temporary file or directory for deletion by the shutdown hook (call holding {@link #LOCK}). */
    static void live(Path temp) {
        LIVE.add(temp);
    }

    /** Refuses to create or rename outputs once the shutdown hook has run (call holding {@link #LOCK}). */
    static void refuseAfterShutdown(Path file) {
        if (shuttingDown) {
            throw new UncheckedIOException("cannot write " + (file == null ? "the outputs" : file.toString())
                    + ": interrupted", new IOException("interrupted"));
        }
    }

    /** Whether a path names an existing device, pipe or socket (after following symbolic links). */
    public static boolean isDevice(Path given) {
        return Files.exists(given) && !Files.isRegularFile(given) && !Files.isDirectory(given);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void moveNew(Path from, Path to) throws IOException {
        if (!force && Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(to.toString(), null, "appeared while computing");
        }
        move(from, to);
    }

    /** The one-line failure of writing a file: {@code cannot write FILE: reason}. */
    public static UncheckedIOException failure(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof FileAlreadyExistsException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String where = file == null ? "an output" : file.toString();
        return new UncheckedIOException("cannot write " + where + ": " + reason.lines().findFirst().orElse(""), e);
    }

    static void deleteQuietly(Path p) {
        try {
            // a directory may still be written into by other threads (files appearing while it is walked): retry
            for (int attempt = 0; attempt < 50 && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS); attempt++) {
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(q);
                    }
                } catch (IOException | UncheckedIOException retry) {
                    // something appeared or vanished meanwhile: walk again
                }
            }
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a later plan() in this directory removes it
        }
        LIVE.remove(p);
    }

    /** The shutdown hook: no output is created or renamed from now on, and the temporaries still there go. */
    private static void shutdown() {
        synchronized (LOCK) {
            shuttingDown = true;
            deleteLive();
        }
    }

    /** Cleans up the temporary files of this process that are still there. */
    static void deleteLive() {
        synchronized (LOCK) {
            for (Path p : List.copyOf(LIVE)) {
                cleanUp(p);
            }
        }
    }

    /** Deletes a temporary, or puts back the backup of a target that is missing (a rename onto it never happened). */
    private static void cleanUp(Path temp) {
        Matcher m = TEMP.matcher(temp.getFileName().toString());
        if (m.matches() && m.group(3) != null) {
            Path target = temp.resolveSibling(m.group(1));
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    move(temp, target);
                    LIVE.remove(temp);
                    return;
                } catch (IOException ignored) {
                    return; // kept: the next run in this directory tries again
                }
            }
        }
        deleteQuietly(temp);
    }

    /**
     * Cleans up after eoslab processes that are gone ({@code kill -9}) in a directory: their temporary files and
     * directories are deleted; the backup of a target that was being replaced when the process died is put back when
     * the target is missing (the rename onto it never happened), deleted otherwise.
     */
    static void removeStaleTemps(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(2));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        cleanUp(p);
                    }
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // a directory we cannot list holds no temporaries we could remove
        }
    }
}
