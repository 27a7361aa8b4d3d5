package io.oteldoctor.diagnosis;

import java.util.Collection;

/**
 * The arithmetic behind ranking, kept out of the rules so it can be tested and calibrated on
 * its own. The rules decide which evidence supports which hypothesis; this decides how much.
 */
public final class Scoring {

    /** Readings at or above this weight name their cause on their own. */
    public static final double SPECIFIC = 0.8;

    /** A cause this sure of itself can make a full queue on the same component its consequence. */
    public static final double ROOT_CAUSE_CONFIDENCE = 0.5;

    /** Support given to an export failure that no signature explains: real, but of unknown cause. */
    public static final double UNEXPLAINED_SUPPORT = 0.6;

    /** Lines a log must go on after a passing warning for the warning to count as resolved. */
    public static final int QUIET_LINES = 5;

    /** Hypotheses below this confidence are not reported. */
    public static final double REPORT_THRESHOLD = 0.15;

    private Scoring() {
    }

    /**
     * Combines independent readings: the chance that at least one of them is right. Repetitions
     * of one reading are one reading (a retry loop logs the same line every few seconds), so
     * counts do not enter.
     */
    public static double support(Collection<? extends Number> weights) {
        double miss = 1.0;
        for (Number w : weights) {
            miss *= 1.0 - clamp(w.doubleValue());
        }
        return 1.0 - miss;
    }

    /**
     * Confidence for one cause of a component: its own support, discounted by how much of the
     * component's total support competing causes hold. A unique signature alone keeps its
     * weight; an ambiguous one shared three ways drops well below it.
     */
    public static double confidence(double support, double totalSupportOfComponent) {
        if (support <= 0) {
            return 0;
        }
        double share = support / Math.max(support, totalSupportOfComponent);
        return round(clamp(support * Math.sqrt(share)));
    }

    /** Whether two address sets share a host:port (or a bare host). */
    public static boolean overlaps(java.util.Set<String> a, java.util.Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** Seconds between two instants; 0 when either is unknown. */
    public static long spanSeconds(java.time.Instant first, java.time.Instant last) {
        return first == null || last == null ? 0 : java.time.Duration.between(first, last).getSeconds();
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
