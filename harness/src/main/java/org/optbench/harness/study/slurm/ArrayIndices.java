package org.optbench.harness.study.slurm;

import java.util.List;
import java.util.StringJoiner;

/** sbatch's {@code --array} spec for a set of trial indices: ascending, runs of consecutive ones as ranges. */
final class ArrayIndices {
    private ArrayIndices() {
    }

    /** E.g. {@code [0, 1, 2, 5, 7, 8]} gives {@code 0-2,5,7-8}. The indices must be ascending and distinct. */
    static String spec(List<Integer> ascending) {
        if (ascending.isEmpty()) {
            throw new IllegalArgumentException("no indices");
        }
        StringJoiner spec = new StringJoiner(",");
        int start = ascending.get(0);
        int previous = start;
        for (int i = 1; i <= ascending.size(); i++) {
            Integer next = i < ascending.size() ? ascending.get(i) : null;
            if (next != null && next <= previous) {
                throw new IllegalArgumentException("indices not ascending: " + ascending);
            }
            if (next == null || next != previous + 1) {
                spec.add(start == previous ? Integer.toString(start) : start + "-" + previous);
                if (next != null) {
                    start = next;
                }
            }
            if (next != null) {
                previous = next;
            }
        }
        return spec.toString();
    }
}
