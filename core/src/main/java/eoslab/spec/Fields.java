package eoslab.spec;

import java.util.List;
import java.util.Map;

/** Typed reading of the JSON form of a specification (a map from Jackson), with one-line errors naming the field. */
final class Fields {
    private final Map<?, ?> map;
    private final String where;

    private Fields(Map<?, ?> map, String where) {
        this.map = map;
        this.where = where;
    }

    /** The fields of an object at the given path ("spec", "spec.model", …). */
    static Fields of(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        return new Fields(m, where);
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    Fields object(String key) {
        return of(require(key), where + "." + key);
    }

    Object require(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(where + "." + key + " is missing");
        }
        return map.get(key);
    }

    String string(String key) {
        Object v = require(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(where + "." + key + " must be a string");
        }
        return s;
    }

    double number(String key) {
        Object v = require(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(where + "." + key + " must be a number");
        }
        return n.doubleValue();
    }

    long integer(String key) {
        Object v = require(key);
        if (!(v instanceof Integer || v instanceof Long) && !(v instanceof Number n && n.doubleValue() == Math.rint(
                n.doubleValue()) && Math.abs(n.doubleValue()) < 0x1p53)) {
            throw new IllegalArgumentException(where + "." + key + " must be an integer");
        }
        return ((Number) v).longValue();
    }

    double[] numbers(String key) {
        Object v = require(key);
        if (v instanceof double[] d) {
            return d.clone();
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(where + "." + key + " must be an array of numbers");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw new IllegalArgumentException(where + "." + key + "[" + i + "] must be a number");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    /** A list of numbers as an immutable list (for record components that compare by value). */
    List<Double> numberList(String key) {
        double[] v = numbers(key);
        Double[] boxed = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return List.of(boxed);
    }

    /** A list of integers. */
    List<Integer> integerList(String key) {
        Object v = require(key);
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(where + "." + key + " must be an array of integers");
        }
        Integer[] out = new Integer[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = list.get(i);
            if (!(x instanceof Integer || x instanceof Long) && !(x instanceof Number n
                    && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 0x1p31)) {
                throw new IllegalArgumentException(where + "." + key + "[" + i + "] must be an integer");
            }
            out[i] = Math.toIntExact(((Number) x).longValue());
        }
        return List.of(out);
    }

    /** A boolean. */
    boolean bool(String key) {
        Object v = require(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(where + "." + key + " must be true or false");
        }
        return b;
    }

    /** Where these fields are, for messages. */
    String where() {
        return where;
    }
}
