package org.optbench.workloads.delay;

import org.optbench.api.Rng;

/**
 * Heavy-tailed straggler delays: step t's delay is {@code round(median * exp(sigma * z_t))} steps, z_t standard
 * normal, and an update later than {@code cutoffSteps} is dropped, as a federated server drops a client that misses
 * its deadline. Log-normal because client round-trip times are heavy-tailed: most clients report back soon, a few
 * minutes to days later (Hard et al. 2024, whose Monte Carlo latency simulations this follows in shape; the numbers
 * here are optbench's, set in steps of a short training run rather than in hours).
 *
 * <p>The probability that an update is dropped is {@code 1 - Phi(ln((cutoffSteps + 0.5) / median) / sigma)}.
 *
 * @param medianSteps the median delay, in steps
 * @param sigma the standard deviation of the delay's logarithm
 * @param cutoffSteps the longest delay that still arrives
 * @param seed the seed of the draws: z_t comes from {@code Rng.of(seed).split(t)}
 */
public record LogNormalLatency(double medianSteps, double sigma, int cutoffSteps, long seed) implements LatencyModel {
    /** Checks the parameters. */
    public LogNormalLatency {
        if (!(medianSteps > 0) || !(sigma >= 0) || cutoffSteps < 0) {
            throw new IllegalArgumentException("a log-normal latency needs median > 0, sigma >= 0 and cutoff >= 0; got "
                    + medianSteps + ", " + sigma + ", " + cutoffSteps);
        }
    }

    @Override
    public int delay(long step) {
        double steps = medianSteps * Math.exp(sigma * Rng.of(seed).split(step).nextGaussian());
        long rounded = Math.round(steps);
        return rounded > cutoffSteps ? DROPPED : (int) rounded;
    }

    @Override
    public int maxDelay() {
        return cutoffSteps;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "log-normal, median %s steps, sigma %s, dropped past %d steps",
                trim(medianSteps), trim(sigma), cutoffSteps);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
