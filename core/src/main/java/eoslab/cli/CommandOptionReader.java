package eoslab.cli;

import eoslab.spec.FlowRunSpec;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseSpec;
import eoslab.theory.CheckGrid;
import eoslab.web.OptionReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands' own option parsing, for the API and batch mode: options are parsed by the same picocli classes with
 * the same defaults, so a request given as options has exactly the command's meaning and, when bad, its message.
 */
public final class CommandOptionReader implements OptionReader {

    /** A reader of every command's options. */
    public CommandOptionReader() {
    }

    /** The options of {@code sweep} apart from its output ({@code --out}, {@code --resume}). */
    @Command(name = "sweep", mixinStandardHelpOptions = true)
    static final class SweepOptions {
        @Mixin
        GridOptions grid;
        @Mixin
        GdOptions gd;
        @Mixin
        ThreadsOption threads;
    }

    @Override
    public List<String> args(String command, Map<String, ?> options) {
        CommandLine cl = new CommandLine(command(command));
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, ?> e : options.entrySet()) {
            String key = e.getKey().startsWith("--") ? e.getKey() : "--" + e.getKey().replace('_', '-');
            Object v = e.getValue();
            OptionSpec o = cl.getCommandSpec().findOption(key);
            if (v == null || Boolean.FALSE.equals(v) && (o == null || o.arity().max() == 0)) {
                continue;
            }
            if (Boolean.TRUE.equals(v) && (o == null || o.arity().max() == 0)) {
                args.add(key);
            } else if (v instanceof List<?> list) {
                if (o != null && o.splitRegex().isEmpty() && o.isMultiValue()) {
                    for (Object x : list) {
                        args.add(key);
                        args.add(text(key, x));
                    }
                } else {
                    List<String> parts = new ArrayList<>();
                    for (Object x : list) {
                        parts.add(text(key, x));
                    }
                    args.add(key);
                    args.add(String.join(",", parts));
                }
            } else {
                args.add(key);
                args.add(text(key, v));
            }
        }
        return args;
    }

    private static String text(String option, Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw new IllegalArgumentException(option + ": a value must be a number, a string, true/false or a list of them");
    }

    @Override
    public Run run(String command, List<String> args) {
        if (!command.equals("run") && !command.equals("compare")) {
            throw new IllegalArgumentException("not a run command: " + command);
        }
        RunOptions run = command.equals("run") ? parse(new RunCommand(), args).run
                : parse(new CompareCommand(), args).run;
        return call(() -> new Run(run.spec(command.equals("compare") ? 1 : 0), run.every));
    }

    @Override
    public FlowRunSpec flow(List<String> args) {
        FlowCommand c = parse(new FlowCommand(), args);
        return call(c::spec);
    }

    @Override
    public ParameterGrid sweep(List<String> args) {
        SweepOptions c = parse(new SweepOptions(), args);
        return call(() -> {
            ParameterGrid g = c.grid.grid(c.gd.gridSettings(), c.gd.methodOptions());
            c.threads.count();
            return g;
        });
    }

    @Override
    public PhaseSpec phase(List<String> args) {
        PhaseCommand c = parse(new PhaseCommand(), args);
        return call(() -> {
            PhaseSpec spec = c.phaseSpec();
            c.threads.count();
            return spec;
        });
    }

    @Override
    public CheckGrid check(List<String> args) {
        CheckCommand c = parse(new CheckCommand(), args);
        return call(() -> {
            CheckGrid grid = c.grid();
            c.threads.count();
            return grid;
        });
    }

    private static Object command(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "compare" -> new CompareCommand();
            case "flow" -> new FlowCommand();
            case "sweep" -> new SweepOptions();
            case "phase" -> new PhaseCommand();
            case "check" -> new CheckCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** Parses the arguments into the command object, with the CLI's defaults; bad input as the CLI reports it. */
    private static <T> T parse(T command, List<String> args) {
        CommandLine cl = new CommandLine(command);
        cl.setDefaultValueProvider(new StopOptions.Defaults());
        try {
            CommandLine.ParseResult r = cl.parseArgs(args.toArray(new String[0]));
            if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                throw new IllegalArgumentException("--help and --version are for the command line: see ./eoslab "
                        + cl.getCommandName() + " --help");
            }
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(Main.firstLine(e.getMessage()), e);
        }
        return command;
    }

    /** Runs a step of building a specification, with the CLI's usage errors as IllegalArgumentException. */
    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (UsageException | UncheckedIOException e) {
            throw new IllegalArgumentException(Main.firstLine(e.getMessage()), e);
        }
    }
}
