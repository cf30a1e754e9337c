package org.optbench.results.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code leaderboard.html} in headless Chromium from a file:// URL: no console messages (the page has no
 * scripts, so any is an error), a screenshot that shows the plots' colours, and a DOM with every plot's image.
 * Skipped only when no Chromium is installed (CI installs it in {@code .ci/run}).
 */
class LeaderboardHtmlBrowserTest {
    /** Chromium logs every console message of the page as a line with {@code :CONSOLE}. */
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]\\d*\\)?\\]? ?(.*)");

    @TempDir
    static Path tmp;
    static Path chromium;
    static Path html;
    static Path suiteHtml;

    @BeforeAll
    static void findChromiumAndWriteReport() {
        Optional<Path> found = findOnPath("chromium", "chromium-browser", "google-chrome");
        Assumptions.assumeTrue(found.isPresent(),
                "chromium is not installed (apt-get install -y chromium); skipping the browser test of leaderboard.html");
        chromium = found.get();
        Path records = tmp.resolve("records");
        RecordTree.twoByTwo(records.resolve("self_tuning"));
        Path report = tmp.resolve("report");
        LeaderboardFiles.write(Leaderboards.read(records, Selection.all(),
                new Leaderboards.Settings(org.optbench.results.scoring.RuleVersion.V0_6, 200, 0.95, 0)), report);
        html = report.resolve(LeaderboardFiles.HTML);
        suiteHtml = LeaderboardFilesTest.suiteReport(tmp.resolve("suite")).resolve(LeaderboardFiles.HTML);
    }

    @Test
    void theContentionBannerOpensThePageAndOneStudyShowsNoInterval() throws Exception {
        Run dom = chromium(suiteHtml, "--dump-dom");
        assertEquals(0, dom.exitCode, dom.stderr);
        assertEquals(List.of(), consoleMessages(dom.stderr), "console messages of " + suiteHtml);
        // As the browser parsed it: the banner is the first thing after the heading, with the trial and its share.
        Matcher banner = Pattern.compile("<h1>optbench leaderboard</h1>\\s*<div class=\"banner warning\" "
                + "id=\"contention\" role=\"alert\"><strong>Contended: 1 of 20 trials[^<]*</strong>\\s*<ul>\\s*"
                + "<li>external_tuning/shampoo/study_0/mnist_autoencoder_sigmoid/trial_1 \\(CPU share 0\\.41\\)</li>")
                .matcher(dom.stdout);
        assertTrue(banner.find(), dom.stdout.substring(0, Math.min(3000, dom.stdout.length())));
        assertTrue(dom.stdout.contains("<div class=\"banner note\" id=\"budget-scale\">Scaled budgets:"));
        assertTrue(dom.stdout.contains("<td>n/a (1 study)</td><td>reached 5/6</td>"), "shampoo's score row");

        // And as drawn: the banner's red frame (#c0392b) lies in the top of the page, above the first table.
        Path png = tmp.resolve("suite-screenshot.png");
        Run shot = chromium(suiteHtml, "--screenshot=" + png, "--window-size=1280,1200");
        assertEquals(0, shot.exitCode, shot.stderr);
        BufferedImage image = ImageIO.read(png.toFile());
        BufferedImage top = image.getSubimage(0, 0, image.getWidth(), 260);
        assertTrue(countNear(top, 0xc0392b) > 1000, "no red banner frame in the top 260 px: "
                + countNear(top, 0xc0392b));
    }

    @Test
    void pageLoadsWithoutConsoleMessagesAndShowsThePlots() throws Exception {
        Path png = tmp.resolve("screenshot.png");
        Run run = chromium(html, "--screenshot=" + png, "--window-size=1280,2000");
        assertEquals(0, run.exitCode, run.stderr);
        assertEquals(List.of(), consoleMessages(run.stderr), "console messages of " + html);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1280, shot.getWidth());
        double coloured = PngPixels.nonWhiteFraction(shot);
        assertTrue(coloured > 0.02, "screenshot nearly blank: non-white fraction " + coloured);
        // The tables are black and grey; the palette's blue and orange come only from the plot images.
        assertTrue(countNear(shot, 0x1f77b4) > 200, "no plot blue in the screenshot");
        assertTrue(countNear(shot, 0xff7f0e) > 200, "no plot orange in the screenshot");
    }

    @Test
    void domHasEveryPlotAsAnEmbeddedImage() throws Exception {
        Run run = chromium(html, "--dump-dom");
        assertEquals(0, run.exitCode, run.stderr);
        Matcher img = Pattern.compile("<img class=\"plot\" id=\"([^\"]+)\"[^>]*src=\"data:image/png;base64,")
                .matcher(run.stdout);
        List<String> ids = new ArrayList<>();
        while (img.find()) {
            ids.add(img.group(1));
        }
        assertEquals(List.of("self_tuning_profiles", "self_tuning_curve_cnn", "self_tuning_curve_mlp",
                "self_tuning_time_to_target", "self_tuning_state_memory"), ids);
        assertTrue(run.stdout.contains("<h1>optbench leaderboard</h1>"));
    }

    @Test
    void consoleDetectorSeesAConsoleError() throws Exception {
        // The check above could pass vacuously if Chromium logged console messages differently: prove it does not.
        Path page = tmp.resolve("console.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom-4711')</script>"
                + "</body></html>");
        Run run = chromium(page, "--dump-dom");
        List<String> messages = consoleMessages(run.stderr);
        assertEquals(1, messages.size(), run.stderr);
        assertTrue(messages.get(0).contains("boom-4711"), messages.get(0));
    }

    private static List<String> consoleMessages(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher m = CONSOLE.matcher(line);
            if (m.find()) {
                out.add(line);
            }
        }
        return out;
    }

    private static long countNear(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run chromium(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path out = tmp.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = tmp.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Optional<Path> findOnPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
