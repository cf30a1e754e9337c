package org.optbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optbench.harness.jar.JarFixtures;
import org.optbench.results.records.StopReason;
import org.optbench.results.records.TrialRecord;
import org.optbench.results.records.TrialRecords;

/**
 * Each way a submission can go wrong while it runs (throw, exhaust the heap, produce a non-finite loss, exit the
 * JVM, hang) is contained in its forked trial JVM: the trial is recorded as failed or diverged with its reason, the
 * CLI returns normally, and the next trial runs. Real jars, real forked JVMs.
 */
class FaultIsolationTest {
    @TempDir
    Path work;

    private Path out() {
        return work.resolve("runs");
    }

    private TrialRecord run(Path jar, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--workload", "quadratic", "--submission", jar.toString(),
                "--out", out().toString(), "--budget-seconds", "1.5"));
        args.addAll(List.of(extra));
        CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), name + ": " + r.err());
        Path trialDir = out().resolve(name + "/study_0/quadratic/trial_1");
        assertTrue(r.out().contains(trialDir.toString()), r.out());
        return TrialRecords.read(trialDir).record();
    }

    @Test
    void eachFaultIsRecordedWithItsReasonAndTheNextTrialRuns() {
        Path throwing = JarFixtures.submissionJar(work, "throws.jar", "faulty.Throws",
                "throw new IllegalStateException(\"boom from update\");", "");
        Path hoarding = JarFixtures.submissionJar(work, "hoards.jar", "faulty.Hoards",
                "while (true) { HOARD.add(new long[1 << 20]); }",
                "static final java.util.List<long[]> HOARD = new java.util.ArrayList<>();");
        Path poisoning = JarFixtures.submissionJar(work, "poisons.jar", "faulty.Poisons",
                "context.lossAndGradients(); context.params().value(0).assign(Double.NaN);", "");
        Path exiting = JarFixtures.submissionJar(work, "exits.jar", "faulty.Exits", "System.exit(2);", "");
        Path hanging = JarFixtures.submissionJar(work, "hangs.jar", "faulty.Hangs",
                "synchronized (lock) { try { lock.wait(); } catch (InterruptedException e) {"
                        + " throw new IllegalStateException(e); } }",
                "private final Object lock = new Object();");
        Path lion = JarFixtures.templateJar(work);

        TrialRecord thrown = run(throwing, "throws");
        assertEquals(StopReason.FAILED, thrown.stopReason());
        assertEquals("exception in step 1: IllegalStateException: boom from update", thrown.failure());

        TrialRecord outOfMemory = run(hoarding, "hoards", "--trial-max-heap", "128m");
        assertEquals(StopReason.FAILED, outOfMemory.stopReason());
        assertTrue(outOfMemory.failure().startsWith("out of memory: ")
                && outOfMemory.failure().contains("OutOfMemoryError: Java heap space"), outOfMemory.failure());

        TrialRecord diverged = run(poisoning, "poisons");
        assertEquals(StopReason.DIVERGED, diverged.stopReason());
        assertEquals("diverged: training loss NaN at step 2", diverged.failure());
        assertEquals(2, diverged.steps());

        TrialRecord exited = run(exiting, "exits", "--allow-unchecked");
        assertEquals(StopReason.FAILED, exited.stopReason());
        assertTrue(exited.failure().startsWith("trial JVM exited with code 2 before reporting its result"),
                exited.failure());

        TrialRecord hung = run(hanging, "hangs", "--stall-seconds", "5");
        assertEquals(StopReason.FAILED, hung.stopReason());
        assertEquals("hang: no progress for 5 s; the trial JVM was killed", hung.failure());
        assertEquals(0, hung.steps());

        // The next trial, after all of that, trains normally.
        TrialRecord healthy = run(lion, "lion");
        assertEquals(null, healthy.failure());
        assertTrue(healthy.steps() > 100 && healthy.evals() >= 2, healthy.steps() + " steps");
    }

    @Test
    void nativeMemoryBeyondTheLimitKillsTheTrial() {
        // 12 tensors of 128 MB, held: 1.5 GB off the heap, more than 128m + 256m + the JVM's 768 MB allowance.
        Path nativeHog = JarFixtures.submissionJar(work, "nativehog.jar", "faulty.NativeHog",
                "for (int i = 0; i < 12; i++) { KEEP.add(org.nd4j.linalg.factory.Nd4j.create("
                        + "org.nd4j.linalg.api.buffer.DataType.DOUBLE, 16_000_000L)); } context.lossAndGradients();",
                "static final java.util.List<Object> KEEP = new java.util.ArrayList<>();");
        TrialRecord r = run(nativeHog, "nativehog", "--trial-max-heap", "128m", "--trial-max-native", "256m");
        assertEquals(StopReason.FAILED, r.stopReason());
        // Two bounds, whichever comes first: JavaCPP refuses its next allocation past maxphysicalbytes (2 x the
        // native limit), or the parent kills the JVM when its resident set passes heap + native + 768 MB.
        boolean refusedByJavaCpp = r.failure().startsWith("out of memory in step 1: OutOfMemoryError: ")
                && r.failure().contains("physicalBytes");
        boolean killedByParent = r.failure().startsWith("out of memory: resident memory ")
                && r.failure().contains("exceeded the trial's limit of 1152 MB (heap 128m + native 256m + JVM)");
        assertTrue(refusedByJavaCpp || killedByParent, r.failure());
    }
}
