package eoslab.report;

import eoslab.plot.MathText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link MathText} markup as HTML: text escaped, {@code `code`} and {@code **bold**} spans, and the mathematics as
 * MathML Core ({@code <math>} with mi, mn, mo, msub, msup, msubsup, msqrt), which browsers render natively.
 */
final class MathMl {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final String IDENTIFIER_EXTRA = "∞ℝ";
    private static final String TIGHT = "/|‖()[]·";

    private MathMl() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Markup as HTML. */
    static String html(String markup) {
        StringBuilder sb = new StringBuilder();
        StringBuilder maths = new StringBuilder();
        for (MathText.Node n : MathText.parse(markup)) {
            if (n instanceof MathText.Chars c && !c.maths()) {
                flush(sb, maths);
                sb.append(text(c.text()));
            } else {
                node(maths, n);
            }
        }
        flush(sb, maths);
        return sb.toString();
    }

    private static void flush(StringBuilder sb, StringBuilder maths) {
        if (maths.length() > 0) {
            sb.append("<math>").append(maths).append("</math>");
            maths.setLength(0);
        }
    }

    private static String text(String s) {
        String h = esc(s);
        Matcher m = CODE.matcher(h);
        h = m.replaceAll(r -> "<code>" + Matcher.quoteReplacement(r.group(1)) + "</code>");
        return BOLD.matcher(h).replaceAll("<b>$1</b>");
    }

    private static void nodes(StringBuilder sb, List<MathText.Node> nodes) {
        StringBuilder inner = new StringBuilder();
        for (MathText.Node n : nodes) {
            node(inner, n);
        }
        sb.append("<mrow>").append(inner).append("</mrow>");
    }

    private static void node(StringBuilder sb, MathText.Node n) {
        if (n instanceof MathText.Chars c) {
            tokens(sb, c.text());
        } else if (n instanceof MathText.Script s) {
            String tag = s.sub() != null && s.sup() != null ? "msubsup" : s.sub() != null ? "msub" : "msup";
            sb.append('<').append(tag).append('>');
            StringBuilder base = new StringBuilder();
            tokens(base, s.base().text());
            sb.append(base.length() == 0 ? "<mrow></mrow>" : base);
            if (s.sub() != null) {
                nodes(sb, s.sub());
            }
            if (s.sup() != null) {
                nodes(sb, s.sup());
            }
            sb.append("</").append(tag).append('>');
        } else if (n instanceof MathText.Root r) {
            sb.append("<msqrt>");
            nodes(sb, r.body());
            sb.append("</msqrt>");
        }
    }

    /** Numbers as mn, letters as mi (a run of two or more Latin letters as one upright mi), the rest as mo. */
    static void tokens(StringBuilder sb, String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                i += len;
            } else if (Character.isDigit(cp)) {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || (s.charAt(j) == '.' && j + 1 < s.length()
                        && Character.isDigit(s.charAt(j + 1))) || s.charAt(j) == '\u202F')) {
                    j++;
                }
                sb.append("<mn>").append(esc(s.substring(i, j))).append("</mn>");
                i = j;
            } else if (latin(cp)) {
                int j = i;
                while (j < s.length() && latin(s.charAt(j))) {
                    j++;
                }
                sb.append("<mi>").append(esc(s.substring(i, j))).append("</mi>");
                i = j;
            } else if (Character.isLetter(cp) || IDENTIFIER_EXTRA.indexOf(cp) >= 0) {
                sb.append("<mi>").append(esc(new String(Character.toChars(cp)))).append("</mi>");
                i += len;
            } else {
                String op = new String(Character.toChars(cp));
                // a slash, bars and brackets sit tight against their operands, as in print
                sb.append(TIGHT.indexOf(cp) >= 0 ? "<mo lspace=\"0\" rspace=\"0\">" : "<mo>").append(esc(op))
                        .append("</mo>");
                i += len;
            }
        }
    }

    private static boolean latin(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
