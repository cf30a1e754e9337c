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
}
