package org.optbench.harness.study.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.optbench.api.BadInputException;
import org.optbench.harness.trial.Failures;

/** Slurm's client commands ({@code sbatch}, {@code squeue}, {@code sacct}) as this executor uses them. */
final class SlurmClient {
    /** What a command printed (standard output and error together) and how it exited. */
    record Output(int exitCode, String text) {
    }

    private SlurmClient() {
    }

    /**
     * Submits {@code script} as an array job over {@code arraySpec} and returns the job id.
     *
     * @throws BadInputException when sbatch is missing or refuses the job (a wrong partition, gres, time)
     */
    static String submit(Path script, String arraySpec) {
        Output out = run(List.of("sbatch", "--parsable", "--array=" + arraySpec, script.toString()));
        if (out.exitCode() != 0) {
            throw new BadInputException("sbatch refused the job " + script + ": "
                    + Failures.firstLine(out.text().strip()));
        }
        // --parsable prints "<job id>" or "<job id>;<cluster>".
        String[] lines = out.text().strip().split("\n");
        String id = lines[lines.length - 1].strip().split(";")[0];
        if (!id.matches("\\d+")) {
            throw new IllegalStateException("sbatch --parsable printed '" + out.text().strip() + "', not a job id");
        }
        return id;
    }

    /**
     * The tasks of an array job that the controller still holds as pending or running, by array index, with their
     * state ({@code squeue -r}); empty once the job has left the queue, {@code null} when squeue failed otherwise.
     */
    static Map<Integer, String> queued(String jobId) {
        Output out = run(List.of("squeue", "--noheader", "--array", "--jobs=" + jobId, "--format=%i|%T"));
        if (out.exitCode() != 0) {
            return out.text().contains("Invalid job id") ? Map.of() : null;
        }
        Map<Integer, String> tasks = new LinkedHashMap<>();
        for (String line : out.text().split("\n")) {
            String[] parts = line.strip().split("\\|");
            Integer index = parts.length == 2 ? arrayIndex(parts[0], jobId) : null;
            if (index != null) {
                tasks.put(index, parts[1]);
            }
        }
        return tasks;
    }

    /**
     * The accounting states of an array job's tasks by array index ({@code sacct}); empty when accounting is not
     * available (no slurmdbd) so that the caller goes by the queue and the records alone.
     */
    static Optional<Map<Integer, TaskState>> accounting(String jobId) {
        Output out = run(List.of("sacct", "--noheader", "--allocations", "--parsable2", "--jobs=" + jobId,
                "--format=JobID,State,ExitCode"));
        if (out.exitCode() != 0) {
            return Optional.empty();
        }
        Map<Integer, TaskState> tasks = new LinkedHashMap<>();
        for (String line : out.text().split("\n")) {
            String[] parts = line.strip().split("\\|");
            Integer index = parts.length == 3 ? arrayIndex(parts[0], jobId) : null;
            if (index != null) {
                tasks.put(index, new TaskState(parts[1], parts[2]));
            }
        }
        return Optional.of(tasks);
    }

    /** {@code 12_3} gives 3 for job 12; a pending range such as {@code 12_[4-7]} or another job gives null. */
    static Integer arrayIndex(String taskId, String jobId) {
        String prefix = jobId + "_";
        if (!taskId.startsWith(prefix)) {
            return null;
        }
        String rest = taskId.substring(prefix.length());
        return rest.matches("\\d+") ? Integer.valueOf(rest) : null;
    }

    private static Output run(List<String> command) {
        List<String> argv = new ArrayList<>(command);
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // Read to the end before waiting, so that a full pipe cannot block the command.
            byte[] text = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Output(-1, command.get(0) + " did not answer within 60 s");
            }
            return new Output(process.exitValue(), new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException("cannot run " + command.get(0) + " (" + Failures.firstLine(String.valueOf(e.getMessage()))
                    + "): --executor slurm needs Slurm's client commands on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
