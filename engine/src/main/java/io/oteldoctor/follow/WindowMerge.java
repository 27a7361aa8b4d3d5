package io.oteldoctor.follow;

import io.oteldoctor.diagnosis.ComponentState;
import io.oteldoctor.diagnosis.Evidence;
import io.oteldoctor.diagnosis.EvidenceLine;
import io.oteldoctor.signature.Endpoint;
import io.oteldoctor.signature.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the slices of a window (oldest first) into the same facts a batch run would have made from
 * those lines: one Evidence per (component, rule) and one ComponentState per component.
 */
final class WindowMerge {

    static final int MAX_SAMPLES = 3;
    static final int MAX_ADDRESSES = 16;

    private WindowMerge() {
    }

    static List<Evidence> evidence(List<List<Evidence>> slices) {
        Map<String, Evidence> merged = new LinkedHashMap<>();
        for (List<Evidence> slice : slices) {
            for (Evidence e : slice) {
                merged.merge(e.getComponent() + "\u0000" + e.getRule(), e, WindowMerge::merge);
            }
        }
        return new ArrayList<>(merged.values());
    }

    static List<ComponentState> components(List<List<ComponentState>> slices) {
        Map<String, ComponentState> merged = new LinkedHashMap<>();
        for (List<ComponentState> slice : slices) {
            for (ComponentState c : slice) {
                merged.merge(c.component(), c, WindowMerge::merge);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static Evidence merge(Evidence older, Evidence newer) {
        List<EvidenceLine> samples = new ArrayList<>(older.getSamples());
        if (samples.size() >= MAX_SAMPLES) {
            samples.remove(samples.size() - 1);
        }
        List<EvidenceLine> newest = newer.getSamples();
        if (!newest.isEmpty()) {
            samples.add(newest.get(newest.size() - 1));
        }
        return new Evidence(older.getComponent(), older.getCause(), older.getRule(), older.getSignature(), older.getWeight(),
                older.getCount() + newer.getCount(), min(older.getFirstSeen(), newer.getFirstSeen()),
                max(older.getLastSeen(), newer.getLastSeen()), Math.max(older.getLastLine(), newer.getLastLine()), samples,
                newer.getOrigin(), union(older.getAddresses(), newer.getAddresses()), older.getMeans(), older.getTellApart(),
                null);
    }

    private static ComponentState merge(ComponentState older, ComponentState newer) {
        List<EvidenceLine> samples = new ArrayList<>(older.failureSamples());
        List<String> errors = new ArrayList<>(older.failureErrors());
        for (int i = 0; i < newer.failureErrors().size() && samples.size() < MAX_SAMPLES; i++) {
            if (!errors.contains(newer.failureErrors().get(i))) {
                errors.add(newer.failureErrors().get(i));
                samples.add(newer.failureSamples().get(i));
            }
        }
        Map<String, ComponentState.Observation> observations = new LinkedHashMap<>(older.observations());
        newer.observations().forEach((what, o) -> observations.merge(what, o, (a, b) -> b.isAfter(a) ? b : a));
        Set<String> signals = new LinkedHashSet<>(older.signals());
        signals.addAll(newer.signals());
        return new ComponentState(older.component(), older.kind(), older.origin(),
                older.transport() == Transport.UNKNOWN ? newer.transport() : older.transport(), signals,
                Endpoint.mostSpecific(older.endpoint(), newer.endpoint()), union(older.addresses(), newer.addresses()),
                older.failures() + newer.failures(), older.retrying() + newer.retrying(), older.dropped() + newer.dropped(),
                older.rejected() + newer.rejected(), older.permanent() + newer.permanent(),
                older.retriesExhausted() + newer.retriesExhausted(), min(older.firstFailure(), newer.firstFailure()),
                max(older.lastFailure(), newer.lastFailure()), samples, errors, observations);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        for (String s : b) {
            if (out.size() >= MAX_ADDRESSES) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
