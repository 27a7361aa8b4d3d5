package io.oteldoctor.follow;

import io.oteldoctor.diagnosis.Diagnosis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns successive rankings of a group into events: a problem opens when a diagnosis appears,
 * changes when its rank or confidence moves, and resolves when no evidence for it has come for the
 * quiet period or the ranking drops it.
 */
final class ProblemTracker {

    /** Smaller moves in confidence are noise from a few more or fewer lines in the window. */
    static final double CONFIDENCE_STEP = 0.05;

    private final Duration quiet;
    private final Supplier<DiagnosisEvent.Input> input;
    private final Map<String, Problem> open = new LinkedHashMap<>();
    /** When each problem last had new evidence; kept while its group's window still holds it. */
    private final Map<String, Activity> activity = new LinkedHashMap<>();

    private record Problem(String group, Diagnosis diagnosis) {
    }

    private record Activity(String group, long occurrences, Instant at) {
    }

    ProblemTracker(Duration quiet, Supplier<DiagnosisEvent.Input> input) {
        this.quiet = quiet;
        this.input = input;
    }

    /** A new ranking of one group. */
    List<DiagnosisEvent> update(String group, List<Diagnosis> diagnoses, Instant now) {
        List<DiagnosisEvent> events = new ArrayList<>();
        Set<String> present = new HashSet<>();
        Set<String> ranked = new HashSet<>();
        for (Diagnosis d : diagnoses) {
            String id = DiagnosisEvent.idOf(group, d.component(), d.cause());
            ranked.add(id);
            Instant active = lastActive(id, group, d, now);
            if (isQuiet(active, now)) {
                continue;
            }
            present.add(id);
            Problem before = open.put(id, new Problem(group, d));
            if (before == null) {
                events.add(event(DiagnosisEvent.Kind.OPENED, id, group, d, null, null, now));
            } else if (before.diagnosis.rank() != d.rank()
                    || Math.abs(before.diagnosis.confidence() - d.confidence()) >= CONFIDENCE_STEP) {
                events.add(event(DiagnosisEvent.Kind.CHANGED, id, group, d,
                        new DiagnosisEvent.Previous(before.diagnosis.rank(), before.diagnosis.confidence()), null, now));
            } else {
                // keep what was announced, so creeping drift still adds up to a change
                open.put(id, before);
            }
        }
        for (Iterator<Map.Entry<String, Problem>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Problem> e = it.next();
            if (e.getValue().group.equals(group) && !present.contains(e.getKey())) {
                it.remove();
                Activity a = activity.get(e.getKey());
                String reason = a == null || isQuiet(a.at, now) ? "quiet" : "explained";
                events.add(event(DiagnosisEvent.Kind.RESOLVED, e.getKey(), group, e.getValue().diagnosis, null, reason, now));
            }
        }
        activity.entrySet().removeIf(e -> e.getValue().group.equals(group) && !ranked.contains(e.getKey())
                && !open.containsKey(e.getKey()));
        return events;
    }

    /** Problems whose evidence stopped for the quiet period, whether or not their group was ranked again. */
    List<DiagnosisEvent> expire(Instant now) {
        List<DiagnosisEvent> events = new ArrayList<>();
        for (Iterator<Map.Entry<String, Problem>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Problem> e = it.next();
            Activity a = activity.get(e.getKey());
            if (a != null && isQuiet(a.at, now)) {
                it.remove();
                events.add(event(DiagnosisEvent.Kind.RESOLVED, e.getKey(), e.getValue().group, e.getValue().diagnosis, null,
                        "quiet", now));
            }
        }
        return events;
    }

    /** The problems open now, best first within each group. */
    List<Diagnosis> open(String group) {
        List<Diagnosis> out = new ArrayList<>();
        for (Problem p : open.values()) {
            if (p.group.equals(group)) {
                out.add(p.diagnosis);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Diagnosis::rank));
        return out;
    }

    int openCount() {
        return open.size();
    }

    /**
     * The log's own time of the newest evidence when it has one; otherwise the moment the count of
     * matching lines last grew.
     */
    private Instant lastActive(String id, String group, Diagnosis d, Instant now) {
        Activity before = activity.get(id);
        Instant at;
        if (d.lastSeen() != null) {
            at = d.lastSeen();
        } else if (before == null || d.occurrences() > before.occurrences) {
            at = now;
        } else {
            at = before.at;
        }
        activity.put(id, new Activity(group, d.occurrences(), at));
        return at;
    }

    private boolean isQuiet(Instant lastActive, Instant now) {
        return Duration.between(lastActive, now).compareTo(quiet) > 0;
    }

    private DiagnosisEvent event(DiagnosisEvent.Kind kind, String id, String group, Diagnosis d, DiagnosisEvent.Previous previous,
                                 String reason, Instant now) {
        return new DiagnosisEvent(DiagnosisEvent.SCHEMA, kind, id, now, group, d.component(), d.cause(), d.rank(),
                d.confidence(), previous, reason, d, input.get());
    }
}
