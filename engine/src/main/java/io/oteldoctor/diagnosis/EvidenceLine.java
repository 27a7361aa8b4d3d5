package io.oteldoctor.diagnosis;

import java.time.Instant;

/** One cited log line: where it is and what it says (secrets already masked). */
public record EvidenceLine(String source, long line, Instant timestamp, String text) {
}
