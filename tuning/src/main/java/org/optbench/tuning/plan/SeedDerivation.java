package org.optbench.tuning.plan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Seeds for every study and trial, derived from one experiment seed, the submission name and the workload name, so
 * that a plan is reproducible and no two trials share a seed by accident.
 *
 * <pre>
 *   bytes = "optbench/seed/v1" 0x00
 *           experimentSeed (int64, little-endian)
 *           UTF-8(submission) 0x00  UTF-8(workload) 0x00
 *           study (int32, little-endian)  trial (int32, little-endian)
 *   seed  = splitmix64Finalizer(fnv1a64(bytes)) AND 0x7FFF_FFFF_FFFF_FFFF
 * </pre>
 * FNV-1a 64 (offset basis 0xCBF29CE484222325, prime 0x100000001B3) hashes the bytes; the SplitMix64 finalizer
 * (Steele et al. 2014; the mix of {@link org.optbench.api.Rng}) spreads every input bit over the result; the top bit
 * is cleared so seeds print as non-negative numbers. Trials are numbered from 1, as AlgoPerf's {@code trial_1}
 * directories, so trial 0 names the study itself: {@link #studySeed} is the seed of the study's quasi-random
 * shuffle.
 */
public final class SeedDerivation {
    private static final byte[] TAG = "optbench/seed/v1\0".getBytes(StandardCharsets.UTF_8);

    private SeedDerivation() {
    }

    /** The seed a trial runs with (its data order, initialisation and submission {@code Rng}). */
    public static long trialSeed(long experimentSeed, String submission, String workload, int study, int trial) {
        return derive(experimentSeed, submission, workload, study, trial);
    }

    /** The seed of a study's shuffle of its quasi-random points on a workload. */
    public static long studySeed(long experimentSeed, String submission, String workload, int study) {
        return derive(experimentSeed, submission, workload, study, 0);
    }

    /** The derivation above, for any (study, trial). */
    public static long derive(long experimentSeed, String submission, String workload, int study, int trial) {
        byte[] sub = submission.getBytes(StandardCharsets.UTF_8);
        byte[] work = workload.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(TAG.length + 8 + sub.length + 1 + work.length + 1 + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(TAG).putLong(experimentSeed).put(sub).put((byte) 0).put(work).put((byte) 0).putInt(study)
                .putInt(trial);
        return splitMix64Finalizer(fnv1a64(bytes.array())) & Long.MAX_VALUE;
    }

    /** FNV-1a, 64 bits. */
    static long fnv1a64(byte[] data) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : data) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }

    /** SplitMix64's output mix (Stafford's variant 13). */
    static long splitMix64Finalizer(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
