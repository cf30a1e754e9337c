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

/**
 * Writes a leaderboard report into a directory: {@code leaderboard.md}, {@code leaderboard.csv}, a self-contained
 * {@code leaderboard.html} (plots embedded as base64 PNG data URIs, inline CSS, no scripts) and the plots as PNG
 * files. Every file is written atomically.
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
            "penalised_seconds", "ratio", "step_time_median_seconds", "state_bytes", "hardware_classes");

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
        for (Map.Entry<Leaderboard, List<Plot>> e : boards.entrySet()) {
            Leaderboard b = e.getKey();
            md.append("## ").append(b.experiment()).append("\n\n").append(preamble(b)).append("\n\n");
            for (Table table : tables(b)) {
                md.append("### ").append(table.title).append("\n\n");
                md.append("| ").append(String.join(" | ", table.header)).append(" |\n");
                md.append("|").append(" --- |".repeat(table.header.size())).append('\n');
                for (List<String> row : table.rows) {
                    md.append("| ").append(String.join(" | ", row)).append(" |\n");
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
                    List<String> cells = List.of(b.experiment(), s, w,
                            b.report().input().variantToBase().getOrDefault(w, ""),
                            num(score.estimate(), 6), num(score.lower(), 6), num(score.upper(), 6),
                            ran ? num(time.estimate(), 3) : "", ran ? num(time.lower(), 3) : "",
                            ran ? num(time.upper(), 3) : "", penalised == null ? "" : num(penalised, 3),
                            ratio == null ? "" : num(ratio, 4),
                            ran ? num(b.stepTimeMedianSeconds(s, w), 6) : "",
                            ran ? Long.toString(b.stateBytes(s, w)) : "",
                            String.join(";", b.hardwareClasses()));
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
                .append("th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}\n")
                .append("th:first-child,td:first-child{text-align:left}\n")
                .append("th{background:#f2f2f2}\n.warning{background:#fff3cd;border:1px solid #e0b000;padding:0.6em}\n")
                .append("figure{margin:1em 0}\nimg{max-width:100%;border:1px solid #ddd}\n")
                .append("figcaption{font-size:0.9em;color:#555}\n</style>\n</head>\n<body>\n")
                .append("<h1>optbench leaderboard</h1>\n");
        for (Map.Entry<Leaderboard, List<Plot>> e : boards.entrySet()) {
            Leaderboard b = e.getKey();
            h.append("<section id=\"").append(escape(b.experiment())).append("\">\n<h2>").append(escape(b.experiment()))
                    .append("</h2>\n");
            h.append(b.mixedHardware() ? "<p class=\"warning\">" : "<p>").append(escape(preamble(b)).replace("**", ""))
                    .append("</p>\n");
            for (Table table : tables(b)) {
                h.append("<h3>").append(escape(table.title)).append("</h3>\n<table>\n<tr>");
                table.header.forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
                h.append("</tr>\n");
                for (List<String> row : table.rows) {
                    h.append("<tr>");
                    row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</table>\n");
            }
            h.append("<h3>Plots</h3>\n");
            for (Plot p : e.getValue()) {
                h.append("<figure>\n<img class=\"plot\" id=\"").append(escape(p.fileName().replace(".png", "")))
                        .append("\" alt=\"").append(escape(p.title())).append("\" width=\"")
                        .append(LeaderboardPlots.WIDTH).append("\" height=\"").append(LeaderboardPlots.HEIGHT)
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(pngs.get(p))).append("\">\n<figcaption>")
                        .append(escape(p.caption())).append("</figcaption>\n</figure>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Rules, intervals and hardware, one paragraph; a warning when hardware classes were mixed. */
    static String preamble(Leaderboard b) {
        BootstrapResult ci = b.bootstrap();
        String rules = String.format(Locale.ROOT, "AlgoPerf %s rules, %d base workloads, %d submissions. Intervals: "
                        + "%.0f %% bootstrap percentile intervals from %d resamples of studies and their trials "
                        + "(seed %d).", b.report().version(), b.report().baseWorkloads().size(),
                b.report().submissions().size(), ci.level() * 100, ci.resamples(), ci.seed());
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
            Interval ci = b.bootstrap().scores().get(s);
            scoreRows.add(List.of(Integer.toString(i + 1), s, num(ci.estimate(), 4),
                    "[" + num(ci.lower(), 4) + ", " + num(ci.upper(), 4) + "]"));
        }
        tables.add(new Table("Scores", List.of("rank", "submission", "score",
                String.format(Locale.ROOT, "%.0f %% interval", b.bootstrap().level() * 100)), scoreRows));
        tables.add(grid(b, "Time to target (s): median over studies [interval]; inf = missed, - = not run",
                b.workloads(), (s, w) -> {
                    if (!b.report().input().times().ran(s, w)) {
                        return "-";
                    }
                    Interval t = b.bootstrap().time(s, w);
                    return num(t.estimate(), 2) + " [" + num(t.lower(), 2) + ", " + num(t.upper(), 2) + "]";
                }));
        tables.add(grid(b, "Ratio to the best time (after the " + (b.report().version().label().equals("v0.5")
                        ? "held-out and " : "") + "4x rule)", b.report().baseWorkloads(),
                (s, w) -> num(b.report().ratios().get(s).get(w), 3)));
        tables.add(grid(b, "Median step time (ms)", b.workloads(), (s, w) -> b.report().input().times().ran(s, w)
                ? num(b.stepTimeMedianSeconds(s, w) * 1000, 3) : "-"));
        tables.add(grid(b, "Optimizer state", b.workloads(), (s, w) -> bytes(b.stateBytes(s, w))));
        return tables;
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
            String base = b.report().input().variantToBase().get(w);
            row.add(base == null ? w : w + " (held out, " + base + ")");
            for (String s : ranked) {
                row.add(cell.apply(s, w));
            }
            rows.add(row);
        }
        return new Table(title, header, rows);
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
