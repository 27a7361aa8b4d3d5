package io.oteldoctor.matching;

import io.oteldoctor.diagnosis.ComponentState;
import io.oteldoctor.diagnosis.Evidence;
import io.oteldoctor.diagnosis.EvidenceLine;
import io.oteldoctor.signature.Endpoint;
import io.oteldoctor.signature.Origin;
import io.oteldoctor.signature.RetryVerdict;
import io.oteldoctor.signature.Signal;
import io.oteldoctor.signature.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where signature rules write what they matched: one tally per (group, component, rule) with a
 * count, first and last time and a few sample lines. Memory depends on how many distinct
 * components and rules appear, never on how many lines matched.
 */
public final class EvidenceLedger {

    static final int MAX_COMPONENTS_PER_GROUP = 500;
    static final int MAX_ADDRESSES = 16;
    static final int MAX_FAILURE_SAMPLES = 3;
    static final String OVERFLOW_COMPONENT = "(other components)";

    private final Map<String, SignatureRule> rules = new LinkedHashMap<>();
    private final Map<String, Map<String, ComponentTally>> groups = new LinkedHashMap<>();

    public EvidenceLedger(List<SignatureRule> signatureRules) {
        for (SignatureRule r : signatureRules) {
            rules.put(r.name(), r);
        }
    }

    /** Called by a signature rule whose condition holds for {@code signal}. */
    public void record(String ruleName, Signal signal) {
        SignatureRule rule = rules.get(ruleName);
        if (rule == null) {
            throw new IllegalStateException("rule '" + ruleName + "' records evidence but is not a signature rule");
        }
        ComponentTally c = component(signal);
        c.see(signal);
        c.rules.computeIfAbsent(ruleName, k -> new RuleTally(rule)).add(signal);
    }

    /** Called by the envelope rule for every record that reports a failed export. */
    public void failure(Signal signal) {
        ComponentTally c = component(signal);
        c.see(signal);
        c.fail(signal);
    }

    /**
     * Called by rules that note a state change rather than a failure (a memory limiter back
     * within limits): the ranking rules weigh failures against what happened after them.
     */
    public void observe(String what, Signal signal) {
        ComponentTally c = component(signal);
        c.see(signal);
        c.observations.merge(what, new ComponentState.Observation(signal.getTimestamp(), signal.getLine()),
                (a, b) -> b.isAfter(a) ? b : a);
    }

    public Set<String> groups() {
        return groups.keySet();
    }

    public List<Evidence> evidence(String group) {
        List<Evidence> out = new ArrayList<>();
        for (ComponentTally c : groups.getOrDefault(group, Map.of()).values()) {
            for (RuleTally t : c.rules.values()) {
                out.add(t.toEvidence(c.name));
            }
        }
        return out;
    }

    public List<ComponentState> components(String group) {
        List<ComponentState> out = new ArrayList<>();
        for (ComponentTally c : groups.getOrDefault(group, Map.of()).values()) {
            out.add(c.toState());
        }
        return out;
    }

    private ComponentTally component(Signal s) {
        Map<String, ComponentTally> byName = groups.computeIfAbsent(s.getGroup() == null ? "" : s.getGroup(),
                g -> new LinkedHashMap<>());
        String name = componentName(s);
        ComponentTally c = byName.get(name);
        if (c == null) {
            if (byName.size() >= MAX_COMPONENTS_PER_GROUP) {
                name = OVERFLOW_COMPONENT;
                c = byName.get(name);
            }
            if (c == null) {
                c = new ComponentTally(name, s.getComponentKind(), s.getOrigin());
                byName.put(name, c);
            }
        }
        return c;
    }

    /** gRPC core lines name an address, not a component; the ranking rules attribute them later. */
    static String componentName(Signal s) {
        if (s.getComponent() != null && !(s.getOrigin() == Origin.GRPC_CORE)) {
            return s.getComponent();
        }
        if (s.getOrigin() == Origin.GRPC_CORE) {
            Endpoint ep = s.getEndpoint();
            String target = ep != null && ep.hostPort() != null ? ep.hostPort()
                    : s.getAddresses().isEmpty() ? "?" : s.getAddresses().iterator().next();
            return "grpc client -> " + target;
        }
        return s.getOrigin() == Origin.OTHER ? "(unattributed)" : s.getOrigin().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String normalised(String error) {
        return error == null ? "" : error.replaceAll("[0-9]+", "#");
    }

    private static final class ComponentTally {
        final String name;
        final String kind;
        final Origin origin;
        final Map<String, RuleTally> rules = new LinkedHashMap<>();
        Transport transport = Transport.UNKNOWN;
        final Set<String> signals = new LinkedHashSet<>();
        final Set<String> addresses = new LinkedHashSet<>();
        Endpoint endpoint;
        long failures;
        long retrying;
        long dropped;
        long rejected;
        long permanent;
        long exhausted;
        Instant firstFailure;
        Instant lastFailure;
        final List<EvidenceLine> failureSamples = new ArrayList<>();
        final List<String> failureErrors = new ArrayList<>();
        final Set<String> seenErrors = new LinkedHashSet<>();
        final Map<String, ComponentState.Observation> observations = new LinkedHashMap<>();

        ComponentTally(String name, String kind, Origin origin) {
            this.name = name;
            this.kind = kind;
            this.origin = origin;
        }

        void see(Signal s) {
            if (transport == Transport.UNKNOWN) {
                transport = s.getTransport();
            }
            if (s.getSignalType() != null) {
                signals.add(s.getSignalType());
            }
            for (String a : s.getAddresses()) {
                if (addresses.size() < MAX_ADDRESSES) {
                    addresses.add(a);
                }
            }
            endpoint = Endpoint.mostSpecific(endpoint, s.getEndpoint());
        }

        void fail(Signal s) {
            failures++;
            switch (s.getEnvelope()) {
                case RETRYING -> retrying++;
                case DROPPED -> dropped++;
                case REJECTED -> rejected++;
                default -> {
                }
            }
            if (s.getVerdict() == RetryVerdict.PERMANENT) {
                permanent++;
            } else if (s.getVerdict() == RetryVerdict.NO_MORE_RETRIES) {
                exhausted++;
            }
            Instant t = s.getTimestamp();
            if (t != null) {
                firstFailure = firstFailure == null || t.isBefore(firstFailure) ? t : firstFailure;
                lastFailure = lastFailure == null || t.isAfter(lastFailure) ? t : lastFailure;
            }
            String error = s.getErrorText() == null || s.getErrorText().isBlank() ? s.getMessage() : s.getErrorText();
            if (failureSamples.size() < MAX_FAILURE_SAMPLES && seenErrors.add(normalised(error))) {
                failureSamples.add(new EvidenceLine(s.getSource(), s.getLine(), s.getTimestamp(), s.getText()));
                failureErrors.add(io.oteldoctor.signature.SecretMasker.mask(error.strip()));
            }
        }

        ComponentState toState() {
            return new ComponentState(name, kind, origin, transport, signals, endpoint, addresses, failures, retrying, dropped,
                    rejected, permanent, exhausted, firstFailure, lastFailure, failureSamples, failureErrors, observations);
        }
    }

    private static final class RuleTally {
        final SignatureRule rule;
        long count;
        long lastLineNo;
        Instant first;
        Instant last;
        EvidenceLine firstLine;
        EvidenceLine secondLine;
        EvidenceLine lastLine;
        Origin origin;
        final Set<String> addresses = new LinkedHashSet<>();

        RuleTally(SignatureRule rule) {
            this.rule = rule;
        }

        void add(Signal s) {
            count++;
            lastLineNo = Math.max(lastLineNo, s.getLine());
            origin = s.getOrigin();
            Instant t = s.getTimestamp();
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
            for (String a : s.getAddresses()) {
                if (addresses.size() < MAX_ADDRESSES) {
                    addresses.add(a);
                }
            }
            EvidenceLine line = new EvidenceLine(s.getSource(), s.getLine(), s.getTimestamp(), s.getText());
            if (firstLine == null) {
                firstLine = line;
            } else if (secondLine == null && !normalised(firstLine.text()).equals(normalised(line.text()))) {
                secondLine = line;
            } else {
                lastLine = line;
            }
        }

        Evidence toEvidence(String component) {
            List<EvidenceLine> samples = new ArrayList<>();
            samples.add(firstLine);
            if (secondLine != null) {
                samples.add(secondLine);
            }
            if (lastLine != null) {
                samples.add(lastLine);
            }
            return new Evidence(component, rule.cause(), rule.name(), rule.signature(), rule.weight(), count, first, last,
                    lastLineNo, samples, origin, addresses, rule.means(), rule.tellApart(), null);
        }
    }
}
