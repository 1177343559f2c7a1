package vn.binhdan.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; percentiles by the nearest-rank method. */
final class Stats {

    private long[] samples = new long[1024];
    private int n;

    void add(long nanos) {
        if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
        }
        samples[n++] = nanos;
    }

    void addAll(Stats other) {
        for (int i = 0; i < other.n; i++) {
            add(other.samples[i]);
        }
    }

    int count() {
        return n;
    }

    /** The p-th percentile (0 &lt; p ≤ 100) in milliseconds. */
    double pct(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    double max() {
        return pct(100);
    }

    double mean() {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += samples[i];
        }
        return n == 0 ? Double.NaN : sum / 1e6 / n;
    }
}
