package org.optbench.harness.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.optbench.harness.launch.Placement;
import org.optbench.harness.launch.TrialLauncher;
import org.optbench.results.records.TrialRecord;

/**
 * Runs trials on this machine, each in a launched JVM of its own: one after another ({@code jobs} 1), or up to
 * {@code jobs} at once, each pinned to a core of its own so that trials never share one. Trials start in the jobs'
 * order whatever {@code jobs} is, and each trial's seed and settings are its request's, so a study writes the same
 * records with any {@code jobs} (times aside, which the CPU clock keeps apart from what runs beside them).
 */
public final class LocalExecutor implements StudyExecutor {
    private final int jobs;
    private final List<Integer> cpus;

    /**
     * @param jobs how many trials run at once
     * @param cpus the cores to pin them to, one per running trial; empty for no pinning (one trial at a time)
     */
    public LocalExecutor(int jobs, List<Integer> cpus) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        if (!cpus.isEmpty() && cpus.size() < jobs) {
            throw new IllegalArgumentException(jobs + " jobs need as many cores, got " + cpus);
        }
        this.jobs = jobs;
        this.cpus = List.copyOf(cpus);
    }

    /** One trial at a time, unpinned: the old behaviour. */
    public static LocalExecutor sequential() {
        return new LocalExecutor(1, List.of());
    }

    @Override
    public int parallelism() {
        return jobs;
    }

    @Override
    public List<TrialRecord> run(List<TrialJob> toRun, StudyProgress progress) {
        if (jobs == 1 && cpus.isEmpty()) {
            List<TrialRecord> records = new ArrayList<>();
            for (TrialJob job : toRun) {
                records.add(launch(job, Placement.alone(), progress));
            }
            return records;
        }
        BlockingQueue<Integer> freeCpus = new ArrayBlockingQueue<>(Math.max(1, cpus.size()));
        freeCpus.addAll(cpus);
        AtomicInteger running = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "trial-launcher");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialRecord>> futures = new ArrayList<>();
            for (TrialJob job : toRun) {
                futures.add(pool.submit(() -> {
                    Integer cpu = cpus.isEmpty() ? null : freeCpus.take();
                    running.incrementAndGet();
                    try {
                        return launch(job, new Placement(cpu, running::get), progress);
                    } finally {
                        running.decrementAndGet();
                        if (cpu != null) {
                            freeCpus.add(cpu);
                        }
                    }
                }));
            }
            List<TrialRecord> records = new ArrayList<>();
            for (Future<TrialRecord> f : futures) {
                records.add(f.get());
            }
            return records;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trials ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static TrialRecord launch(TrialJob job, Placement placement, StudyProgress progress) {
        TrialRecord record = TrialLauncher.run(job.request(), job.trialDir(),
                progress.trialStarting(job.request()), placement);
        progress.trialFinished(job.request(), record);
        return record;
    }
}
