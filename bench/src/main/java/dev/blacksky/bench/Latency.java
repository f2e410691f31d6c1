package dev.blacksky.bench;

import java.util.Arrays;

/** Mean, median and 99th percentile of durations given in nanoseconds, reported in microseconds. */
record Latency(int count, double meanUs, double p50Us, double p99Us) {

    /** Summarises the first {@code size} values; percentiles are nearest-rank on a sorted copy. */
    static Latency of(long[] nanos, int size) {
        if (size == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Latency(size, sum / size / 1e3, rank(sorted, 0.50) / 1e3, rank(sorted, 0.99) / 1e3);
    }

    private static long rank(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
