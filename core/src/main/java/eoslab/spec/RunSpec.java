package eoslab.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.Engines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run, completely and as the user gave it: the model and its parameters, the start, the method, the step size,
 * the stopping rule, the engine and the arithmetic. Immutable; {@link #describe()} and {@link #parse(String)} are a
 * JSON round trip ({@code parse(json(x)).equals(x)}), and {@link #toArgs()} gives the options of the {@code eoslab run}
 * command that reruns it. Everything that starts runs builds a RunSpec and hands it to the service layer, which
 * resolves η and the start once.
 *
 * @param model     the model
 * @param start     the initialization
 * @param method    the method and schedule
 * @param eta       the step size as given
 * @param stop      step budget and tolerance
 * @param engine    requested engine ({@code AUTO} lets the factory choose)
 * @param precision double or decimal arithmetic
 */
public record RunSpec(ModelSpec model, StartSpec start, MethodSpec method, EtaSpec eta, StopRule stop, Engine engine,
                      Precision precision) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Checks that no part is missing. */
    public RunSpec {
        if (model == null || start == null || method == null || eta == null || stop == null || engine == null
                || precision == null) {
            throw new IllegalArgumentException("a run specification needs a model, start, method, eta, stop rule, "
                    + "engine and precision");
        }
        Engines.validate(engine, precision);
    }

    /** How this run is carried out: method, stop rule, engine and arithmetic. */
    public RunSettings settings() {
        return new RunSettings(method, stop, engine, precision);
    }

    /** The same run with another step size. */
    public RunSpec withEta(EtaSpec newEta) {
        return new RunSpec(model, start, method, newEta, stop, engine, precision);
    }

    /** The same run with another stop rule. */
    public RunSpec withStop(StopRule newStop) {
        return new RunSpec(model, start, method, eta, newStop, engine, precision);
    }

    /** The JSON form (insertion-ordered maps). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.describe());
        m.put("start", start.describe());
        m.put("method", method.describe());
        m.put("eta", eta.describe());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("steps", stop.maxSteps());
        s.put(stop.relative() ? "tol_rel" : "tol", stop.tol());
        m.put("stop", s);
        m.put("engine", engine.label());
        m.put("precision", precision.label());
        return m;
    }

    /** The JSON text of {@link #describe()}. */
    public String json() {
        try {
            return MAPPER.writeValueAsString(describe());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a specification from its JSON text.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad field
     */
    public static RunSpec parse(String json) {
        Object tree;
        try {
            tree = MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("spec is not valid JSON: " + e.getOriginalMessage());
        }
        return parse(tree);
    }

    /** Reads a specification from its parsed JSON form (maps, lists, numbers, strings). */
    public static RunSpec parse(Object tree) {
        Fields f = Fields.of(tree, "spec");
        Fields stop = f.object("stop");
        return new RunSpec(ModelSpec.parse(f.require("model")), StartSpec.parse(f.require("start")),
                f.has("method") ? MethodSpec.parse(f.require("method")) : MethodSpec.GD,
                EtaSpec.parse(f.require("eta")), stopRule(stop),
                f.has("engine") ? Engine.parse(f.string("engine")) : Engine.AUTO,
                f.has("precision") ? Precision.parse(f.string("precision")) : Precision.DOUBLE);
    }

    private static StopRule stopRule(Fields stop) {
        if (stop.has("tol") == stop.has("tol_rel")) {
            throw new IllegalArgumentException("spec.stop must have exactly one of tol and tol_rel");
        }
        return stop.has("tol") ? new StopRule(stop.integer("steps"), stop.number("tol"))
                : new StopRule(stop.integer("steps"), stop.number("tol_rel"), true);
    }

    /**
     * The options of the {@code eoslab run} command that reruns this run: model, start, step, budget and tolerance,
     * then the method, engine and arithmetic where they are not the defaults.
     */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(model.toArgs());
        args.addAll(start.toArgs());
        args.addAll(eta.toArgs());
        args.addAll(List.of("--steps", Long.toString(stop.maxSteps()), stop.relative() ? "--tol-rel" : "--tol",
                Double.toString(stop.tol())));
        args.addAll(method.toArgs());
        if (engine != Engine.AUTO) {
            args.addAll(List.of("--engine", engine.label()));
        }
        if (precision.decimal()) {
            args.addAll(List.of("--precision", precision.label()));
        }
        return args;
    }

    /** The full command line {@code ./eoslab run …} that reruns this run. */
    public String command() {
        return "./eoslab run " + String.join(" ", toArgs());
    }
}
