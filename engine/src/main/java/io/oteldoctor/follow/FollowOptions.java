package io.oteldoctor.follow;

import io.oteldoctor.analysis.GroupBy;
import io.oteldoctor.ingest.InputFormat;
import java.time.Duration;

/**
 * @param quiet       a problem with no new evidence for this long is resolved; at most the window
 * @param reorder     how long after a slice of event time ends lines for it are still filed in it;
 *                    later ones count as late and go to the oldest open slice
 * @param groupBy     how problems are grouped: one group for the whole stream, per source, or per host
 * @param inputFormat the layout of every line, or null to detect it per line
 * @param perLine     every line is a whole record (log shippers frame messages themselves), so it is
 *                    accounted for as soon as it is read, never held back for continuation lines
 */
public record FollowOptions(Duration quiet, Duration reorder, GroupBy groupBy, InputFormat inputFormat, boolean perLine) {

    public static final Duration DEFAULT_QUIET = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REORDER = Duration.ofSeconds(5);

    public FollowOptions {
        if (quiet.isNegative() || quiet.isZero() || quiet.compareTo(Follower.WINDOW) > 0) {
            throw new IllegalArgumentException("the quiet period must be more than 0 and at most the "
                    + Follower.WINDOW.toMinutes() + "-minute window, is " + quiet);
        }
        if (reorder.isNegative() || reorder.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the reorder allowance must be between 0 and 1 minute, is " + reorder);
        }
    }

    public static FollowOptions defaults() {
        return new FollowOptions(DEFAULT_QUIET, DEFAULT_REORDER, GroupBy.NONE, null, false);
    }

    public FollowOptions withQuiet(Duration q) {
        return new FollowOptions(q, reorder, groupBy, inputFormat, perLine);
    }

    public FollowOptions withGroupBy(GroupBy g) {
        return new FollowOptions(quiet, reorder, g, inputFormat, perLine);
    }

    public FollowOptions withInputFormat(InputFormat f) {
        return new FollowOptions(quiet, reorder, groupBy, f, perLine);
    }

    public FollowOptions withPerLine(boolean on) {
        return new FollowOptions(quiet, reorder, groupBy, inputFormat, on);
    }
}
