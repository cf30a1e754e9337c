package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.results.records.TrialRecords;

/** {@code optbench leaderboard} and {@code optbench regress} end to end. */
class LeaderboardCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsTheMissingTrialsThenScoresAndResumesWithoutRerunning() throws IOException {
        String[] args = {"leaderboard", "--workloads", "quadratic", "--submissions", "adamw,sgd_nesterov",
                "--ruleset", "self-tuning", "--studies", "1", "--budget-seconds", "3", "--out", dir.toString(),
                "--bootstrap-resamples", "100", "--save-baseline", dir.resolve("baseline.json").toString()};
        CliTestSupport.Result first = CliTestSupport.run(args);
        assertEquals(0, first.exitCode(), first.err());
        Path adamw = dir.resolve("self_tuning/adamw/study_0/quadratic/trial_1");
        Path nesterov = dir.resolve("self_tuning/sgd_nesterov/study_0/quadratic/trial_1");
        assertTrue(TrialRecords.isComplete(adamw) && TrialRecords.isComplete(nesterov));
        for (String file : new String[] {"leaderboard.md", "leaderboard.csv", "leaderboard.html",
                "self_tuning_profiles.png", "self_tuning_curve_quadratic.png", "baseline.json"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        String md = Files.readString(dir.resolve("leaderboard.md"));
        assertTrue(md.contains("| adamw |") && md.contains("| sgd_nesterov |"), md);
        assertTrue(first.out().contains("self_tuning:"), first.out());

        FileTime written = Files.getLastModifiedTime(adamw.resolve("trial.json"));
        CliTestSupport.Result again = CliTestSupport.run(args);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(written, Files.getLastModifiedTime(adamw.resolve("trial.json")), "complete trials are not rerun");
        assertEquals(first.out(), again.out(), "same records, same seed: the same leaderboard");

        // The gate against its own baseline passes.
        CliTestSupport.Result gate = CliTestSupport.run("regress", "--baseline", dir.resolve("baseline.json").toString(),
                "--current", dir.toString());
        assertEquals(0, gate.exitCode(), gate.out() + gate.err());
    }

    @Test
    void mixedHardwareNeedsTheOptionAndIsReported() throws IOException {
        Path records = dir.resolve("records");
        RecordFixture.twoByTwo(records.resolve("self_tuning"), 10);
        RecordFixture.trial(records.resolve("self_tuning"), "other", "mlp", 0, 12, "gpu-test", 0.001);
        CliTestSupport.Result refused = CliTestSupport.run("leaderboard", "--records", records.toString(), "--out",
                dir.resolve("report").toString());
        assertEquals(2, refused.exitCode());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("--allow-mixed-hardware"), refused.err());

        CliTestSupport.Result allowed = CliTestSupport.run("leaderboard", "--records", records.toString(), "--out",
                dir.resolve("report").toString(), "--allow-mixed-hardware", "--bootstrap-resamples", "50");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.out().contains("mixed hardware classes cpu-test, gpu-test"), allowed.out());
        assertTrue(Files.readString(dir.resolve("report/leaderboard.md")).contains("**Mixed hardware"));
        // score refuses and accepts the same way
        assertEquals(2, CliTestSupport.run("score", "--records", records.toString()).exitCode());
        CliTestSupport.Result scored = CliTestSupport.run("score", "--records", records.toString(),
                "--allow-mixed-hardware", "--format", "csv");
        assertEquals(0, scored.exitCode(), scored.err());
        assertTrue(scored.out().contains("other,"), scored.out());
    }

    @Test
    void regressExitsOneOnASlowerWorkloadAndTwoOnMalformedInput() throws IOException {
        Path base = dir.resolve("base");
        RecordFixture.twoByTwo(base.resolve("self_tuning"), 10);
        Path baseline = dir.resolve("baseline.json");
        assertEquals(0, CliTestSupport.run("leaderboard", "--records", base.toString(), "--out",
                dir.resolve("report").toString(), "--bootstrap-resamples", "20", "--save-baseline",
                baseline.toString()).exitCode());

        // identical records
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("summary.md");
        CliTestSupport.Result same = CliTestSupport.run("regress", "--baseline", baseline.toString(), "--current",
                base.toString(), "--junit", junit.toString(), "--summary", summary.toString());
        assertEquals(0, same.exitCode(), same.out() + same.err());
        assertTrue(Files.readString(junit).contains("<testsuites name=\"optbench regress\" tests=\"10\" failures=\"0\""),
                Files.readString(junit));

        // fast needs 12 s instead of 10 s on mlp: +20 %, beyond the default 10 %
        Path slower = dir.resolve("slower");
        RecordFixture.twoByTwo(slower.resolve("self_tuning"), 12);
        CliTestSupport.Result worse = CliTestSupport.run("regress", "--baseline", baseline.toString(), "--current",
                slower.toString(), "--junit", junit.toString(), "--summary", summary.toString());
        assertEquals(1, worse.exitCode(), worse.out() + worse.err());
        assertTrue(worse.out().contains("REGRESSION self_tuning/fast/mlp: time_to_target_seconds 12.00 s"),
                worse.out());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testcase classname=\"optbench.self_tuning.fast\" name=\"mlp time_to_target_seconds\""
                + " time=\"0\">\n<failure"), xml);
        assertTrue(Files.readString(summary).startsWith("## optbench regression gate: FAILED"));
        // a looser time tolerance lets it pass
        assertEquals(0, CliTestSupport.run("regress", "--baseline", baseline.toString(), "--current",
                slower.toString(), "--time-tolerance", "0.25").exitCode());

        // records from another hardware class are not compared with the baseline
        Path otherHardware = dir.resolve("other-hardware");
        RecordFixture.trial(otherHardware.resolve("self_tuning"), "fast", "mlp", 0, 10, "gpu-test", 0.002);
        CliTestSupport.Result mixed = CliTestSupport.run("regress", "--baseline", baseline.toString(), "--current",
                otherHardware.toString());
        assertEquals(2, mixed.exitCode(), mixed.out() + mixed.err());
        assertTrue(mixed.err().contains("hardware class gpu-test but the baseline"), mixed.err());

        // malformed baseline: exit 2, one line naming the file
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"optbench-baseline/1\", \"experiments\": 3}");
        CliTestSupport.Result malformed = CliTestSupport.run("regress", "--baseline", bad.toString(), "--current",
                base.toString());
        assertEquals(2, malformed.exitCode());
        assertEquals(1, malformed.err().strip().lines().count(), malformed.err());
        assertTrue(malformed.err().contains("bad.json"), malformed.err());
        assertEquals(2, CliTestSupport.run("regress", "--baseline", baseline.toString(), "--current",
                dir.resolve("absent").toString()).exitCode());
        assertEquals(2, CliTestSupport.run("regress", "--baseline", baseline.toString(), "--current",
                base.toString(), "--time-tolerance", "-1").exitCode());
    }
}
