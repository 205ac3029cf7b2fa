package eoslab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small markup in which every label of a chart and every sentence of the report is written: plain text, with
 * mathematics between dollar signs. Inside {@code $…$}: {@code x_{…}} or {@code x_c} a subscript, {@code x^{…}} or
 * {@code x^c} a superscript, {@code \sqrt{…}} a square root, {@code \ln}, {@code \max} and other operator
 * names (the word, upright), and {@code \_ \^ \{ \} \$ \\} the characters
 * themselves (outside maths {@code \$ \{ \} \\} too); every other character, Greek letters and operators included, stands for itself (Unicode). Parsed into
 * a small tree that charts lay out with real sub- and superscripts ({@link #layout}), the report turns into MathML,
 * and {@link #plain} turns into readable Unicode text (Markdown, CSV, JSON).
 */
public final class MathText {
    /** A node of the parsed markup. */
    public sealed interface Node permits Chars, Script, Root {
    }

    /**
     * A run of characters.
     *
     * @param text  the characters
     * @param maths inside {@code $…$}
     */
    public record Chars(String text, boolean maths) implements Node {
    }

    /**
     * A base with a subscript, a superscript or both.
     *
     * @param base the base (the token before {@code _} or {@code ^})
     * @param sub  the subscript, or null
     * @param sup  the superscript, or null
     */
    public record Script(Chars base, List<Node> sub, List<Node> sup) implements Node {
    }

    /**
     * A square root.
     *
     * @param body what is under the root
     */
    public record Root(List<Node> body) implements Node {
    }

    /** Words written upright as one identifier when they are the base of a script. */
    private static final Set<String> WORDS = Set.of("max", "min", "ln", "log", "exp", "sup", "inf", "lim", "sign");

    private final String src;
    private int pos;

    private MathText(String src) {
        this.src = src;
    }

    /**
     * Parses markup.
     *
     * @throws IllegalArgumentException for unbalanced braces or dollar signs
     */
    public static List<Node> parse(String markup) {
        MathText p = new MathText(markup == null ? "" : markup);
        List<Node> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (p.pos < p.src.length()) {
            char ch = p.src.charAt(p.pos);
            if (ch == '$') {
                flush(out, text, false);
                p.pos++;
                out.addAll(p.maths(true));
                if (p.pos >= p.src.length() || p.src.charAt(p.pos) != '$') {
                    throw new IllegalArgumentException("unclosed $ in: " + markup);
                }
                p.pos++;
            } else if (ch == '\\' && p.pos + 1 < p.src.length() && "${}\\".indexOf(p.src.charAt(p.pos + 1)) >= 0) {
                text.append(p.src.charAt(p.pos + 1));
                p.pos += 2;
            } else {
                text.append(ch);
                p.pos++;
            }
        }
        flush(out, text, false);
        return out;
    }

    private static void flush(List<Node> out, StringBuilder text, boolean maths) {
        if (text.length() > 0) {
            out.add(new Chars(text.toString(), maths));
            text.setLength(0);
        }
    }

    /** Maths up to a closing '$' (top) or '}' (group), not consumed. */
    private List<Node> maths(boolean top) {
        List<Node> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (ch == (top ? '$' : '}')) {
                break;
            }
            if (ch == (top ? '}' : '$')) {
                throw new IllegalArgumentException("unbalanced " + ch + " in: " + src);
            }
            if (ch == '\\') {
                if (src.startsWith("\\sqrt", pos)) {
                    pos += 5;
                    flush(out, text, true);
                    out.add(new Root(group()));
                    continue;
                }
                int w = pos + 1;
                while (w < src.length() && isLatin(src.charAt(w))) {
                    w++;
                }
                if (w > pos + 1) {
                    // an operator name such as \ln or \max: the word itself (a script after it takes it as base)
                    text.append(src, pos + 1, w);
                    pos = w;
                    continue;
                }
                if (pos + 1 < src.length() && "_^{}$\\".indexOf(src.charAt(pos + 1)) >= 0) {
                    text.append(src.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                text.append(ch);
                pos++;
                continue;
            }
            if (ch == '_' || ch == '^') {
                Chars base = takeBase(out, text);
                List<Node> sub = null;
                List<Node> sup = null;
                while (pos < src.length() && (src.charAt(pos) == '_' || src.charAt(pos) == '^')) {
                    boolean isSub = src.charAt(pos) == '_';
                    pos++;
                    List<Node> script = scriptArgument();
                    if (isSub) {
                        sub = script;
                    } else {
                        sup = script;
                    }
                }
                out.add(new Script(base, sub, sup));
                continue;
            }
            text.append(ch);
            pos++;
        }
        flush(out, text, true);
        return out;
    }

    private List<Node> scriptArgument() {
        if (pos < src.length() && src.charAt(pos) == '{') {
            return group();
        }
        if (pos >= src.length()) {
            throw new IllegalArgumentException("missing script after _ or ^ in: " + src);
        }
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return List.of(new Chars(new String(Character.toChars(cp)), true));
    }

    private List<Node> group() {
        if (pos >= src.length() || src.charAt(pos) != '{') {
            throw new IllegalArgumentException("expected { at " + pos + " in: " + src);
        }
        pos++;
        List<Node> body = maths(false);
        if (pos >= src.length() || src.charAt(pos) != '}') {
            throw new IllegalArgumentException("unclosed { in: " + src);
        }
        pos++;
        return body;
    }

    /** Removes the base token (a number, a function word or one character) from the pending text. */
    private static Chars takeBase(List<Node> out, StringBuilder text) {
        if (text.length() == 0) {
            // the base is a previous node (a root or a script); script an empty base after it
            return new Chars("", true);
        }
        int end = text.length();
        int start = end - Character.charCount(text.codePointBefore(end));
        char last = text.charAt(end - 1);
        if (Character.isDigit(last) || last == '.') {
            while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
                start--;
            }
        } else if (isLatin(last)) {
            int w = start;
            while (w > 0 && isLatin(text.charAt(w - 1))) {
                w--;
            }
            if (WORDS.contains(text.substring(w, end))) {
                start = w;
            }
        }
        String base = text.substring(start);
        text.setLength(start);
        flush(out, text, true);
        return new Chars(base, true);
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Text as markup that stands for itself: backslash, braces and dollar signs escaped. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("$", "\\$").replace("{", "\\{").replace("}", "\\}");
    }

    // ---------------------------------------------------------------- plain Unicode

    private static final String SUB_FROM = "0123456789+-−=()aehijklmnoprstuvxβγρφχ∞±";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ∞±";
    private static final String SUP_FROM = "0123456789+-−=()inT⊤*";
    private static final String SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿᵀᵀ*";

    /** The markup as readable Unicode text: Unicode sub- and superscripts where they exist, else _x and ^(x). */
    public static String plain(String markup) {
        return plain(parse(markup));
    }

    /** The nodes as readable Unicode text. */
    public static String plain(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            if (n instanceof Chars c) {
                sb.append(c.text());
            } else if (n instanceof Script s) {
                sb.append(s.base().text());
                if (s.sub() != null) {
                    sb.append(script(plain(s.sub()), SUB_FROM, SUB_TO, "_"));
                }
                if (s.sup() != null) {
                    sb.append(script(plain(s.sup()), SUP_FROM, SUP_TO, "^"));
                }
            } else if (n instanceof Root r) {
                String body = plain(r.body());
                sb.append('√').append(body.codePointCount(0, body.length()) == 1 ? body : "(" + body + ")");
            }
        }
        return sb.toString();
    }

    private static String script(String s, String from, String to, String mark) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            int k = from.indexOf(s.charAt(i));
            if (k < 0) {
                return mark + (s.length() == 1 || s.chars().allMatch(Character::isLetter) ? s : "(" + s + ")");
            }
            out.append(to.charAt(k));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- layout for charts

    /** Scripts are this fraction of the surrounding size. */
    private static final double SCRIPT = 0.7;

    /**
     * A laid-out line of markup: runs of text at offsets from the start of the baseline, in points (y down), and the
     * bars of square roots.
     *
     * @param runs  the text runs
     * @param bars  overbars as {x0, x1, y} offsets
     * @param width the advance width
     */
    public record Layout(List<Run> runs, List<double[]> bars, double width) {
    }

    /**
     * One run of text.
     *
     * @param text the characters
     * @param dx   offset along the baseline
     * @param dy   offset below the baseline (negative: raised)
     * @param size font size in points
     */
    public record Run(String text, double dx, double dy, double size) {
    }

    /** Lays out markup at a font size in points. */
    public static Layout layout(String markup, double size) {
        List<Run> runs = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        double w = place(parse(markup), 0, 0, size, runs, bars);
        return new Layout(List.copyOf(runs), List.copyOf(bars), w);
    }

    private static double place(List<Node> nodes, double x, double dy, double size, List<Run> runs,
                                List<double[]> bars) {
        for (Node n : nodes) {
            if (n instanceof Chars c) {
                x = run(c.text(), x, dy, size, runs);
            } else if (n instanceof Script s) {
                x = run(s.base().text(), x, dy, size, runs);
                double ss = size * SCRIPT;
                double xe = x;
                if (s.sub() != null) {
                    xe = Math.max(xe, place(s.sub(), x, dy + 0.22 * size, ss, runs, bars));
                }
                if (s.sup() != null) {
                    xe = Math.max(xe, place(s.sup(), x, dy - 0.38 * size, ss, runs, bars));
                }
                x = xe + 0.04 * size;
            } else if (n instanceof Root r) {
                x = run("√", x, dy, size, runs);
                double start = x;
                x = place(r.body(), x + 0.05 * size, dy, size, runs, bars) + 0.05 * size;
                bars.add(new double[] {start - 0.02 * size, x, dy - 0.80 * size});
            }
        }
        return x;
    }

    private static double run(String text, double x, double dy, double size, List<Run> runs) {
        if (text.isEmpty()) {
            return x;
        }
        runs.add(new Run(text, x, dy, size));
        return x + Fonts.width(text, size);
    }
}
