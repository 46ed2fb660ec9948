package io.pyredis.server.internal.introspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Redis's sparkline.c: the ASCII graph of LATENCY GRAPH, rows of {@code _-`} (or {@code _o#} filled) over labels. */
final class Sparkline {

    private static final char[] CHARSET = {'_', '-', '`'};
    private static final char[] CHARSET_FILL = {'_', 'o', '#'};
    private static final int LABEL_MARGIN_TOP = 1;

    private final List<double[]> values = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private double min;
    private double max;
    private int labelCount;

    int length() {
        return values.size();
    }

    void add(double value, String label) {
        String l = label == null || label.isEmpty() ? null : label;
        if (values.isEmpty()) {
            min = max = value;
        } else if (value < min) {
            min = value;
        } else if (value > max) {
            max = value;
        }
        values.add(new double[] {value});
        labels.add(l);
        if (l != null) {
            labelCount++;
        }
    }

    /** sparklineRender */
    void render(StringBuilder out, int columns, int rows, boolean fill) {
        for (int j = 0; j < values.size(); j += columns) {
            int sublen = Math.min(values.size() - j, columns);
            if (j != 0) {
                out.append('\n');
            }
            renderRange(out, rows, j, sublen, fill);
        }
    }

    private void renderRange(StringBuilder out, int rows, int offset, int len, boolean fill) {
        double relmax = max - min;
        int steps = CHARSET.length * rows;
        int row = 0;
        char[] chars = new char[len];
        if (relmax == 0) {
            relmax = 1;
        }
        boolean loop = true;
        while (loop) {
            loop = false;
            Arrays.fill(chars, ' ');
            for (int j = 0; j < len; j++) {
                double relval = values.get(j + offset)[0] - min;
                int step = (int) ((int) (relval * steps) / relmax);
                step = Math.max(0, Math.min(steps - 1, step));
                if (row < rows) {
                    int charidx = step - ((rows - row - 1) * CHARSET.length);
                    loop = true;
                    if (charidx >= 0 && charidx < CHARSET.length) {
                        chars[j] = fill ? CHARSET_FILL[charidx] : CHARSET[charidx];
                    } else if (fill && charidx >= CHARSET.length) {
                        chars[j] = '|';
                    }
                } else {
                    if (labelCount > 0 && row - rows < LABEL_MARGIN_TOP) {
                        loop = true;
                        break;
                    }
                    String label = labels.get(j + offset);
                    if (label != null) {
                        int labelChar = row - rows - LABEL_MARGIN_TOP;
                        if (label.length() > labelChar) {
                            loop = true;
                            chars[j] = label.charAt(labelChar);
                        }
                    }
                }
            }
            if (loop) {
                row++;
                out.append(chars);
                out.append('\n');
            }
        }
    }
}
