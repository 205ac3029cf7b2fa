package eoslab.web;

import eoslab.spec.FlowRunSpec;
import eoslab.spec.RunSpec;
import eoslab.sweep.ParameterGrid;
import eoslab.sweep.PhaseSpec;
import eoslab.theory.CheckGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The specification a request names, in one of three forms: {@code "spec"} (the JSON form of a {@link RunSpec} or
 * {@link FlowRunSpec}), {@code "options"} (a map of the command's long option names) or {@code "args"} (the
 * command-line arguments). Options and arguments go through the CLI's own parsing ({@link OptionReader}), so they
 * have its defaults and messages. Whatever the form, a request may not name a file unless the limits allow it, and
 * never {@code --out} or {@code --resume}: results come back in the reply.
 */
final class Requests {
    private static final List<String> NEVER = List.of("--out", "--resume");
    private static final List<String> FILES = List.of("--data", "--target", "--theta");

    private static final List<String> FILE_KEYS = List.of("data", "target", "theta");

    private final OptionReader reader;
    private final Limits limits;

    Requests(OptionReader reader, Limits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** The run of a run or compare request, and its trajectory stride. */
    OptionReader.Run run(String command, Map<String, Object> body) {
        if (body.containsKey("spec")) {
            requireOnlyForm(body, "spec");
            RunSpec spec = RunSpec.parse(body.get("spec"));
            refuseFiles(spec.describe());
            return new OptionReader.Run(spec, every(body));
        }
        OptionReader.Run run = reader.run(command, args(command, body));
        if (body.containsKey("every")) {
            throw new IllegalArgumentException("give the stride as the option every, not beside it");
        }
        return run;
    }

    /** The flow of a flow request. */
    FlowRunSpec flow(Map<String, Object> body) {
        if (body.containsKey("spec")) {
            requireOnlyForm(body, "spec");
            FlowRunSpec spec = FlowRunSpec.parse(body.get("spec"));
            refuseFiles(spec.describe());
            return spec;
        }
        return reader.flow(args("flow", body));
    }

    /** The grid of a sweep request. */
    ParameterGrid sweep(Map<String, Object> body) {
        return reader.sweep(args("sweep", body));
    }

    /** The map of a phase request. */
    PhaseSpec phase(Map<String, Object> body) {
        List<String> args = args("phase", body);
        refuse(args, List.of("--certify", "--certify-digits"), "is not available through the API (use the CLI)");
        return reader.phase(args);
    }

    /** The grid of a check request. */
    CheckGrid check(Map<String, Object> body) {
        return reader.check(args("check", body));
    }

    /** The command-line arguments of an options or args request, with the refused options checked. */
    List<String> args(String command, Map<String, Object> body) {
        List<String> args;
        if (body.containsKey("options")) {
            requireOnlyForm(body, "options");
            if (!(body.get("options") instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("options must be a JSON object of option names and values");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> options = (Map<String, ?>) m;
            args = reader.args(command, options);
        } else if (body.containsKey("args")) {
            requireOnlyForm(body, "args");
            if (!(body.get("args") instanceof List<?> list) || !list.stream().allMatch(a -> a instanceof String)) {
                throw new IllegalArgumentException("args must be a JSON array of strings");
            }
            args = new ArrayList<>();
            list.forEach(a -> args.add((String) a));
        } else {
            throw new IllegalArgumentException("give the " + command + " as options (an object), args (an array)"
                    + (command.equals("run") || command.equals("compare") || command.equals("flow")
                    ? " or spec (its JSON form)" : ""));
        }
        refuse(args, NEVER, "is not available through the API: results come back in the reply");
        if (!limits.readsFiles()) {
            refuse(args, FILES, "is not available through the API: it does not read files (give --phi, --target-spectrum or --sparse)");
        }
        return args;
    }

    private void refuseFiles(Map<String, Object> json) {
        if (!limits.readsFiles() && namesFile(json)) {
            throw new IllegalArgumentException("the API does not read files (spec.model.data, spec.model.target, "
                    + "spec.start.theta): give phi, target_spectrum or sparse");
        }
    }

    /** True when a JSON form names a file: a string under the key "data", "target" or "theta" at any depth. */
    static boolean namesFile(Object json) {
        if (json instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (FILE_KEYS.contains(e.getKey()) && e.getValue() instanceof String || namesFile(e.getValue())) {
                    return true;
                }
            }
        } else if (json instanceof List<?> l) {
            return l.stream().anyMatch(Requests::namesFile);
        }
        return false;
    }

    private static void refuse(List<String> args, List<String> options, String why) {
        for (String a : args) {
            for (String o : options) {
                if (a.equals(o) || a.startsWith(o + "=")) {
                    throw new IllegalArgumentException(o + " " + why);
                }
            }
        }
    }

    private static void requireOnlyForm(Map<String, Object> body, String form) {
        int forms = 0;
        for (String f : List.of("spec", "options", "args")) {
            forms += body.containsKey(f) ? 1 : 0;
        }
        if (forms > 1) {
            throw new IllegalArgumentException("give one of spec, options and args, not " + forms);
        }
    }

    private static long every(Map<String, Object> body) {
        Object e = body.get("every");
        if (e == null) {
            return 1;
        }
        if (!(e instanceof Integer || e instanceof Long) || ((Number) e).longValue() < 1) {
            throw new IllegalArgumentException("--every must be at least 1, got " + e);
        }
        return ((Number) e).longValue();
    }
}
