package eoslab.cli;

import picocli.CommandLine.Option;

/** {@code --force}: let a command replace its existing outputs (without it, an existing output is an error). */
public final class ForceOption {
    @Option(names = "--force", description = "Replace existing output files (default: refuse, nothing is computed).")
    boolean force;
}
