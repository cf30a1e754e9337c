package org.optbench.harness.study.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The array spec, the job script's sbatch lines and launcher command line, and the task ids of squeue/sacct. */
class JobScriptTest {

    @Test
    void arraySpecListsTheMissingIndicesWithRunsAsRanges() {
        assertEquals("0-3", ArrayIndices.spec(List.of(0, 1, 2, 3)));
        assertEquals("1", ArrayIndices.spec(List.of(1)));
        assertEquals("0-2,5,7-8", ArrayIndices.spec(List.of(0, 1, 2, 5, 7, 8)));
        assertEquals("1,3,5", ArrayIndices.spec(List.of(1, 3, 5)));
        assertThrows(IllegalArgumentException.class, () -> ArrayIndices.spec(List.of(2, 1)));
    }

    @Test
    void scriptLaunchesTheJobOfItsArrayIndexOnThisJavaAndClassPath() {
        SlurmOptions options = new SlurmOptions("gpu", "gpu:1", false, "0:30:00", 2, List.of("--mem=8G"), 5);
        String script = JobScript.render("optbench-adamw", Path.of("/shared/out/slurm/batch-1"),
                "/shared/out/slurm/batch-1/task_%A_%a.out", options);
        List<String> lines = script.lines().toList();
        assertEquals("#!/bin/bash", lines.get(0));
        for (String directive : List.of("--job-name=optbench-adamw", "--output=/shared/out/slurm/batch-1/task_%A_%a.out",
                "--ntasks=1", "--cpus-per-task=2", "--partition=gpu", "--gres=gpu:1", "--time=0:30:00", "--mem=8G")) {
            assertTrue(lines.contains("#SBATCH " + directive), directive + " in\n" + script);
        }
        assertTrue(lines.contains("export OMP_NUM_THREADS=1"), script);
        String exec = lines.stream().filter(l -> l.startsWith("exec ")).findFirst().orElseThrow();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertTrue(exec.startsWith("exec " + java + " -Xmx512m -Dorg.bytedeco.javacpp.cachedir="), exec);
        assertTrue(exec.contains(" -cp "), exec);
        String firstEntry = System.getProperty("java.class.path").split(File.pathSeparator)[0];
        assertTrue(exec.contains(Path.of(firstEntry).toAbsolutePath().toString()), exec);
        // Every setting of the trial travels in its job file, none on the command line.
        assertTrue(exec.endsWith(" org.optbench.harness.cli.Main launch --job-dir /shared/out/slurm/batch-1"
                + " --index \"$SLURM_ARRAY_TASK_ID\""), exec);
        // Only the lines before the command are #SBATCH directives: sbatch stops reading them at the first command.
        int firstCommand = lines.indexOf("set -euo pipefail");
        assertTrue(lines.subList(firstCommand, lines.size()).stream().noneMatch(l -> l.startsWith("#SBATCH")));
    }

    @Test
    void exclusiveAndTheDefaultsGiveNoPartitionGresOrTime() {
        SlurmOptions options = new SlurmOptions(null, null, true, null, 1, null, 5);
        assertEquals(List.of("--ntasks=1", "--cpus-per-task=1", "--exclusive"), options.directives());
    }

    @Test
    void quotingKeepsAWordWhole() {
        assertEquals("/plain/path-1.json", JobScript.quote("/plain/path-1.json"));
        assertEquals("'/with space/it'\\''s'", JobScript.quote("/with space/it's"));
    }

    @Test
    void taskIdsOfAnArrayJob() {
        assertEquals(3, SlurmClient.arrayIndex("12_3", "12"));
        assertEquals(null, SlurmClient.arrayIndex("12_[4-7]", "12"));
        assertEquals(null, SlurmClient.arrayIndex("123_3", "12"));
        assertTrue(new TaskState("CANCELLED by 0", "0:15").terminal());
        assertTrue(new TaskState("TIMEOUT", "0:0").terminal());
        assertTrue(!new TaskState("RUNNING", "0:0").terminal());
    }
}
