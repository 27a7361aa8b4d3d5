package io.oteldoctor.follow;

import io.oteldoctor.diagnosis.Diagnosis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One change in what follow mode believes. Its JSON form is public API, versioned by
 * {@link #SCHEMA} and documented in docs/follow.md.
 *
 * @param id         stable for a (group, component, cause): the same problem keeps its id across
 *                   changes, resolution, reopening and restarts
 * @param time       the event time at which the change was seen (the log's own clock)
 * @param previous   for {@code changed}: the rank and confidence before
 * @param reason     for {@code resolved}: {@code quiet} (no evidence for the quiet period) or
 *                   {@code explained} (the ranking no longer supports it)
 * @param diagnosis  the diagnosis as in the batch report; for {@code resolved}, the last one held
 * @param input      line accounting of the whole stream so far
 */
public record DiagnosisEvent(String schema, Kind event, String id, Instant time, String group, String component,
                             String cause, int rank, double confidence, Previous previous, String reason,
                             Diagnosis diagnosis, Input input) {

    public static final String SCHEMA = "otel-doctor/event/1";

    public enum Kind {
        OPENED, CHANGED, RESOLVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The id: JSON writes an enum as its text, and the schema names events in lower case. */
        @Override
        public String toString() {
            return id();
        }
    }

    public record Previous(int rank, double confidence) {
    }

    /** Every line read so far is parsed, skipped or unrecognized; late lines are among the parsed ones. */
    public record Input(long read, long parsed, long skipped, long unrecognized, long late) {
    }

    public static String idOf(String group, String component, String cause) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((group + '\u0000' + component + '\u0000' + cause).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
