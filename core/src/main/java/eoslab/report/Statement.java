package eoslab.report;

import eoslab.plot.MathText;
import eoslab.plot.Numbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One sentence of the report, generated from the numbers it describes. It carries its template ({@link MathText}
 * markup with {@code {name}} placeholders), the measured values it states, values derived from them, and the
 * predicate it asserts about them. {@link #holds()} decides whether the sentence may be printed; a test recomputes
 * the measured values from the report's data files and checks {@link #holdsFor} and the printed numbers.
 * Sentences without a predicate describe what a figure shows (their values are its parameters); definitions carry
 * no values at all.
 */
public final class Statement {
    /** How a value is printed. */
    private record Value(double value, int digits) {
    }

    /** A derived value: a function of the measured ones. */
    private record Derived(String name, ToDoubleFunction<Values> f, int digits) {
    }

    /** Read access to a statement's values by name. */
    public static final class Values {
        private final Map<String, Double> map;

        Values(Map<String, Double> map) {
            this.map = map;
        }

        /**
         * The value of a name.
         *
         * @throws IllegalArgumentException if there is none
         */
        public double get(String name) {
            Double v = map.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no value '" + name + "'");
            }
            return v;
        }

        /** The names and values. */
        public Map<String, Double> asMap() {
            return Collections.unmodifiableMap(map);
        }
    }

    /** Printed as an integer with grouped digits. */
    public static final int COUNT = 0;

    private final String id;
    private final String template;
    private final Map<String, Value> measured = new LinkedHashMap<>();
    private final List<Derived> derived = new ArrayList<>();
    private String asserts = "";
    private Predicate<Values> predicate = v -> true;

    private Statement(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** A statement with an id (section.figure.topic) and a template. */
    public static Statement of(String id, String template) {
        return new Statement(id, template);
    }

    /** Adds a measured value printed to the given significant digits ({@link #COUNT}: an integer). */
    public Statement value(String name, double v, int digits) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(id + ": value " + name + " is not finite: " + v);
        }
        measured.put(name, new Value(v, digits));
        return this;
    }

    /** Adds a count. */
    public Statement count(String name, long n) {
        return value(name, n, COUNT);
    }

    /** Adds a value computed from the measured ones. */
    public Statement derive(String name, ToDoubleFunction<Values> f, int digits) {
        derived.add(new Derived(name, f, digits));
        return this;
    }

    /** Sets the predicate the sentence asserts, with its statement in words. */
    public Statement asserts(String description, Predicate<Values> p) {
        this.asserts = description;
        this.predicate = p;
        return this;
    }

    /** The id. */
    public String id() {
        return id;
    }

    /** The predicate in words ("" for a description). */
    public String assertion() {
        return asserts;
    }

    /** The measured values, by name, in insertion order. */
    public Map<String, Double> measured() {
        Map<String, Double> m = new LinkedHashMap<>();
        measured.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }

    private Values all(Map<String, Double> primary) {
        Map<String, Double> m = new LinkedHashMap<>(primary);
        Values v = new Values(m);
        for (Derived d : derived) {
            m.put(d.name(), d.f().applyAsDouble(v));
        }
        return v;
    }

    /** The measured and derived values. */
    public Values values() {
        return all(measured());
    }

    /** Whether the predicate holds for the statement's own values (a false sentence is not printed). */
    public boolean holds() {
        return holdsFor(measured());
    }

    /** Whether the predicate holds for measured values recomputed elsewhere (derived values recomputed too). */
    public boolean holdsFor(Map<String, Double> recomputed) {
        Values v = all(recomputed);
        for (Double x : v.asMap().values()) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return predicate.test(v);
    }

    /** The sentence as markup. */
    public String markup() {
        return fill(measured());
    }

    /** The sentence as markup, with other measured values (the test renders recomputed numbers with it). */
    public String fill(Map<String, Double> primary) {
        Map<String, Integer> digits = new LinkedHashMap<>();
        measured.forEach((k, v) -> digits.put(k, v.digits()));
        derived.forEach(d -> digits.put(d.name(), d.digits()));
        Values v = all(primary);
        StringBuilder sb = new StringBuilder();
        boolean maths = false;
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '\\' && i + 1 < template.length()) {
                sb.append(ch).append(template.charAt(++i));
                continue;
            }
            if (ch == '$') {
                maths = !maths;
            }
            if (ch == '{' && !maths) {
                int end = template.indexOf('}', i);
                String name = template.substring(i + 1, end);
                if (!digits.containsKey(name)) {
                    throw new IllegalStateException(id + ": no value for placeholder {" + name + "}");
                }
                int d = digits.get(name);
                double x = v.get(name);
                String num = d == COUNT ? Numbers.count(Math.round(x)) : Numbers.sig(x, d);
                sb.append(num.contains("^") ? "$" + num + "$" : num);
                i = end;
                continue;
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** The sentence as Unicode text. */
    public String plain() {
        return MathText.plain(markup());
    }
}
