package io.pyredis.server.internal.config;

import io.pyredis.support.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code latency-tracking-info-percentiles}: the percentiles INFO latencystats shows, a
 * list of numbers from 0 to 100 separated by spaces (an empty string for none), as
 * Redis's setConfigLatencyTrackingInfoPercentilesOutputOption reads them and its getter
 * prints them ({@code %f} with trailing zeros trimmed).
 */
public final class LatencyPercentilesParam extends ConfigParam<double[]> {

    private static final String INVALID = "Invalid latency-tracking-info-percentiles parameters";
    private static final String RANGE = "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]";

    public LatencyPercentilesParam() {
        super("latency-tracking-info-percentiles", true, new double[] {50.0, 99.0, 99.9});
    }

    @Override
    protected String expected() {
        return "numbers from 0 to 100 separated by spaces";
    }

    @Override
    protected double[] parse(String text) throws BadValueException {
        if (reason(text) != null) {
            throw bad(quote(text));
        }
        return values(text);
    }

    @Override
    public String redisReason(String text) {
        String r = reason(text);
        return r == null ? super.redisReason(text) : r;
    }

    private static String reason(String text) {
        for (String w : words(text)) {
            Double d = parseDouble(w);
            if (d == null) {
                return INVALID;
            }
            if (d > 100.0 || d < 0.0) {
                return RANGE;
            }
        }
        return null;
    }

    private static double[] values(String text) {
        List<String> w = words(text);
        double[] v = new double[w.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = parseDouble(w.get(i));
        }
        return v;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Double parseDouble(String w) {
        try {
            return Numbers.parseDouble(w.getBytes(StandardCharsets.UTF_8));
        } catch (io.pyredis.api.RedisError e) {
            return null;
        }
    }

    @Override
    protected String format(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(formatPercentile(v[i]));
        }
        return sb.toString();
    }

    /** C's {@code %f} with trailing zeros (and a trailing point) trimmed, as Redis's trimDoubleString. */
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
