package eoslab.exec;

import java.util.Locale;

/** Up-front memory checks: a computation that cannot fit in the heap is refused before it starts, with its size. */
public final class Memory {
    private Memory() {
    }

    /**
     * Refuses a computation that needs more than the heap can give.
     *
     * @param what  what is being sized, for the message ({@code "atlas: 1073741824 cells"})
     * @param bytes the memory it needs (an estimate from above)
     * @throws IllegalArgumentException naming both sizes and how to get more heap
     */
    public static void require(String what, double bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s need about %s of memory, more than the "
                    + "%s heap: make it smaller, or give more heap (EOSLAB_JAVA_OPTS=-Xmx…)", what, size(bytes),
                    size(max)));
        }
    }

    private static String size(double bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (1L << 20)));
    }
}
