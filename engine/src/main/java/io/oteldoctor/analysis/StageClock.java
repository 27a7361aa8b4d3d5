package io.oteldoctor.analysis;

import io.oteldoctor.report.Report;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Adds up where one analysis spends its time. Parsing and the rules run inside the scan loop (a
 * record is handled as soon as it is complete), so scan time is what remains of the reading time
 * once their time is taken out. Only candidate records are timed, a few per cent of the lines, so
 * the clock itself costs next to nothing.
 */
final class StageClock {

    private final long started = System.nanoTime();
    private long reading;
    private long otherScanning;
    private long parse;
    private long otherParse;
    private long rules;
    private long ranking;

    void reading(long nanos) {
        reading += nanos;
    }

    /** Time the reading thread spent waiting for worker threads: neither scanning nor anything else. */
    void waited(long nanos) {
        reading -= nanos;
    }

    /** Scanning done by another thread alongside the reading on this one. */
    void otherScanning(long nanos) {
        otherScanning += nanos;
    }

    void parse(long nanos) {
        parse += nanos;
    }

    /** Parsing done by another thread: not part of this thread's reading time. */
    void otherParse(long nanos) {
        otherParse += nanos;
    }

    void rules(long nanos) {
        rules += nanos;
    }

    void ranking(long nanos) {
        ranking += nanos;
    }

    long elapsedNanos() {
        return System.nanoTime() - started;
    }

    Report.Stats stats(long candidates, long signals, long lines, long bytes, int threads) {
        long elapsed = elapsedNanos();
        double seconds = Math.max(elapsed, 1) / 1e9;
        long scan = Math.max(0, reading - parse - rules) + otherScanning;
        return new Report.Stats(candidates, signals, elapsed / 1_000_000, lines, bytes, Math.round(lines / seconds),
                Math.round(bytes / seconds / (1 << 20) * 10) / 10.0, peakHeap(), threads,
                new Report.StageMillis(scan / 1_000_000, (parse + otherParse) / 1_000_000, rules / 1_000_000, ranking / 1_000_000));
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
