package io.oteldoctor.diagnosis;

import java.time.Instant;
import java.util.List;

/**
 * One ranked answer: a cause for a component, how sure we are, the lines that show it, and what
 * to do about it.
 *
 * @param rank          1 for the most likely problem in its group
 * @param consequenceOf the cause on the same component this one follows from, or null
 * @param occurrences   matching records in all (the evidence lists only a few)
 * @param alternatives  other causes the same evidence could mean for this component, weaker
 * @param unexplainedError for {@code unknown}: the error as logged
 */
public record Diagnosis(int rank, String cause, String title, double confidence, String component, String componentKind,
                        List<String> signals, String endpoint, String summary, List<CitedEvidence> evidence,
                        long occurrences, Instant firstSeen, Instant lastSeen, String fix, String why, String check,
                        List<NextError> next, List<Alternative> alternatives, String consequenceOf, List<String> notes,
                        String unexplainedError, String docs) {

    /** A competing reading and what would settle it. */
    public record Alternative(String cause, double confidence, String tellApart) {
    }

    /** A cited line with what its rule says and how often that rule matched. */
    public record CitedEvidence(String source, long line, Instant timestamp, String text, String rule, String means,
                                long count, Instant firstSeen, Instant lastSeen) {
    }
}
