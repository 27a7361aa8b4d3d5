package io.oteldoctor.diagnosis;

import io.oteldoctor.signature.Endpoint;
import io.oteldoctor.signature.Origin;
import io.oteldoctor.signature.Transport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the log tells about one component as a whole: its endpoint, how its exports failed
 * (retrying, dropped, rejected) and samples of failure lines no rule explained.
 */
public record ComponentState(String component, String kind, Origin origin, Transport transport, Set<String> signals,
                             Endpoint endpoint, Set<String> addresses, long failures, long retrying, long dropped,
                             long rejected, long permanent, long retriesExhausted, Instant firstFailure, Instant lastFailure,
                             List<EvidenceLine> failureSamples, List<String> failureErrors,
                             Map<String, Observation> observations) {

    /** When a state change was last seen: its time if the log has one, and its line. */
    public record Observation(Instant at, long line) {

        public boolean isAfter(Observation other) {
            if (at != null && other.at != null) {
                return at.isAfter(other.at);
            }
            return line > other.line;
        }
    }

    public ComponentState {
        // ordered copies: Map.copyOf and Set.copyOf iterate in an order that changes from run to run
        observations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(observations));
        signals = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(signals)); // in the order first seen
        addresses = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(addresses));
        failureSamples = List.copyOf(failureSamples);
        failureErrors = List.copyOf(failureErrors);
    }

    // Getter-style accessors for the rule language.
    public String getComponent() {
        return component;
    }

    public String getKind() {
        return kind;
    }

    public Origin getOrigin() {
        return origin;
    }

    public Transport getTransport() {
        return transport;
    }

    public Set<String> getAddresses() {
        return addresses;
    }

    public long getFailures() {
        return failures;
    }

    public long getRetrying() {
        return retrying;
    }

    public long getDropped() {
        return dropped;
    }

    public long getRejected() {
        return rejected;
    }

    /** Whether {@code what} was observed after the given time (or, without times, after the given line). */
    public boolean observedAfter(String what, Instant time, long line) {
        Observation o = observations.get(what);
        if (o == null) {
            return false;
        }
        return o.isAfter(new Observation(time, line));
    }

    /** The component's own exports failed (not just a processor passing an error on). */
    public boolean isExportFailing() {
        return retrying + dropped + rejected > 0;
    }

    /** Data is still being handed to the exporter while it fails: what fills a sending queue. */
    public boolean isStillReceivingWhileFailing() {
        return retrying > 1 || retrying > 0 && (dropped > 0 || rejected > 0);
    }
}
