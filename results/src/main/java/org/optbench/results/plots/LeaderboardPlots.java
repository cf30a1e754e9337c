package org.optbench.results.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.optbench.results.scoring.TargetHit;
import org.optbench.results.scoring.TimeToTarget;

/**
 * The charts of a leaderboard: performance profiles; per workload, the validation metric against submission time
 * of each study's best trial (the trial whose hit counts under AlgoPerf's best-trial rule, or, in a study that
 * missed the target, the trial with the best last validation value), drawn in its submission's colour, with the
 * target as a dashed line; median time-to-target bars; optimizer state memory bars.
 */
public final class LeaderboardPlots {
    /** Width and height of every chart in pixels. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;

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
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(1.0).setXAxisMax(4.0);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.00");
        List<String> submissions = board.report().submissions();
        for (String s : board.ranking()) {
            XYSeries series = chart.addSeries(String.format(java.util.Locale.ROOT, "%s (score %.3f)", s,
                    board.report().scores().get(s)), board.report().taus(), board.report().profiles().get(s));
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(colour(submissions.indexOf(s)));
            series.setLineWidth(2.5f);
        }
        return new Plot(board.experiment() + "_profiles.png", "Performance profiles",
                "rho(tau): the fraction of base workloads a submission reached within tau times the fastest "
                        + "submission's time; the score is the area under the curve divided by 3.", chart);
    }

    /** The validation metric against submission time of each study's best trial on {@code workload}. */
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
        chart.getStyler().setLegendPosition(any != null && any.metricDirection() == MetricDirection.HIGHER
                ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNE);
        double maxTime = 0;
        List<String> submissions = board.report().submissions();
        for (Map.Entry<String, Map<Integer, List<TrialResult>>> e : byStudy.entrySet()) {
            String s = e.getKey();
            boolean first = true;
            for (Map.Entry<Integer, List<TrialResult>> study : e.getValue().entrySet()) {
                TrialResult best = bestTrial(study.getValue());
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (EvalRow row : best.evals()) {
                    double y = row.validation(best.record().metric());
                    if (Double.isFinite(y) && Double.isFinite(row.submissionSeconds())) {
                        xs.add(row.submissionSeconds());
                        ys.add(y);
                        maxTime = Math.max(maxTime, row.submissionSeconds());
                    }
                }
                if (xs.isEmpty()) {
                    continue;
                }
                XYSeries series = chart.addSeries(first ? s : s + " study " + study.getKey(), xs, ys);
                series.setShowInLegend(first);
                series.setLineColor(colour(submissions.indexOf(s)));
                series.setMarkerColor(colour(submissions.indexOf(s)));
                series.setMarker(SeriesMarkers.CIRCLE);
                first = false;
            }
        }
        if (any != null) {
            double end = maxTime > 0 ? maxTime : any.budgetSeconds();
            XYSeries target = chart.addSeries(String.format(java.util.Locale.ROOT, "target %s %s %s",
                            metric, any.metricDirection().comparator(),
                            fmt(any.validationTarget())),
                    new double[] {0, end}, new double[] {any.validationTarget(), any.validationTarget()});
            target.setLineColor(Color.BLACK);
            target.setLineStyle(TARGET_LINE);
            target.setMarker(SeriesMarkers.NONE);
        }
        return new Plot(board.experiment() + "_curve_" + safe(workload) + ".png", workload + ": validation " + metric
                + " against submission time", "One line per study: its best trial (the one whose time counts; "
                + "in a study that missed, the trial with the best last value). Dashed: the validation target.", chart);
    }

    /** Each submission's time to target (median over studies) per workload; a missing bar is a miss. */
    public static Plot timeBars(Leaderboard board) {
        CategoryChart chart = categoryChart("Time to target (" + board.experiment() + ")", "workload",
                "submission time to target (s)");
        List<String> workloads = board.workloads();
        List<String> submissions = board.report().submissions();
        for (String s : submissions) {
            List<Double> ys = new ArrayList<>();
            for (String w : workloads) {
                double t = board.report().input().times().time(s, w);
                ys.add(Double.isFinite(t) ? t : 0.0);
            }
            chart.addSeries(s, workloads, ys).setFillColor(colour(submissions.indexOf(s)));
        }
        return new Plot(board.experiment() + "_time_to_target.png", "Time to target",
                "Median over studies of each study's best time to the validation target; no bar: target not "
                        + "reached (or not run).", chart);
    }

    /** The optimizer state per submission and workload ({@code state_bytes} of trial.json, MiB). */
    public static Plot memoryBars(Leaderboard board) {
        CategoryChart chart = categoryChart("Optimizer state memory (" + board.experiment() + ")", "workload",
                "optimizer state (KiB)");
        List<String> workloads = board.workloads();
        List<String> submissions = board.report().submissions();
        for (String s : submissions) {
            List<Double> ys = new ArrayList<>();
            for (String w : workloads) {
                long bytes = board.stateBytes(s, w);
                ys.add(bytes < 0 ? 0.0 : bytes / 1024.0);
            }
            chart.addSeries(s, workloads, ys).setFillColor(colour(submissions.indexOf(s)));
        }
        return new Plot(board.experiment() + "_state_memory.png", "Optimizer state memory",
                "The optimizer state's size (largest over trials, trial.json's state_bytes) per submission and "
                        + "workload; no bar: not run, or no state.", chart);
    }

    /** The trial whose hit counts under AlgoPerf's rule, else the one with the best last validation value. */
    static TrialResult bestTrial(List<TrialResult> study) {
        Map<TargetHit, TrialResult> byHit = new LinkedHashMap<>();
        for (TrialResult t : study) {
            TrialRecord r = t.record();
            byHit.put(TimeToTarget.firstHit(r.trial(), t.evals(), "validation/" + r.metric(), r.metricDirection(),
                    r.validationTarget()), t);
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
        return chart;
    }

    private static CategoryChart categoryChart(String title, String x, String y) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
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

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
