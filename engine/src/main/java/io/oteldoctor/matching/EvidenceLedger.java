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
    /** Raw error texts a component remembers having normalised; past this they are normalised each time. */
    static final int MAX_REMEMBERED_ERRORS = 256;
    static final String OVERFLOW_COMPONENT = "(other components)";

    private final Map<String, SignatureRule> rules = new LinkedHashMap<>();
    private final Map<String, Map<String, ComponentTally>> groups = new LinkedHashMap<>();

    public EvidenceLedger(List<SignatureRule> signatureRules) {
        for (SignatureRule r : signatureRules) {
            rules.put(r.name(), r);
            recordEntries.put(r.name(), new Entry(Entry.Kind.RECORD, r.name()));
        }
    }

    /** Called by a signature rule whose condition holds for {@code signal}. */
    public void record(String ruleName, Signal signal) {
        Entry entry = recordEntries.get(ruleName);
        if (entry == null) {
            throw new IllegalStateException("rule '" + ruleName + "' records evidence but is not a signature rule");
        }
        tell(signal, entry);
    }

    /** Called by the envelope rule for every record that reports a failed export. */
    public void failure(Signal signal) {
        tell(signal, Entry.FAILURE);
    }

    /**
     * Called by rules that note a state change rather than a failure (a memory limiter back
     * within limits): the ranking rules weigh failures against what happened after them.
     */
    public void observe(String what, Signal signal) {
        tell(signal, observeEntries.computeIfAbsent(what, w -> new Entry(Entry.Kind.OBSERVE, w)));
    }

    /**
     * What one rule told the ledger about one signal. A signal's entries are applied in their
     * natural order, never in the order rules happened to fire, so the ledger's contents do not
     * depend on how a build of the rules orders its agenda.
     */
    public record Entry(Kind kind, String name) implements Comparable<Entry> {

        enum Kind { FAILURE, OBSERVE, RECORD }

        static final Entry FAILURE = new Entry(Kind.FAILURE, "");

        @Override
        public int compareTo(Entry o) {
            int k = kind.compareTo(o.kind);
            return k != 0 ? k : name.compareTo(o.name);
        }
    }

    /** An entry told while entries are being captured, with the signal it is about. */
    record Captured(Signal signal, Entry entry) {
    }

    private final Map<String, Entry> recordEntries = new java.util.HashMap<>();
    private final Map<String, Entry> observeEntries = new java.util.HashMap<>();
    private List<Captured> capture;

    /**
     * While {@code into} is not null, entries are added to it instead of being applied; the
     * caller applies them per signal, in input order, with {@link #apply}.
     */
    void capture(List<Captured> into) {
        this.capture = into;
    }

    private void tell(Signal signal, Entry entry) {
        if (capture != null) {
            capture.add(new Captured(signal, entry));
        } else {
            apply(signal, entry);
        }
    }

    /** Applies what the rules said about {@code signal}, in the given order. */
    void apply(Signal signal, List<Entry> entries) {
        for (Entry e : entries) {
            apply(signal, e);
        }
    }

    private void apply(Signal signal, Entry entry) {
        ComponentTally c = component(signal);
        c.see(signal);
        switch (entry.kind()) {
            case FAILURE -> c.fail(signal);
            case OBSERVE -> c.observations.merge(entry.name(),
                    new ComponentState.Observation(signal.getTimestamp(), signal.getLine()), (a, b) -> b.isAfter(a) ? b : a);
            case RECORD -> c.rules.computeIfAbsent(entry.name(), k -> new RuleTally(rules.get(k))).add(signal);
        }
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

    /** The text with every run of digits replaced by one '#': lines that differ only in numbers compare equal. */
    static String normalised(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        boolean inDigits = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            boolean digit = ch >= '0' && ch <= '9';
            if (digit && out == null) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null && !(digit && inDigits)) {
                out.append(digit ? '#' : ch);
            }
            inDigits = digit;
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code normalised(text)} equals {@code normalised}, without building it: most lines of a rule do. */
    static boolean normalisesTo(String text, String normalised) {
        int j = 0;
        boolean inDigits = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            boolean digit = ch >= '0' && ch <= '9';
            if (digit && inDigits) {
                continue;
            }
            inDigits = digit;
            if (j >= normalised.length() || normalised.charAt(j) != (digit ? '#' : ch)) {
                return false;
            }
            j++;
        }
        return j == normalised.length();
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
        /** Error texts already normalised into {@link #seenErrors}, as they came. */
        private final Set<String> seenRaw = new java.util.HashSet<>();
        String lastError;
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

        /**
         * Whether no error seen before normalises as this one does. A log that alternates between a few
         * errors offers the same texts again and again; those are known without normalising them anew.
         */
        private boolean firstSight(String error) {
            if (error != null && seenRaw.contains(error)) {
                return false;
            }
            if (error != null && seenRaw.size() < MAX_REMEMBERED_ERRORS) {
                seenRaw.add(error);
            }
            return seenErrors.add(normalised(error));
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
            if (failureSamples.size() < MAX_FAILURE_SAMPLES && !java.util.Objects.equals(error, lastError) && firstSight(error)) {
                failureSamples.add(new EvidenceLine(s.getSource(), s.getLine(), s.getTimestamp(), s.getText()));
                failureErrors.add(io.oteldoctor.signature.SecretMasker.mask(error.strip()));
            }
            lastError = error;
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
        String firstNormalised;
        EvidenceLine secondLine;
        EvidenceLine lastLine;
        Origin origin;
        final Set<String> addresses = new LinkedHashSet<>();

        RuleTally(SignatureRule rule) {
            this.rule = rule;
        }

        void add(Signal s) {
            count++;
            // where the record ends: a gRPC address dump or a stack trace is not the log going on after it
            lastLineNo = Math.max(lastLineNo, Math.max(s.getLine(), s.getLastLine()));
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
                firstNormalised = normalised(line.text());
            } else if (secondLine == null && !line.text().equals(firstLine.text()) && !normalisesTo(line.text(), firstNormalised)) {
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
