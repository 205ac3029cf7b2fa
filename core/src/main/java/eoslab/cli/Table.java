package eoslab.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Aligned human-readable tables of summaries. */
final class Table {
    private Table() {
    }

    /** A key/value table. */
    static String of(Map<String, Object> summary) {
        int w = summary.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        summary.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-" + w + "s  %s%n", k, format(v))));
        return sb.toString().stripTrailing();
    }

    /** A table with one row per key and one column per map, blank where a map lacks the key. */
    static String columns(List<String> keys, List<String> headers, List<Map<String, Object>> maps) {
        int kw = Math.max(8, keys.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + kw + "s", ""));
        headers.forEach(h -> row.append(String.format(Locale.ROOT, "  %-22s", h)));
        StringBuilder sb = new StringBuilder(row.toString().stripTrailing()).append('\n');
        for (String k : keys) {
            row.setLength(0);
            row.append(String.format(Locale.ROOT, "%-" + kw + "s", k));
            for (Map<String, Object> m : maps) {
                row.append(String.format(Locale.ROOT, "  %-22s", m.containsKey(k) ? format(m.get(k)) : ""));
            }
            sb.append(row.toString().stripTrailing()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static String format(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.12g", d);
        }
        if (v instanceof double[] arr) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < arr.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.10g", arr[i]));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
