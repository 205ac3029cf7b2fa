package eoslab.cli;

import picocli.CommandLine.Option;

/** The worker-thread count of the commands that run many cases (their results do not depend on it). */
public final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "n",
            description = "Worker threads (default: all cores).")
    Integer threads;

    /** The number of threads: the option, or the number of cores. */
    int count() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        BaseCommand.requireAtLeast("--threads", threads, 1);
        return threads;
    }
}
