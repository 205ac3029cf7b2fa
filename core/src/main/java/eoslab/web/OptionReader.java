package eoslab.web;

import eoslab.spec.FlowRunSpec;
import eoslab.spec.RunSpec;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseSpec;
import eoslab.theory.CheckGrid;
import java.util.List;
import java.util.Map;

/**
 * Reads a command's options into specifications exactly as the command line does: the same option names, defaults,
 * checks and one-line messages. The CLI implements it (the server must not depend on the CLI); every method throws
 * {@link IllegalArgumentException} with the CLI's message for bad input.
 */
public interface OptionReader {
    /**
     * A run (or compare) specification and the trajectory stride.
     *
     * @param spec  the run
     * @param every keep every k-th step ({@code --every})
     */
    record Run(RunSpec spec, long every) {
    }

    /**
     * The command-line arguments of a map of options: each key a long option name without dashes ({@code _} for
     * {@code -}); true for a flag (false or null: absent); a list for a comma-separated or repeatable option.
     *
     * @param command the command whose options they are
     */
    List<String> args(String command, Map<String, ?> options);

    /** The options of {@code run} or {@code compare}. */
    Run run(String command, List<String> args);

    /** The options of {@code flow}. */
    FlowRunSpec flow(List<String> args);

    /** The options of {@code sweep} (without {@code --out}). */
    ParameterGrid sweep(List<String> args);

    /** The options of {@code phase}. */
    PhaseSpec phase(List<String> args);

    /** The options of {@code check}. */
    CheckGrid check(List<String> args);
}
