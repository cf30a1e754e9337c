package org.optbench.harness.isolation;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.optbench.api.EvalResult;
import org.optbench.harness.trial.TrialListener;

/**
 * How a trial JVM tells its parent how far it is: one line per event on its standard output, at most a few per
 * second, e.g. {@code @optbench step 1200 12.5} and {@code @optbench eval 1200 12.5 validation/accuracy 0.9731}.
 */
public final class ProgressProtocol {
    static final String PREFIX = "@optbench ";
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private ProgressProtocol() {
    }

    /** A listener that writes the protocol to {@code out}; {@code metricColumn} is e.g. "validation/accuracy". */
    public static TrialListener writer(PrintStream out, String metricColumn) {
        return new TrialListener() {
            private long lastPrint;

            @Override
            public void onStep(long step, double submissionSeconds) {
                long now = System.nanoTime();
                if (now - lastPrint >= MIN_INTERVAL_NANOS) {
                    lastPrint = now;
                    out.printf(Locale.ROOT, "%sstep %d %.4f%n", PREFIX, step, submissionSeconds);
                    out.flush();
                }
            }

            @Override
            public void onEvaluation(EvalResult evaluation) {
                Double metric = evaluation.metrics().get(metricColumn);
                out.printf(Locale.ROOT, "%seval %d %.4f %s %s%n", PREFIX, evaluation.step(),
                        evaluation.submissionSeconds(), metricColumn, metric == null ? "NaN" : Double.toString(metric));
                out.flush();
            }
        };
    }

    /** Parses one line into calls on {@code listener}; returns false for a line that is not protocol. */
    public static boolean read(String line, TrialListener listener) {
        if (!line.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = line.substring(PREFIX.length()).trim().split(" ");
        try {
            if (parts[0].equals("step") && parts.length == 3) {
                listener.onStep(Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
                return true;
            }
            if (parts[0].equals("eval") && parts.length == 5) {
                listener.onEvaluation(new EvalResult(Long.parseLong(parts[1]), Double.parseDouble(parts[2]),
                        Map.of(parts[3], Double.parseDouble(parts[4]))));
                return true;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return false;
    }
}
