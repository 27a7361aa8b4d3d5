package io.oteldoctor.analysis;

import io.oteldoctor.signature.Signal;

/**
 * What one candidate record comes to once parsed: the group it belongs to, and its signal when
 * the rules have something to look at in it.
 *
 * @param recognized false for a record no layout could read
 * @param group      the record's group, null when not recognized
 * @param signal     null when the record reports nothing the rules test
 */
record Reading(boolean recognized, String group, Signal signal) {

    static final Reading UNRECOGNIZED = new Reading(false, null, null);

    /** This reading for a one-line record of the same shape at another line and time. */
    Reading at(long line, java.time.Instant timestamp) {
        return signal == null ? this : new Reading(recognized, group, signal.at(line, line, timestamp));
    }

    /** The same reading for a record {@code lines} further down its file. */
    Reading shifted(long lines) {
        return signal == null || lines == 0 ? this : new Reading(recognized, group, signal.shifted(lines));
    }
}
