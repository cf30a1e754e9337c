package org.optbench.results.leaderboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.optbench.api.BadInputException;
import org.optbench.results.bootstrap.BootstrapResult;
import org.optbench.results.bootstrap.Interval;
import org.optbench.results.plots.LeaderboardPlots;
import org.optbench.results.plots.Plot;
import org.optbench.results.records.AtomicFiles;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialResult;
import org.optbench.results.scoring.RecordTimes;

/**
 * Writes a leaderboard report into a directory: {@code leaderboard.md}, {@code leaderboard.csv}, a self-contained
 * {@code leaderboard.html} (plots embedded as base64 PNG data URIs, inline CSS, no scripts) and the plots as PNG
 * files. Every file is written atomically. The Markdown and HTML open with a warning banner when any trial ran
 * contended and a note when budgets were scaled; every time is in the hardware class's reference seconds.
 */
public final class LeaderboardFiles {
    /** The Markdown report. */
    public static final String MARKDOWN = "leaderboard.md";
    /** The CSV table, one row per experiment, submission and workload. */
    public static final String CSV = "leaderboard.csv";
    /** The HTML page. */
    public static final String HTML = "leaderboard.html";

    /** The CSV header. */
    public static final List<String> CSV_COLUMNS = List.of("experiment", "submission", "workload", "held_out_of",
            "score", "score_lower", "score_upper", "time_to_target_seconds", "time_lower", "time_upper",
            "penalised_seconds", "ratio", "step_time_median_seconds", "state_bytes", "hardware_classes",
            "score_studies", "studies", "trials", "trials_reached", "trials_failed",
            "optimizer_step_time_median_seconds", "best_validation_value", "validation_target", "clock",
            "trials_contended");

    private LeaderboardFiles() {
    }

    /**
     * Writes the report of {@code boards} into {@code dir} (created if missing).
     *
     * @return the files written, report files first, then the PNGs
     */
    public static List<Path> write(List<Leaderboard> boards, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Map<Leaderboard, List<Plot>> plots = new LinkedHashMap<>();
        Map<Plot, byte[]> pngs = new LinkedHashMap<>();
        for (Leaderboard board : boards) {
            List<Plot> list = LeaderboardPlots.of(board);
            plots.put(board, list);
            list.forEach(p -> pngs.put(p, p.png()));
        }
        List<Path> written = new ArrayList<>();
        written.add(writeString(dir.resolve(MARKDOWN), markdown(plots)));
        written.add(writeString(dir.resolve(CSV), csv(boards)));
        written.add(writeString(dir.resolve(HTML), html(plots, pngs)));
        pngs.forEach((plot, bytes) -> {
            Path file = dir.resolve(plot.fileName());
            AtomicFiles.write(file, bytes);
            written.add(file);
        });
        return written;
    }

    private static Path writeString(Path file, String text) {
        AtomicFiles.writeString(file, text);
        return file;
    }

    /** The Markdown report; plots are linked as the PNG files next to it. */
    static String markdown(Map<Leaderboard, List<Plot>> boards) {
        StringBuilder md = new StringBuilder("# optbench leaderboard\n\n");
        List<Leaderboard> all = new ArrayList<>(boards.keySet());
        String contention = ReportText.contentionHeadline(all);
        if (contention != null) {
            md.append("> **Warning. ").append(contention).append("**\n>\n");
            ReportText.contendedTrials(all).forEach(line -> md.append("> - ").append(line).append('\n'));
            md.append('\n');
        }
        String scaled = ReportText.budgetScaleNote(all);
        if (scaled != null) {
            md.append("> **Note.** ").append(scaled).append("\n\n");
        }
        for (Map.Entry<Leaderboard, List<Plot>> e : boards.entrySet()) {
            Leaderboard b = e.getKey();
            md.append("## ").append(b.experiment()).append("\n\n").append(preamble(b)).append("\n\n");
            for (Table table : tables(b)) {
                md.append("### ").append(table.title).append("\n\n");
                md.append("| ").append(String.join(" | ", table.header)).append(" |\n");
                md.append("|").append(" --- |".repeat(table.header.size())).append('\n');
                for (List<String> row : table.rows) {
                    md.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|"))
                            .toList())).append(" |\n");
                }
                md.append('\n');
            }
            md.append("### Plots\n\n");
            for (Plot p : e.getValue()) {
                md.append("![").append(p.title()).append("](").append(p.fileName()).append(")\n\n")
                        .append(p.caption()).append("\n\n");
            }
        }
        return md.toString();
    }

    /** The CSV table. */
    static String csv(List<Leaderboard> boards) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Leaderboard b : boards) {
            BootstrapResult ci = b.bootstrap();
            for (String s : b.ranking()) {
                Interval score = ci.scores().get(s);
                for (String w : b.workloads()) {
                    boolean ran = b.report().input().times().ran(s, w);
                    Interval time = ci.time(s, w);
                    Double penalised = b.report().penalisedTimes().get(s).get(w);
                    Double ratio = b.report().ratios().get(s).get(w);
                    List<TrialResult> trials = b.results(s, w);
                    List<String> cells = List.of(b.experiment(), s, w,
                            b.report().input().variantToBase().getOrDefault(w, ""),
                            num(score.estimate(), 6), num(score.lower(), 6), num(score.upper(), 6),
                            ran ? num(time.estimate(), 3) : "", ran ? num(time.lower(), 3) : "",
                            ran ? num(time.upper(), 3) : "", penalised == null ? "" : num(penalised, 3),
                            ratio == null ? "" : num(ratio, 4),
                            ran ? num(b.stepTimeMedianSeconds(s, w), 6) : "",
                            ran ? Long.toString(b.stateBytes(s, w)) : "",
                            String.join(";", b.hardwareClasses()),
                            Integer.toString(b.fewestStudies(s)),
                            ran ? Integer.toString(b.studies(s, w)) : "",
                            Integer.toString(trials.size()),
                            Long.toString(trials.stream().filter(t -> RecordTimes.firstHit(t).reached()).count()),
                            Long.toString(trials.stream().filter(t -> Leaderboard.failed(t.record())).count()),
                            ran ? blankIfNaN(b.optimizerStepTimeMedianSeconds(s, w), 6) : "",
                            ran ? blankIfNaN(b.bestValidationValue(s, w), 6) : "",
                            ran ? Double.toString(trials.get(0).record().validationTarget()) : "",
                            b.clock(),
                            Long.toString(trials.stream().filter(t -> t.record().contended()).count()));
                    out.append(String.join(",", cells.stream().map(LeaderboardFiles::csvField).toList())).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The HTML page: tables and the plots as embedded PNGs; no scripts, no external resources. */
    static String html(Map<Leaderboard, List<Plot>> boards, Map<Plot, byte[]> pngs) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>optbench leaderboard</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
                .append("th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}\ntd{white-space:nowrap}\n")
                .append("th:first-child,td:first-child{text-align:left}\n")
                // A table wider than the page scrolls inside its frame; a failure or a miss wraps in its cell.
                .append(".wide{overflow-x:auto;max-width:100%}\ntd.text{white-space:normal;min-width:11em}\n")
                .append("th{background:#f2f2f2}\n.warning{background:#fff3cd;border:1px solid #e0b000;padding:0.6em}\n")
                .append(".banner{font-size:1.05em;margin:1em 0;padding:0.8em 1em}\n")
                .append(".banner.warning{background:#fde2e1;border:2px solid #c0392b}\n")
                .append(".note{background:#e8f1fb;border:1px solid #5b8fd0;padding:0.6em}\n")
                .append(".banner ul{margin:0.4em 0 0;padding-left:1.4em}\n")
                .append("figure{margin:1em 0}\nimg{max-width:100%;height:auto;border:1px solid #ddd}\n")
                .append("figcaption{font-size:0.9em;color:#555}\n</style>\n</head>\n<body>\n")
                .append("<h1>optbench leaderboard</h1>\n");
        List<Leaderboard> all = new ArrayList<>(boards.keySet());
        String contention = ReportText.contentionHeadline(all);
        if (contention != null) {
            h.append("<div class=\"banner warning\" id=\"contention\" role=\"alert\"><strong>")
                    .append(escape(contention)).append("</strong>\n<ul>\n");
            ReportText.contendedTrials(all).forEach(line -> h.append("<li>").append(escape(line)).append("</li>\n"));
            h.append("</ul>\n</div>\n");
        }
        String scaled = ReportText.budgetScaleNote(all);
        if (scaled != null) {
            h.append("<div class=\"banner note\" id=\"budget-scale\">").append(escape(scaled)).append("</div>\n");
        }
        for (Map.Entry<Leaderboard, List<Plot>> e : boards.entrySet()) {
            Leaderboard b = e.getKey();
            h.append("<section id=\"").append(escape(b.experiment())).append("\">\n<h2>").append(escape(b.experiment()))
                    .append("</h2>\n");
            h.append(b.mixedHardware() ? "<p class=\"warning\">" : "<p>").append(escape(preamble(b)).replace("**", ""))
                    .append("</p>\n");
            for (Table table : tables(b)) {
                boolean folded = table.rows.size() > FOLD_ROWS;
                h.append(folded ? "<details>\n<summary><h3 style=\"display:inline\">" : "<h3>")
                        .append(escape(table.title)).append(folded ? " (" + table.rows.size() + " rows)</h3></summary>"
                                : "</h3>").append("\n<div class=\"wide\"><table>\n<tr>");
                table.header.forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
                h.append("</tr>\n");
                for (List<String> row : table.rows) {
                    h.append("<tr>");
                    row.forEach(c -> h.append(c.length() > TEXT_CELL_CHARS ? "<td class=\"text\">" : "<td>")
                            .append(escape(c)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</table></div>\n").append(folded ? "</details>\n" : "");
            }
            h.append("<h3>Plots</h3>\n");
            for (Plot p : e.getValue()) {
                h.append("<figure>\n<img class=\"plot\" id=\"").append(escape(p.fileName().replace(".png", "")))
                        .append("\" alt=\"").append(escape(p.title())).append("\" width=\"")
                        .append(p.width()).append("\" height=\"").append(p.height())
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(pngs.get(p))).append("\">\n<figcaption>")
                        .append(escape(p.caption())).append("</figcaption>\n</figure>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** A cell longer than this (a failure, a miss with its margin) may wrap in the HTML page. */
    static final int TEXT_CELL_CHARS = 24;

    /** Tables longer than this are folded in the HTML page (a {@code <details>} element, no script). */
    static final int FOLD_ROWS = 40;

    /** Rules, intervals, clock and hardware, one paragraph; a warning when hardware classes were mixed. */
    static String preamble(Leaderboard b) {
        BootstrapResult ci = b.bootstrap();
        String rules = String.format(Locale.ROOT, "AlgoPerf %s rules, %d base workloads, %d submissions, timed by "
                        + "the %s clock. Intervals: %.0f %% bootstrap percentile intervals from %d resamples of "
                        + "studies and their trials (seed %d); n/a where a value rests on one study.",
                b.report().version(), b.report().baseWorkloads().size(), b.report().submissions().size(), b.clock(),
                ci.level() * 100, ci.resamples(), ci.seed());
        if (b.mixedHardware()) {
            return "**Mixed hardware: trials from hardware classes " + String.join(", ", b.hardwareClasses())
                    + " were scored together (--allow-mixed-hardware); their times were measured on different "
                    + "hardware and do not compare.** " + rules;
        }
        return "Hardware class: " + String.join(", ", b.hardwareClasses()) + ". " + rules;
    }

    /** A table of the report. */
    record Table(String title, List<String> header, List<List<String>> rows) {
    }

    static List<Table> tables(Leaderboard b) {
        List<String> ranked = b.ranking();
        List<Table> tables = new ArrayList<>();
        List<List<String>> scoreRows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            String s = ranked.get(i);
            scoreRows.add(List.of(Integer.toString(i + 1), s, num(b.report().scores().get(s), 4),
                    b.scoreIntervalText(s, 4), b.reachedText(s)));
        }
        tables.add(new Table("Scores", List.of("rank", "submission", "score",
                String.format(Locale.ROOT, "%.0f %% interval", b.bootstrap().level() * 100), "trials"), scoreRows));
        tables.add(grid(b, "Time to target (s): median over studies [interval]; missed: best validation value / "
                        + "target; - = not run", b.workloads(), (s, w) -> {
                    if (!b.report().input().times().ran(s, w)) {
                        return "-";
                    }
                    double t = b.report().input().times().time(s, w);
                    return Double.isFinite(t) ? num(t, 2) + " " + b.timeIntervalText(s, w, 2)
                            : ReportText.missed(b, s, w);
                }));
        tables.add(grid(b, "Ratio to the best time (after the " + (b.report().version().label().equals("v0.5")
                        ? "held-out and " : "") + "4x rule)", b.report().baseWorkloads(),
                (s, w) -> num(b.report().ratios().get(s).get(w), 3)));
        tables.add(stepTimes(b));
        tables.add(grid(b, "Optimizer state", b.workloads(), (s, w) -> bytes(b.stateBytes(s, w))));
        tables.add(trials(b));
        return tables;
    }

    /** Per workload, each submission's whole step and, beside it, the optimizer's share (blank for old records). */
    private static Table stepTimes(Leaderboard b) {
        List<String> header = new ArrayList<>(List.of("workload"));
        for (String s : b.ranking()) {
            header.add(s + " step");
            header.add(s + " optimizer");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String w : b.workloads()) {
            List<String> row = new ArrayList<>(List.of(workloadLabel(b, w)));
            for (String s : b.ranking()) {
                boolean ran = b.report().input().times().ran(s, w);
                // n/a: run, but no step time (a trial that failed before its first step, or before its record).
                double step = b.stepTimeMedianSeconds(s, w);
                row.add(!ran ? "-" : Double.isNaN(step) ? "n/a" : num(step * 1000, 3));
                row.add(ran ? blankIfNaN(b.optimizerStepTimeMedianSeconds(s, w) * 1000, 3) : "-");
            }
            rows.add(row);
        }
        return new Table("Median step time (ms): the whole step, and the optimizer's part of it (the step outside "
                + "the workload's forward and backward pass)", header, rows);
    }

    /** One row per trial: its outcome and how it was run. */
    private static Table trials(Leaderboard b) {
        List<List<String>> rows = new ArrayList<>();
        for (TrialResult t : b.trials()) {
            TrialRecord r = t.record();
            rows.add(List.of(r.submission(), Integer.toString(r.study()), r.workload(), Integer.toString(r.trial()),
                    ReportText.outcome(t),
                    r.cpuShare() == null ? "" : num(r.cpuShare(), 2) + (r.contended() ? " (contended)" : ""),
                    Integer.toString(r.concurrentTrials()),
                    r.budgetScaleOrOne() == 1.0 ? "1" : num(r.budgetScaleOrOne(), 2)));
        }
        return new Table("Trials (times in reference seconds)", List.of("submission", "study", "workload", "trial",
                "outcome", "CPU share", "concurrent trials", "budget scale"), rows);
    }

    private static Table grid(Leaderboard b, String title, List<String> workloads,
                              BiFunction<String, String, String> cell) {
        List<String> ranked = b.ranking();
        List<String> header = new ArrayList<>();
        header.add("workload");
        header.addAll(ranked);
        List<List<String>> rows = new ArrayList<>();
        for (String w : workloads) {
            List<String> row = new ArrayList<>();
            row.add(workloadLabel(b, w));
            for (String s : ranked) {
                row.add(cell.apply(s, w));
            }
            rows.add(row);
        }
        return new Table(title, header, rows);
    }

    private static String workloadLabel(Leaderboard b, String w) {
        String base = b.report().input().variantToBase().get(w);
        return base == null ? w : w + " (held out, " + base + ")";
    }

    private static String blankIfNaN(double value, int decimals) {
        return Double.isNaN(value) ? "" : num(value, decimals);
    }

    /** Bytes in B, KiB or MiB; {@code -} when negative (not run). */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? num(bytes / 1024.0, 1) + " KiB" : num(bytes / (1024.0 * 1024.0), 2) + " MiB";
    }

    static String num(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
