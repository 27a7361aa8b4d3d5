package io.oteldoctor.diagnosis;

import io.oteldoctor.signature.Endpoint;
import io.oteldoctor.signature.Origin;
import io.oteldoctor.signature.Transport;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the log tells about one component as a whole: its endpoint, how its exports failed
 * (retrying, dropped, rejected) and samples of failure lines no rule explained.
 */
public record ComponentState(String component, String kind, Origin origin, Transport transport, Set<String> signals,
                             Endpoint endpoint, Set<String> addresses, long failures, long retrying, long dropped,
                             long rejected, long permanent, long retriesExhausted, Instant firstFailure, Instant lastFailure,
                             List<EvidenceLine> failureSamples, List<String> failureErrors) {

    public ComponentState {
        signals = Set.copyOf(signals);
        addresses = Set.copyOf(addresses);
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

    public long getRetriesExhausted() {
        return retriesExhausted;
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
