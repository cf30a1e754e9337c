package org.optbench.results.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.optbench.results.leaderboard.Leaderboard;
import org.optbench.results.records.EvalRow;
import org.optbench.api.MetricDirection;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialResult;
import org.optbench.results.scoring.BestTrial;
import org.optbench.results.scoring.RecordTimes;
import org.optbench.results.scoring.StudyMedian;
import org.optbench.results.scoring.TargetHit;

/**
 * The charts of a leaderboard: performance profiles; per workload, the validation metric against submission time
 * of each study's best trial (the trial whose hit counts under AlgoPerf's best-trial rule, or, in a study that
 * missed the target, the trial with the best last validation value), drawn in its submission's colour, with the
 * target as a dashed line and the y axis zoomed to the region around the target ({@link #zoom}); median
 * time-to-target bars; optimizer state memory bars.
 *
 * <p>Layout, so that a chart stays readable at any number of workloads and submissions: legends sit outside the
 * data area (right of it); bar charts give every series every workload, a missing value as {@code null} (no bar)
 * so that bars never shift under another workload's label; workload labels turn vertical when they would not fit
 * side by side ({@link #labelRotation}) and the chart grows to keep them apart; a bar chart whose values span more
 * than {@link #LOG_SPAN} times uses a logarithmic axis. Times are in the hardware class's reference seconds.
 */
public final class LeaderboardPlots {
    /** Width and height of a chart in pixels; bar charts grow with many or long workload names. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    /** The least space between x-axis ticks of a line chart, in pixels: room for a label like {@code 1,000}. */
    static final int X_TICK_SPACING_PX = 90;
    /** A bar chart's values spanning more than this ratio (largest over smallest) get a logarithmic axis. */
    public static final double LOG_SPAN = 30;
    /** Rough width of one character of an axis tick label, in pixels (XChart's default tick font). */
    static final int LABEL_CHAR_PX = 7;
    /** The smallest space per workload on the x axis, in pixels: one line of tick label text and some air. */
    static final int MIN_BAND_PX = 18;
    /** What the y axis, the legend and margins take from a bar chart's width, in pixels (about). */
    static final int BAR_CHART_FRAME_PX = 280;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};
    private static final BasicStroke TARGET_LINE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {8f, 6f}, 0f);

    private LeaderboardPlots() {
    }

    /** Every chart of {@code board}, in report order; file names start with the experiment's name. */
    public static List<Plot> of(Leaderboard board) {
        List<Plot> plots = new ArrayList<>();
        plots.add(profiles(board));
        for (String workload : board.workloads()) {
            plots.add(metricCurves(board, workload));
        }
        plots.add(timeBars(board));
        plots.add(memoryBars(board));
        return plots;
    }

    /** Each submission's performance profile rho(tau) on AlgoPerf's grid 1..4, as a step line. */
    public static Plot profiles(Leaderboard board) {
        XYChart chart = xyChart("Performance profiles (" + board.experiment() + ")", "tau (ratio to the best time)",
                "fraction of base workloads within tau");
        // a little air below 0 and above 1, so that a profile at either end is not hidden by the frame
        chart.getStyler().setYAxisMin(-0.02).setYAxisMax(1.02).setXAxisMin(1.0).setXAxisMax(4.0);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.00");
        List<String> submissions = board.report().submissions();
        for (String s : board.ranking()) {
            double[][] steps = changePoints(board.report().taus(), board.report().profiles().get(s));
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s (score %.3f)", s,
                    board.report().scores().get(s)), steps[0], steps[1]);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(colour(submissions.indexOf(s)));
            series.setLineWidth(2.5f);
        }
        return new Plot(board.experiment() + "_profiles.png", "Performance profiles",
                "rho(tau): the fraction of base workloads a submission reached within tau times the fastest "
                        + "submission's time; the score is the area under the curve divided by 3.", chart);
    }

    /**
     * The points of a step function where it changes, with both ends: the same step line as all of {@code xs}, and
     * no longer 100 equally spaced x values (from which XChart would take one tick per value, unreadably dense).
     *
     * @return {@code {xs, ys}}
     */
    static double[][] changePoints(double[] xs, double[] ys) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0 || i == xs.length - 1 || ys[i] != ys[i - 1]) {
                points.add(new double[] {xs[i], ys[i]});
            }
        }
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    /**
     * The validation metric against submission time (reference seconds) of each study's best trial on
     * {@code workload}, zoomed to the region around the target.
     */
    public static Plot metricCurves(Leaderboard board, String workload) {
        TrialRecord any = null;
        Map<String, Map<Integer, List<TrialResult>>> byStudy = new TreeMap<>();
        for (TrialResult t : board.trials()) {
            if (t.record().workload().equals(workload)) {
                any = any == null ? t.record() : any;
                byStudy.computeIfAbsent(t.record().submission(), k -> new TreeMap<>())
                        .computeIfAbsent(t.record().study(), k -> new ArrayList<>()).add(t);
            }
        }
        String metric = any == null ? "metric" : any.metric();
        XYChart chart = xyChart(workload + ": validation " + metric + " (" + board.experiment() + ")",
                "submission time (s)", "validation " + metric);
        double maxTime = 0;
        List<String> submissions = board.report().submissions();
        List<double[]> curves = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, List<TrialResult>>> e : byStudy.entrySet()) {
            String s = e.getKey();
            boolean first = true;
            for (Map.Entry<Integer, List<TrialResult>> study : e.getValue().entrySet()) {
                TrialResult best = bestTrial(study.getValue());
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (EvalRow row : best.evals()) {
                    double y = row.validation(best.record().metric());
                    double x = RecordTimes.referenceSeconds(best.record(), row.submissionSeconds());
                    if (Double.isFinite(y) && Double.isFinite(x)) {
                        xs.add(x);
                        ys.add(y);
                        maxTime = Math.max(maxTime, x);
                    }
                }
                if (xs.isEmpty()) {
                    continue;
                }
                curves.add(ys.stream().mapToDouble(Double::doubleValue).toArray());
                XYSeries series = chart.addSeries(first ? s : s + " study " + study.getKey(), xs, ys);
                series.setShowInLegend(first);
                series.setLineColor(colour(submissions.indexOf(s)));
                series.setMarkerColor(colour(submissions.indexOf(s)));
                series.setMarker(SeriesMarkers.CIRCLE);
                first = false;
            }
        }
        String zoomed = "";
        if (any != null) {
            double end = maxTime > 0 ? maxTime : RecordTimes.referenceSeconds(any, any.budgetSeconds());
            XYSeries target = chart.addSeries(String.format(Locale.ROOT, "target %s %s", any.metricDirection()
                            .comparator(), shortest(any.validationTarget())),
                    new double[] {0, end}, new double[] {any.validationTarget(), any.validationTarget()});
            target.setLineColor(Color.BLACK);
            target.setLineStyle(TARGET_LINE);
            target.setMarker(SeriesMarkers.NONE);
            YWindow window = zoom(curves, any.validationTarget(), any.metricDirection());
            if (logLoss(curves, any.validationTarget(), any.metricDirection())) {
                chart.getStyler().setYAxisLogarithmic(true);
                zoomed = " The y axis is logarithmic: the values span orders of magnitude.";
            } else if (window != null) {
                // XChart's default pattern drops the leading zero (".065"); a tenth of the window's span sets the
                // decimals its ticks need.
                double span = window.max() - window.min();
                int decimals = span > 0 ? Math.min(8, Math.max(1, (int) Math.ceil(-Math.log10(span / 10)))) : 3;
                chart.getStyler().setYAxisMin(window.min()).setYAxisMax(window.max())
                        .setYAxisDecimalPattern("0." + "0".repeat(decimals));
                zoomed = String.format(Locale.ROOT, " The y axis is zoomed to %s..%s around the target; values "
                        + "beyond it lie off the chart.", fmt(window.min()), fmt(window.max()));
            }
        }
        return new Plot(board.experiment() + "_curve_" + safe(workload) + ".png", workload + ": validation " + metric
                + " against submission time", "One line per study: its best trial (the one whose time counts; "
                + "in a study that missed, the trial with the best last value), against submission time in the "
                + "hardware class's reference seconds. Dashed: the validation target." + zoomed, chart);
    }

    /**
     * Whether a learning curve gets a logarithmic y axis: a metric that improves downwards (a loss), positive
     * everywhere, whose values and target span more than {@link #LOG_SPAN} squared (three decades and more).
     */
    static boolean logLoss(List<double[]> curves, double target, MetricDirection direction) {
        if (direction != MetricDirection.LOWER || !(target > 0)) {
            return false;
        }
        double min = target;
        double max = target;
        for (double[] curve : curves) {
            for (double v : curve) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max / min > LOG_SPAN * LOG_SPAN;
    }

    /**
     * A y range of a learning-curve chart.
     *
     * @param min the axis minimum
     * @param max the axis maximum
     */
    public record YWindow(double min, double max) {
    }

    /**
     * The y range that shows how close each curve came to {@code target}, or {@code null} to keep the whole range
     * (no finite value, or the zoom would show nearly all of it anyway). Measured in the direction the metric
     * improves: {@code w} is the largest of how far the best curve went beyond the target, the median shortfall of
     * the curves that missed it, and 1 % of the target's size; the window runs from {@code 2.5 w} short of the
     * target (never further than the data go) to a tenth of {@code w} beyond the best value. So 0.976 against a
     * target of 0.9836 sits well apart from it, and a curve that missed by far leaves the chart at the bottom.
     */
    public static YWindow zoom(List<double[]> curves, double target, MetricDirection direction) {
        double sign = direction == MetricDirection.HIGHER ? 1 : -1;
        double goal = sign * target;
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        List<Double> shortfalls = new ArrayList<>();
        for (double[] curve : curves) {
            double curveBest = Double.NEGATIVE_INFINITY;
            for (double v : curve) {
                if (Double.isFinite(v)) {
                    curveBest = Math.max(curveBest, sign * v);
                    worst = Math.min(worst, sign * v);
                }
            }
            if (curveBest > Double.NEGATIVE_INFINITY) {
                best = Math.max(best, curveBest);
                if (curveBest < goal) {
                    shortfalls.add(goal - curveBest);
                }
            }
        }
        if (best == Double.NEGATIVE_INFINITY || !Double.isFinite(target)) {
            return null;
        }
        double top = Math.max(best, goal);
        double bottom = Math.min(worst, goal);
        double range = top - bottom;
        double medianShortfall = shortfalls.isEmpty() ? 0
                : StudyMedian.of(shortfalls.stream().mapToDouble(Double::doubleValue).toArray());
        double w = Math.max(Math.max(top - goal, medianShortfall), Math.max(0.01 * Math.abs(target), 1e-12));
        double low = Math.max(bottom, goal - 2.5 * w);
        double high = top + 0.1 * w;
        if (range > 0 && (high - low) > 0.8 * range) {
            return null;
        }
        return sign > 0 ? new YWindow(low, high) : new YWindow(-high, -low);
    }

    /** Each submission's time to target (median over studies) per workload; a missing bar is a miss. */
    public static Plot timeBars(Leaderboard board) {
        List<String> workloads = board.workloads();
        List<String> submissions = board.report().submissions();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String s : submissions) {
            List<Double> ys = new ArrayList<>();
            for (String w : workloads) {
                double t = board.report().input().times().time(s, w);
                ys.add(Double.isFinite(t) && t > 0 ? t : null);
            }
            values.put(s, ys);
        }
        boolean log = logScale(values);
        CategoryChart chart = categoryChart("Time to target (" + board.experiment() + ")", workloads,
                "submission time to target (s" + (log ? ", log scale)" : ")"));
        addBars(chart, workloads, values, submissions, log, LeaderboardPlots::plain);
        return new Plot(board.experiment() + "_time_to_target.png", "Time to target",
                "Median over studies of each study's best time to the validation target, in the hardware class's "
                        + "reference seconds" + (log ? ", on a log scale" : "") + "; no bar: target not reached (or "
                        + "not run).", chart);
    }

    /** The optimizer state per submission and workload ({@code state_bytes} of trial.json). */
    public static Plot memoryBars(Leaderboard board) {
        List<String> workloads = board.workloads();
        List<String> submissions = board.report().submissions();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String s : submissions) {
            List<Double> ys = new ArrayList<>();
            for (String w : workloads) {
                long bytes = board.stateBytes(s, w);
                ys.add(bytes > 0 ? (double) bytes : null);
            }
            values.put(s, ys);
        }
        boolean log = logScale(values);
        CategoryChart chart = categoryChart("Optimizer state memory (" + board.experiment() + ")", workloads,
                "optimizer state (bytes" + (log ? ", log scale)" : ")"));
        addBars(chart, workloads, values, submissions, log, LeaderboardPlots::bytes);
        return new Plot(board.experiment() + "_state_memory.png", "Optimizer state memory",
                "The optimizer state's size (largest over trials, trial.json's state_bytes) per submission and "
                        + "workload" + (log ? ", on a log scale (sizes span orders of magnitude)" : "")
                        + "; no bar: not run, or no state.", chart);
    }

    /**
     * Adds one bar series per submission over all {@code workloads}; a missing value is {@code null} in its
     * workload's slot, so every bar sits at its own workload. A linear axis labels its ticks with {@code ticks};
     * a logarithmic one (XChart's tick formatters only work on linear axes) with plain decade numbers.
     */
    private static void addBars(CategoryChart chart, List<String> workloads, Map<String, List<Double>> values,
                                List<String> submissions, boolean log, Function<Double, String> ticks) {
        double smallest = values.values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).min().orElse(1);
        double largest = values.values().stream().flatMap(List::stream).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(1);
        if (log) {
            // whole decades, so that both ends carry a labelled tick
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(largest))));
            chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        } else {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setyAxisTickLabelsFormattingFunction(ticks);
        }
        boolean anyBar = values.values().stream().flatMap(List::stream).anyMatch(v -> v != null);
        values.forEach((s, ys) -> {
            // XChart needs one number to scale an axis: a chart without any bar gets a zero series that shows none.
            List<Double> data = anyBar ? ys : ys.stream().map(v -> log ? 1.0 : 0.0).toList();
            chart.addSeries(s, workloads, data).setFillColor(colour(submissions.indexOf(s)));
        });
    }

    /** Whether positive {@code values} span more than {@link #LOG_SPAN} (nulls and zeros left out). */
    static boolean logScale(Map<String, List<Double>> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (List<Double> ys : values.values()) {
            for (Double v : ys) {
                if (v != null && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 && max / min > LOG_SPAN;
    }

    /**
     * The rotation of workload labels on a bar chart's x axis: 0 when they fit side by side in
     * {@link #WIDTH}, else 90 (vertical, one line of text per workload).
     */
    static int labelRotation(List<String> workloads) {
        int longest = workloads.stream().mapToInt(String::length).max().orElse(0);
        double band = (double) (WIDTH - BAR_CHART_FRAME_PX) / Math.max(1, workloads.size());
        return longest * LABEL_CHAR_PX + 8 > band ? 90 : 0;
    }

    /** The trial whose hit counts under AlgoPerf's rule, else the one with the best last validation value. */
    static TrialResult bestTrial(List<TrialResult> study) {
        Map<TargetHit, TrialResult> byHit = new LinkedHashMap<>();
        for (TrialResult t : study) {
            byHit.put(RecordTimes.firstHit(t), t);
        }
        TargetHit best = BestTrial.of(new ArrayList<>(byHit.keySet()));
        if (best.reached()) {
            return byHit.get(best);
        }
        TrialResult chosen = study.get(0);
        double chosenValue = lastValue(chosen);
        for (TrialResult t : study) {
            double v = lastValue(t);
            boolean better = t.record().metricDirection() == MetricDirection.HIGHER ? v > chosenValue : v < chosenValue;
            if (Double.isNaN(chosenValue) && !Double.isNaN(v) || better) {
                chosen = t;
                chosenValue = v;
            }
        }
        return chosen;
    }

    private static double lastValue(TrialResult t) {
        List<EvalRow> evals = t.evals();
        return evals.isEmpty() ? Double.NaN : evals.get(evals.size() - 1).validation(t.record().metric());
    }

    private static XYChart xyChart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisTickMarkSpacingHint(X_TICK_SPACING_PX);
        return chart;
    }

    /**
     * A bar chart over {@code workloads}: vertical labels when they would not fit side by side, the chart taller by
     * the longest label (so the bars keep their height) and wider when the workloads would have less than
     * {@link #MIN_BAND_PX} each.
     */
    private static CategoryChart categoryChart(String title, List<String> workloads, String y) {
        int rotation = labelRotation(workloads);
        int longest = workloads.stream().mapToInt(String::length).max().orElse(0);
        int height = rotation == 0 ? HEIGHT : HEIGHT + LABEL_CHAR_PX * longest;
        int width = Math.max(WIDTH, BAR_CHART_FRAME_PX + MIN_BAND_PX * workloads.size());
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("workload").yAxisTitle(y).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(rotation);
        return chart;
    }

    /** An axis tick as a plain number ({@code 0.01}, {@code 1000}), never in E notation. */
    static String plain(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** An axis tick in bytes with decimal units: {@code 512 B}, {@code 1 kB}, {@code 2.5 MB}. */
    static String bytes(double value) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int unit = 0;
        double v = value;
        while (Math.abs(v) >= 1000 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return plain(v) + " " + units[unit];
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setAntiAlias(true);
    }

    private static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** {@code 0.9836}, {@code 0.001}: a target as written, at most 6 significant digits. */
    private static String shortest(double v) {
        return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                : Double.toString(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
