package org.optbench.results.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.api.BadInputException;

class LeaderboardFilesTest {
    @TempDir
    static Path tmp;
    static Path records;
    static Path report;
    static List<Leaderboard> boards;

    @BeforeAll
    static void writeReport() {
        records = tmp.resolve("records");
        RecordTree.twoByTwo(records.resolve("self_tuning"));
        boards = Leaderboards.read(records, Selection.all(), Leaderboards.Settings.defaults());
        report = tmp.resolve("report");
        LeaderboardFiles.write(boards, report);
    }

    @Test
    void scoresAndIntervalsMatchTheHandDerivation() {
        assertEquals(1, boards.size());
        Leaderboard b = boards.get(0);
        assertEquals("self_tuning", b.experiment());
        assertEquals(List.of("slow", "fast"), b.ranking());
        assertEquals(RecordTree.SLOW_SCORE, b.report().scores().get("slow"), 1e-12);
        assertEquals(RecordTree.FAST_SCORE, b.report().scores().get("fast"), 1e-12);
        // Both studies are identical, so every bootstrap replicate is the data itself.
        assertEquals(0, b.bootstrap().scores().get("slow").width(), 0);
        assertEquals(20, b.bootstrap().time("slow", "mlp").upper());
        assertEquals(2.0, b.report().ratios().get("slow").get("mlp"));
    }

    @Test
    void csvHasOneRowPerSubmissionAndWorkload() throws IOException {
        List<String> lines = Files.readAllLines(report.resolve(LeaderboardFiles.CSV));
        assertEquals(String.join(",", LeaderboardFiles.CSV_COLUMNS), lines.get(0));
        assertEquals(5, lines.size());
        // ... then studies of the score and of the pair, trials, reached, failed, optimizer step (blank: not
        // recorded), best validation value, target, clock (none recorded: wall), contended trials.
        assertTrue(lines.contains("self_tuning,slow,cnn,,0.835859,0.835859,0.835859,30.000,30.000,30.000,30.000,"
                + "1.0000,0.003000,6291456,cpu-test,2,2,2,2,0,,0.970000,0.9,wall,0"), String.join("\n", lines));
        assertTrue(lines.contains("self_tuning,fast,cnn,,0.500000,0.500000,0.500000,inf,inf,inf,inf,inf,0.004000,"
                + "8388608,cpu-test,2,2,2,0,0,,0.600000,0.9,wall,0"), String.join("\n", lines));
    }

    @Test
    void markdownShowsScoresTimesAndLinksThePlots() throws IOException {
        String md = Files.readString(report.resolve(LeaderboardFiles.MARKDOWN));
        assertTrue(md.contains("| 1 | slow | 0.8359 | [0.8359, 0.8359] |"), md);
        assertTrue(md.contains("| mlp | 20.00 [20.00, 20.00] | 10.00 [10.00, 10.00] |"), md);
        assertTrue(md.contains("Hardware class: cpu-test."), md);
        assertTrue(md.contains("![Performance profiles](self_tuning_profiles.png)"), md);
    }

    @Test
    void htmlIsSelfContainedWithEveryPlotEmbedded() throws IOException {
        String html = Files.readString(report.resolve(LeaderboardFiles.HTML));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
        assertFalse(html.contains("<link"), "no external CSS");
        Matcher m = Pattern.compile("<img class=\"plot\" id=\"([^\"]+)\"[^>]*src=\"data:image/png;base64,([^\"]+)\"")
                .matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
            assertEquals(900, image.getWidth(), m.group(1));
            // the embedded image is the PNG file next to the page
            assertTrue(Files.exists(report.resolve(m.group(1) + ".png")), m.group(1));
        }
        // profiles, one curve plot per workload (2), time bars, memory bars
        assertEquals(5, images);
    }

    @Test
    void pngFilesAreReadableAndNotBlank() throws IOException {
        for (String name : List.of("self_tuning_profiles.png", "self_tuning_curve_mlp.png",
                "self_tuning_curve_cnn.png", "self_tuning_time_to_target.png", "self_tuning_state_memory.png")) {
            BufferedImage image = ImageIO.read(report.resolve(name).toFile());
            assertEquals(520, image.getHeight(), name);
            double coloured = PngPixels.nonWhiteFraction(image);
            assertTrue(coloured > 0.02 && coloured < 0.9, name + ": non-white fraction " + coloured);
        }
    }

    @Test
    void mixedHardwareIsRefusedUnlessAllowedAndThenReported() throws IOException {
        Path mixed = tmp.resolve("mixed");
        RecordTree.twoByTwo(mixed.resolve("self_tuning"));
        RecordTree.trial(mixed.resolve("self_tuning"), "other", "mlp", 0, 1, 12, "gpu-test", 0.001, 100);
        BadInputException e = assertThrows(BadInputException.class,
                () -> Leaderboards.read(mixed, Selection.all(), Leaderboards.Settings.defaults()));
        assertTrue(e.getMessage().contains("cpu-test, gpu-test"), e.getMessage());
        List<Leaderboard> allowed = Leaderboards.read(mixed, new Selection(List.of(), Set.of(), Set.of(), null, true),
                Leaderboards.Settings.defaults());
        assertTrue(allowed.get(0).mixedHardware());
        Path out = tmp.resolve("mixed-report");
        LeaderboardFiles.write(allowed, out);
        assertTrue(Files.readString(out.resolve(LeaderboardFiles.MARKDOWN)).contains("**Mixed hardware"));
        assertTrue(Files.readString(out.resolve(LeaderboardFiles.HTML)).contains("class=\"warning\""));
        // naming a class scores only its trials, without the warning
        List<Leaderboard> gpu = Leaderboards.read(mixed, new Selection(List.of(), Set.of(), Set.of(), "gpu-test",
                false), Leaderboards.Settings.defaults());
        assertEquals(List.of("other"), gpu.get(0).report().submissions());
        assertFalse(gpu.get(0).mixedHardware());
    }

    @Test
    void selectionKeepsSubmissionsAndExperiments() {
        List<Leaderboard> one = Leaderboards.read(records, new Selection(List.of("self_tuning"), Set.of("fast"),
                Set.of(), null, false), Leaderboards.Settings.defaults());
        assertEquals(List.of("fast"), one.get(0).report().submissions());
        // alone, fast is the best on mlp and nobody reaches cnn: rho = 1/2 everywhere
        assertEquals(0.5, one.get(0).report().scores().get("fast"), 1e-12);
        assertThrows(BadInputException.class, () -> Leaderboards.read(records,
                new Selection(List.of("external_tuning"), Set.of(), Set.of(), null, false),
                Leaderboards.Settings.defaults()));
    }

    @Test
    void consoleLinesAreWhatTheLeaderboardCommandPrints() {
        // Two identical studies: a real (if zero-width) interval. fast reached mlp in both studies, never cnn.
        assertEquals(List.of("self_tuning:",
                "  slow                 0.8359 [0.8359, 0.8359]  reached 4/4",
                "  fast                 0.5000 [0.5000, 0.5000]  reached 2/4"), boards.get(0).consoleLines());
    }

    @Test
    void aReportWithoutContentionOrScalingHasNoBanner() throws IOException {
        String md = Files.readString(report.resolve(LeaderboardFiles.MARKDOWN));
        String html = Files.readString(report.resolve(LeaderboardFiles.HTML));
        assertFalse(md.contains("Contended") || md.contains("Scaled budgets"), md);
        assertFalse(html.contains("id=\"contention\"") || html.contains("id=\"budget-scale\""));
    }

    /** The suite fixture with one study: contention, scaled budgets, a failure, misses, a skipped workload. */
    static Path suiteReport(Path dir) {
        ReportFixture.write(dir.resolve("records/external_tuning"), 7, 1);
        List<Leaderboard> suite = Leaderboards.read(dir.resolve("records"), Selection.all(),
                new Leaderboards.Settings(org.optbench.results.scoring.RuleVersion.V0_6, 50, 0.95, 0));
        LeaderboardFiles.write(suite, dir.resolve("report"));
        return dir.resolve("report");
    }

    @Test
    void oneStudyContentionScalingMissesAndFailuresAreSaidPlainly() throws IOException {
        Path out = suiteReport(tmp.resolve("suite"));
        String md = Files.readString(out.resolve(LeaderboardFiles.MARKDOWN));
        // The banner comes first, names the contended trial and its CPU share; the note gives the scale.
        assertTrue(md.startsWith("# optbench leaderboard\n\n> **Warning. Contended: 1 of 20 trials ran on a shared "
                + "machine (CPU share below the contention threshold); its time may be unreliable.**\n>\n"
                + "> - external_tuning/shampoo/study_0/mnist_autoencoder_sigmoid/trial_1 (CPU share 0.41)\n"), md);
        assertTrue(md.contains("> **Note.** Scaled budgets: trials on a machine whose speed probe differed from their "
                + "hardware class's reference had their budgets scaled by the measured ratio (x1.30 for 7 trials)."), md);
        // One study: no interval, and how many trials reached their targets (shampoo skipped one workload and
        // failed on another: 5 of 6).
        assertTrue(md.contains("| 2 | shampoo | 0.7143 | n/a (1 study) | reached 5/6 |"), md);
        assertTrue(md.contains("| 3 | sgd_nesterov | 0.0000 | n/a (1 study) | reached 0/7 |"), md);
        // adamw is 4/3 of shampoo's time on 5 workloads and alone on 2 (shampoo failed one, skipped one); shampoo
        // is best on 5 of 7: rho = 5/7 everywhere, score 0.7143.
        assertTrue(md.contains("| mnist_mlp | 400.00 n/a (1 study) | 300.00 n/a (1 study) | missed 0.9765 / 0.9836 |"),
                md);
        assertTrue(md.contains("| cifar10_resnet_tiny | 40.00 n/a (1 study) | failed: OutOfMemoryError: Java heap "
                + "space while allocating the pr... | missed 0.9765 / 0.9836 |"), md);
        // sgd_nesterov's quadratic loss: best 2e-3 x 10^(3/8) = 0.004743 against 0.001
        assertTrue(md.contains("| quadratic | 40.00 n/a (1 study) | 30.00 n/a (1 study) | missed 0.004743 / 0.001000 |"),
                md);
        // Step and optimizer step in ms, in reference seconds (sgd_nesterov measured 3.9 ms on a 1.3x slower
        // machine); sgd_nesterov's records predate the optimizer field: blank.
        assertTrue(md.contains("| mnist_mlp | 4.000 | 1.000 | 10.000 | 6.000 | 3.000 |  |"), md);
        assertTrue(md.contains("| sgd_nesterov | 0 | mnist_mlp | 1 | missed 0.9765 / 0.9836 (budget) | 0.97 | 1 | 1.30 |"),
                md);

        String html = Files.readString(out.resolve(LeaderboardFiles.HTML));
        int banner = html.indexOf("<div class=\"banner warning\" id=\"contention\"");
        assertTrue(banner > 0 && banner < html.indexOf("<section"), "the banner opens the page");
        assertTrue(html.contains("<li>external_tuning/shampoo/study_0/mnist_autoencoder_sigmoid/trial_1 (CPU share "
                + "0.41)</li>"));
        assertTrue(html.contains("<td>n/a (1 study)</td>"));
        // Every table scrolls inside a frame of the page's width, rather than pushing the page wider.
        assertEquals(html.split("<table>", -1).length - 1, html.split("<div class=\"wide\"><table>", -1).length - 1);
        assertFalse(html.contains("[0.7143, 0.7143]"), "no degenerate interval");

        List<String> csv = Files.readAllLines(out.resolve(LeaderboardFiles.CSV));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("external_tuning,shampoo,cifar10_resnet_tiny,")
                && l.endsWith(",1,1,1,0,1,0.006000,,0.9836,cpu,0")), String.join("\n", csv));
    }

    @Test
    void marginsShowEnoughDigitsToTellAMissFromTheTarget() {
        assertEquals("0.9765 / 0.9836", ReportText.margin(0.97651, 0.9836));
        // rounded to the target's 4 digits both would read 0.9836: one more digit
        assertEquals("0.98359 / 0.98360", ReportText.margin(0.98359, 0.9836));
        assertEquals("0.43120 / 0.43389", ReportText.margin(0.4312, 0.43389));
        assertEquals("OutOfMemoryError: Java heap space", ReportText.shortFailure(
                "java.lang.OutOfMemoryError: Java heap space\n\tat org.optbench.X.y(X.java:1)"));
        assertEquals("no reason recorded", ReportText.shortFailure(null));
    }
}
