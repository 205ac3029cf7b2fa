package eoslab.report;

import eoslab.model.shallow.Landmarks;
import eoslab.plot.MathText;
import eoslab.plot.Numbers;

/** Labels shared by the report's figures, as {@link MathText} markup. */
final class Labels {
    private Labels() {
    }

    /** A number to four significant digits, safe to put in text (powers of ten in maths). */
    static String num(double x) {
        String s = Numbers.sig(x, 4);
        return s.contains("^") ? "$" + s + "$" : s;
    }

    /** The legend entry of a GD run at step η. */
    static String gd(double eta, Landmarks l) {
        return "GD $η$ = " + num(eta) + " (" + num(l.relativeEta(eta)) + " × $2/λ_{GF}$)";
    }

    /** The same as plain text (a CSV series name). */
    static String gdPlain(double eta, Landmarks l) {
        return MathText.plain(gd(eta, l));
    }

    private static final java.util.regex.Pattern JAVA_DOUBLE =
            java.util.regex.Pattern.compile("(?<![\\w.])(-?\\d+\\.\\d+E-?\\d+)(?![\\w.])");

    /**
     * Text written elsewhere (a claim's statement, a note) as markup that stands for itself, with a trailing
     * {@code ./eoslab …} command set as code and, outside it, Java's E notation for doubles printed as powers of ten
     * to three digits.
     */
    static String foreign(String text) {
        int cmd = text.indexOf("./eoslab ");
        String prose = cmd < 0 ? text : text.substring(0, cmd);
        java.util.regex.Matcher m = JAVA_DOUBLE.matcher(prose);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(MathText.literal(prose.substring(last, m.start())));
            sb.append('$').append(Numbers.sig(Double.parseDouble(m.group(1)), 3)).append('$');
            last = m.end();
        }
        sb.append(MathText.literal(prose.substring(last)));
        if (cmd >= 0) {
            sb.append('`').append(MathText.literal(text.substring(cmd))).append('`');
        }
        return sb.toString();
    }

    /** The label of a step-size axis. */
    static final String ETA_AXIS = "step size $η$";
}
