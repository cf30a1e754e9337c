package org.optbench.results.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.optbench.api.MetricDirection;
import org.optbench.results.leaderboard.Leaderboard;
import org.optbench.results.leaderboard.Leaderboards;
import org.optbench.results.leaderboard.RecordTree;
import org.optbench.results.leaderboard.ReportFixture;
import org.optbench.results.leaderboard.Selection;
import org.optbench.results.scoring.RuleVersion;

/**
 * Renders every chart of suite-sized record trees (7 and 21 workloads with long names, a submission that skipped a
 * workload, optimizer states from 16 B to 9 MiB, near misses) and checks what makes each readable.
 */
class LeaderboardPlotsTest {
    private static final Leaderboards.Settings SETTINGS = new Leaderboards.Settings(RuleVersion.V0_6, 20, 0.95, 0);
    private static final Color ADAMW = new Color(0x1f77b4);
    private static final Color SGD = new Color(0xff7f0e);
    private static final Color SHAMPOO = new Color(0x2ca02c);

    @TempDir
    Path tmp;

    private Leaderboard suite(int workloads) {
        ReportFixture.write(tmp.resolve("records/external_tuning"), workloads, 3);
        return Leaderboards.read(tmp.resolve("records"), Selection.all(), SETTINGS).get(0);
    }

    @ParameterizedTest(name = "{0} workloads")
    @ValueSource(ints = {7, 21})
    void everyChartRendersWithItsLegendOutsideTheData(int workloads) throws IOException {
        Leaderboard board = suite(workloads);
        List<Plot> plots = LeaderboardPlots.of(board);
        assertEquals(workloads + 3, plots.size()); // profiles, one curve per workload, time bars, memory bars
        for (Plot plot : plots) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(plot.png()));
            assertEquals(plot.width(), image.getWidth(), plot.fileName());
            assertEquals(plot.height(), image.getHeight(), plot.fileName());
            Styler.LegendPosition legend = plot.chart().getStyler().getLegendPosition();
            assertTrue(legend == Styler.LegendPosition.OutsideE || legend == Styler.LegendPosition.OutsideS,
                    plot.fileName() + ": legend " + legend);
        }
    }

    @ParameterizedTest(name = "{0} workloads")
    @ValueSource(ints = {7, 21})
    void workloadLabelsAreVerticalAndEachHasALineOfRoom(int workloads) {
        Leaderboard board = suite(workloads);
        for (Plot plot : List.of(LeaderboardPlots.timeBars(board), LeaderboardPlots.memoryBars(board))) {
            AxesChartStyler styler = (AxesChartStyler) plot.chart().getStyler();
            // "mnist_autoencoder_sigmoid" (25 characters) side by side would need 7 x 25 px per workload, more
            // than the (900 - 280) / 7 = 88 px there are: the labels stand vertical.
            assertEquals(90, styler.getXAxisLabelRotation(), plot.fileName());
            // Vertical labels are one line of text each: they cannot overlap when every workload has a band at
            // least 1.2 lines wide, and the chart is taller by the longest label so the bars keep their room.
            double band = (double) (plot.width() - LeaderboardPlots.BAR_CHART_FRAME_PX) / workloads;
            assertTrue(band >= 1.2 * styler.getAxisTickLabelsFont().getSize(), plot.fileName() + ": band " + band);
            // the longest name: 'mnist_autoencoder_sigmoid' (25) of 7, 'librispeech_conformer_tiny' (26) of 21
            int longest = workloads == 7 ? 25 : 26;
            assertEquals(LeaderboardPlots.HEIGHT + LeaderboardPlots.LABEL_CHAR_PX * longest, plot.height());
        }
    }

    @Test
    void fewShortLabelsStayHorizontalAndLinearWhereValuesAreClose() {
        RecordTree.twoByTwo(tmp.resolve("small/self_tuning"));
        Leaderboard board = Leaderboards.read(tmp.resolve("small"), Selection.all(), SETTINGS).get(0);
        for (Plot plot : List.of(LeaderboardPlots.timeBars(board), LeaderboardPlots.memoryBars(board))) {
            AxesChartStyler styler = (AxesChartStyler) plot.chart().getStyler();
            assertEquals(0, styler.getXAxisLabelRotation(), plot.fileName());
            // times 10..30 s and states 2..8 MiB span less than 30x
            assertFalse(styler.isYAxisLogarithmic(), plot.fileName());
            assertEquals(LeaderboardPlots.WIDTH, plot.width());
            assertEquals(LeaderboardPlots.HEIGHT, plot.height());
        }
    }

    @Test
    void barsOfAWorkloadWithAMissingSeriesStayAtThatWorkload() throws IOException {
        Leaderboard board = suite(7);
        List<String> workloads = board.workloads();
        Plot memory = LeaderboardPlots.memoryBars(board);
        CategoryChart chart = (CategoryChart) memory.chart();
        // Every series spans every workload; shampoo's skipped workload is an empty slot at its own index.
        for (CategorySeries series : chart.getSeriesMap().values()) {
            assertEquals(workloads, new ArrayList<>(series.getXData()), series.getName());
        }
        int skipped = workloads.indexOf(ReportFixture.SKIPPED);
        List<?> shampoo = new ArrayList<>(chart.getSeriesMap().get("shampoo").getYData());
        assertNull(shampoo.get(skipped));
        assertEquals((double) (9L << 20), ((Number) shampoo.get(workloads.indexOf("mnist_mlp"))).doubleValue());
        assertEquals(48.0, ((Number) shampoo.get(workloads.indexOf("quadratic"))).doubleValue());
        assertEquals(16.0, ((Number) new ArrayList<>(chart.getSeriesMap().get("adamw").getYData())
                .get(workloads.indexOf("quadratic"))).doubleValue());

        // And as drawn: along a row just above the axis every bar shows; read left to right, the bar colours are,
        // per workload, adamw, sgd_nesterov (no state on quadratic), shampoo (not run on the skipped workload).
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(memory.png()));
        int row = (int) Math.round(chart.getScreenYFromChart(12)); // the axis starts at 10 B, quadratic's adamw 16 B
        List<String> expected = new ArrayList<>();
        for (String w : workloads) {
            expected.add("adamw");
            if (!w.equals("quadratic")) {
                expected.add("sgd_nesterov");
            }
            if (!w.equals(ReportFixture.SKIPPED)) {
                expected.add("shampoo");
            }
        }
        assertEquals(expected, colourRuns(image, row));
    }

    /** The sequence of palette colours along {@code row}, one entry per run of pixels of one colour. */
    private static List<String> colourRuns(BufferedImage image, int row) {
        List<String> runs = new ArrayList<>();
        Map<String, Color> colours = Map.of("adamw", ADAMW, "sgd_nesterov", SGD, "shampoo", SHAMPOO);
        String previous = null;
        for (int x = 0; x < image.getWidth(); x++) {
            Color pixel = new Color(image.getRGB(x, row));
            String name = null;
            for (Map.Entry<String, Color> c : colours.entrySet()) {
                if (near(pixel, c.getValue())) {
                    name = c.getKey();
                }
            }
            if (name != null && !name.equals(previous)) {
                runs.add(name);
            }
            previous = name;
        }
        // the legend lies right of the plot, at other heights; nothing else in the row has the palette's colours
        return runs;
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 10 && Math.abs(a.getGreen() - b.getGreen()) < 10
                && Math.abs(a.getBlue() - b.getBlue()) < 10;
    }

    @Test
    void barChartsSpanningOrdersOfMagnitudeUseALogAxisOfWholeDecades() {
        Leaderboard board = suite(7);
        CategoryChart memory = (CategoryChart) LeaderboardPlots.memoryBars(board).chart();
        // 16 B (quadratic, adamw) against 9 MiB (shampoo): a linear axis would show the small states as nothing.
        assertTrue(memory.getStyler().isYAxisLogarithmic());
        assertEquals(10.0, memory.getStyler().getYAxisMin());
        assertEquals(1e7, memory.getStyler().getYAxisMax());
        CategoryChart time = (CategoryChart) LeaderboardPlots.timeBars(board).chart();
        // medians over the studies (x1, x1.05, x1.1): 3.15 s (shampoo, scale 1) against 4200 s (adamw, scale
        // 1000): log, 1 s to 10,000 s
        assertTrue(time.getStyler().isYAxisLogarithmic());
        assertEquals(1.0, time.getStyler().getYAxisMin());
        assertEquals(1e4, time.getStyler().getYAxisMax());
    }

    @Test
    void learningCurvesAreZoomedSoANearMissIsApartFromTheTarget() throws IOException {
        Leaderboard board = suite(7);
        Plot plot = LeaderboardPlots.metricCurves(board, "mnist_mlp");
        XYChart chart = (XYChart) plot.chart();
        // Hand-derived window: the best curve (shampoo) tops at 0.9880, 0.0044 beyond the target 0.9836;
        // sgd_nesterov's three curves fall short by 0.0071; 1 % of the target is 0.009836, the largest, so
        // w = 0.009836: from 0.9836 - 2.5 w to 0.9880 + w / 10.
        double w = 0.01 * ReportFixture.TARGET;
        assertEquals(ReportFixture.TARGET - 2.5 * w, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(0.9880 + 0.1 * w, chart.getStyler().getYAxisMax(), 1e-12);
        plot.png(); // lays the chart out
        double apart = chart.getScreenYFromChart(ReportFixture.SGD_BEST) - chart.getScreenYFromChart(ReportFixture.TARGET);
        // unzoomed (0.70 to 0.99 on about 420 px) the two would be 10 px apart
        assertTrue(apart > 60, "0.9765 and the target 0.9836 are " + apart + " px apart");
        assertTrue(plot.caption().contains("zoomed"), plot.caption());
    }

    @Test
    void lossCurvesOverManyDecadesGetALogAxis() {
        Leaderboard board = suite(7);
        XYChart quadratic = (XYChart) LeaderboardPlots.metricCurves(board, "quadratic").chart();
        // losses from 10^0.15 down to 10^-5.8 against a target of 1e-3
        assertTrue(quadratic.getStyler().isYAxisLogarithmic());
        XYChart accuracy = (XYChart) LeaderboardPlots.metricCurves(board, "mnist_mlp").chart();
        assertFalse(accuracy.getStyler().isYAxisLogarithmic());
    }

    @Test
    void zoomWorksInTheMetricsDirection() {
        // A loss: target 0.5; curves reach 0.45 and miss at 0.6 and 0.7 (median shortfall 0.15); w = 0.15.
        LeaderboardPlots.YWindow loss = LeaderboardPlots.zoom(List.of(new double[] {3, 1, 0.45},
                new double[] {3, 0.6}, new double[] {3, 0.7}), 0.5, MetricDirection.LOWER);
        assertNotNull(loss);
        assertEquals(0.45 - 0.015, loss.min(), 1e-12);
        assertEquals(0.5 + 2.5 * 0.15, loss.max(), 1e-12);
        // Curves that stay close to the target everywhere need no zoom; no finite value, no window.
        assertNull(LeaderboardPlots.zoom(List.of(new double[] {0.97, 0.98}), 0.9836, MetricDirection.HIGHER));
        assertNull(LeaderboardPlots.zoom(List.of(new double[] {Double.NaN}), 0.9836, MetricDirection.HIGHER));
    }

    @Test
    void profilesAreDrawnFromTheirChangePointsSoTheTauAxisGetsRegularTicks() {
        Leaderboard board = suite(7);
        XYChart chart = (XYChart) LeaderboardPlots.profiles(board).chart();
        double[] xs = chart.getSeriesMap().get(chart.getSeriesMap().keySet().iterator().next()).getXData();
        assertEquals(1.0, xs[0]);
        assertEquals(4.0, xs[xs.length - 1], 1e-12);
        assertTrue(xs.length < 10, "change points only, not the 100-point grid: " + xs.length);
        double[][] steps = LeaderboardPlots.changePoints(new double[] {1, 2, 3, 4}, new double[] {0, 0, 1, 1});
        assertEquals(List.of(1.0, 3.0, 4.0), List.of(steps[0][0], steps[0][1], steps[0][2]));
        assertEquals(List.of(0.0, 1.0, 1.0), List.of(steps[1][0], steps[1][1], steps[1][2]));
    }
}
