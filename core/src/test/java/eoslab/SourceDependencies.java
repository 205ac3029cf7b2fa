package eoslab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The eoslab classes one Java source file depends on, read from its text: its {@code import eoslab.…} lines (static
 * and on-demand imports included) and the fully qualified {@code eoslab.x.Y} names in its code. Comments, string
 * and character literals are blanked first, so a name mentioned in Javadoc or in a message is not a dependency; an
 * import is one even when only Javadoc uses it.
 *
 * @param pkg        the file's package
 * @param references the referenced eoslab names with the line they are on, in order of appearance
 */
public record SourceDependencies(String pkg, List<Reference> references) {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*import\\s+(?:static\\s+)?(eoslab(?:\\.\\w+)+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])eoslab(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");

    /**
     * One reference to an eoslab class.
     *
     * @param name the name as written ({@code eoslab.dynamics.shallow.DecimalGd}, {@code eoslab.grid.*})
     * @param line its line, from 1
     */
    public record Reference(String name, int line) {
        /** The package of the referenced name: its segments up to the first capitalized one (or the {@code *}). */
        public String pkg() {
            List<String> parts = new ArrayList<>();
            for (String s : name.split("\\.")) {
                if (s.equals("*") || Character.isUpperCase(s.charAt(0))) {
                    break;
                }
                parts.add(s);
            }
            return String.join(".", parts);
        }
    }

    /** Reads the dependencies of one source text. */
    public static SourceDependencies of(String source) {
        String code = blankCommentsAndLiterals(source);
        Matcher p = PACKAGE.matcher(code);
        String pkg = p.find() ? p.group(1) : "";
        List<Reference> refs = new ArrayList<>();
        Set<Integer> importLines = new LinkedHashSet<>();
        Matcher im = IMPORT.matcher(code);
        while (im.find()) {
            int line = lineOf(code, im.start(1));
            importLines.add(line);
            refs.add(new Reference(im.group(1), line));
        }
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            int line = lineOf(code, q.start());
            if (!importLines.contains(line)) {
                refs.add(new Reference(q.group(), line));
            }
        }
        return new SourceDependencies(pkg, List.copyOf(refs));
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text with every comment, string, text block and character literal replaced by spaces (newlines kept). */
    public static String blankCommentsAndLiterals(String s) {
        char[] a = s.toCharArray();
        int n = a.length;
        int i = 0;
        while (i < n) {
            char c = a[i];
            char next = i + 1 < n ? a[i + 1] : 0;
            int end;
            if (c == '/' && next == '/') {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && next == '*') {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '"' && next == '"' && i + 2 < n && a[i + 2] == '"') {
                end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && a[end] != c && a[end] != '\n') {
                    end += a[end] == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (a[k] != '\n') {
                    a[k] = ' ';
                }
            }
            i = end;
        }
        return new String(a);
    }
}
