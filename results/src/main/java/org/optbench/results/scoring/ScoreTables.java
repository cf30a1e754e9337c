package org.optbench.results.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link ScoreReport} as text: a readable table (times, penalised times, ratios, scores) or CSV rows
 * {@code submission,score}. Submissions are listed by score, best first.
 */
public final class ScoreTables {
    private ScoreTables() {
    }

    /** Submissions by descending score, then by name. */
    public static List<String> ranking(ScoreReport report) {
        List<String> ranked = new ArrayList<>(report.submissions());
        ranked.sort(Comparator.comparingDouble((String s) -> -report.scores().get(s)).thenComparing(s -> s));
        return ranked;
    }

    /** {@code submission,score} with a header, best first; scores to 6 decimals. */
    public static String csv(ScoreReport report) {
        StringBuilder out = new StringBuilder("submission,score\n");
        for (String s : ranking(report)) {
            out.append(csvField(s)).append(',').append(String.format(Locale.ROOT, "%.6f", report.scores().get(s)))
                    .append('\n');
        }
        return out.toString();
    }

    /** The readable table. */
    public static String table(ScoreReport report) {
        List<String> ranked = ranking(report);
        ScoringInput input = report.input();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "AlgoPerf %s rules: %d base workloads, %d submissions, r_max = %s%n",
                report.version(), report.baseWorkloads().size(), ranked.size(), format(PerformanceProfile.R_MAX, 0)));
        if (!input.variantToBase().isEmpty() && report.version() == RuleVersion.V0_6) {
            out.append("note: held-out variants (").append(String.join(", ", input.variantToBase().keySet()))
                    .append(") do not count under v0.6; use --rule-version v0.5 to apply them\n");
        }
        out.append('\n').append("Time to target (seconds of submission time; inf = missed, - = not run)\n");
        List<String> workloads = new ArrayList<>(report.baseWorkloads());
        input.variantToBase().keySet().forEach(workloads::add);
        appendGrid(out, ranked, workloads, (s, w) -> input.times().ran(s, w) ? format(input.times().time(s, w), 1) : "-",
                w -> input.variantToBase().containsKey(w) ? w + " (held out, " + input.variantToBase().get(w) + ")" : w);
        out.append('\n').append(report.version() == RuleVersion.V0_5 ? "Time after the held-out and 4x rules"
                : "Time after the 4x rule").append(" (seconds)\n");
        appendGrid(out, ranked, report.baseWorkloads(), (s, w) -> format(report.penalisedTimes().get(s).get(w), 1), w -> w);
        out.append('\n').append("Ratio to the best time\n");
        appendGrid(out, ranked, report.baseWorkloads(), (s, w) -> format(report.ratios().get(s).get(w), 3), w -> w);
        out.append('\n').append("Score (integral of the performance profile from 1 to 4, divided by 3)\n");
        int width = Math.max("submission".length(), ranked.stream().mapToInt(String::length).max().orElse(0));
        out.append(pad("submission", width)).append("  score\n");
        for (String s : ranked) {
            out.append(pad(s, width)).append("  ").append(format(report.scores().get(s), 4)).append('\n');
        }
        return out.toString();
    }

    private static void appendGrid(StringBuilder out, List<String> submissions, List<String> workloads,
                                   BiFunction<String, String, String> cell,
                                   Function<String, String> rowLabel) {
        List<String> labels = workloads.stream().map(rowLabel).toList();
        int first = Math.max("workload".length(), labels.stream().mapToInt(String::length).max().orElse(0));
        List<Integer> widths = new ArrayList<>();
        for (String s : submissions) {
            int w = s.length();
            for (String workload : workloads) {
                w = Math.max(w, cell.apply(s, workload).length());
            }
            widths.add(w);
        }
        out.append(pad("workload", first));
        for (int i = 0; i < submissions.size(); i++) {
            out.append("  ").append(padLeft(submissions.get(i), widths.get(i)));
        }
        out.append('\n');
        for (int r = 0; r < workloads.size(); r++) {
            out.append(pad(labels.get(r), first));
            for (int i = 0; i < submissions.size(); i++) {
                out.append("  ").append(padLeft(cell.apply(submissions.get(i), workloads.get(r)), widths.get(i)));
            }
            out.append('\n');
        }
    }

    private static String format(double value, int decimals) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
