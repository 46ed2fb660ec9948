package io.pyredis.server.internal.config;

import java.util.Set;

/**
 * {@code latency-tracking-info-percentiles}: the percentiles INFO latencystats shows,
 * each from 0.0 to 100.0 ({@code ""} for none), shown as Redis's "%f" with the trailing
 * zeros trimmed ({@code 50 99 99.9}).
 */
public final class PercentilesParam extends ConfigParam<double[]> {

    public PercentilesParam(String name, Set<Flag> flags, double... defaultValue) {
        super(name, null, flags, defaultValue);
    }

    @Override
    protected double[] parse(String text) throws BadValueException {
        String[] w = words(text);
        if (w.length == 1 && w[0].isEmpty()) {
            return new double[0];
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            Double d = string2d(w[i]);
            if (d == null) {
                throw bad("Invalid latency-tracking-info-percentiles parameters");
            }
            if (d > 100.0 || d < 0.0) {
                throw bad("latency-tracking-info-percentiles parameters should sit between [0.0,100.0]");
            }
            out[i] = d;
        }
        return out;
    }

    /** Redis's string2d: strtod over the whole text, no leading blank, not NaN. */
    private static Double string2d(String s) {
        if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))
                || s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isNaN(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected String format(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : " ").append(formatPercentile(d));
        }
        return sb.toString();
    }

    /** A percentile as Redis prints it with "%f", trailing zeros and point dropped (99.9, 50). */
    public static String formatPercentile(double p) {
        String s = String.format(java.util.Locale.ROOT, "%f", p);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }
}
