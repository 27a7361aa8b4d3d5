package io.oteldoctor.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the ranking rules' scored hypotheses into diagnoses: ordered, with the most telling
 * evidence lines, the catalogue's fix made concrete, and what comes next.
 */
public final class DiagnosisAssembler {

    static final int MAX_CITED_RULES = 3;
    static final int MAX_CITED_LINES = 4;

    private final CauseCatalogue catalogue;

    public DiagnosisAssembler(CauseCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public List<Diagnosis> assemble(List<Hypothesis> hypotheses, List<Evidence> evidence, List<ComponentState> components) {
        Map<String, ComponentState> states = new HashMap<>();
        components.forEach(c -> states.put(c.component(), c));
        List<Hypothesis> reported = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            if (h.getConfidence() >= Scoring.REPORT_THRESHOLD) {
                reported.add(h);
            }
        }
        Map<String, Double> rootConfidence = new HashMap<>();
        for (Hypothesis h : reported) {
            rootConfidence.put(h.getComponent() + "\u0000" + h.getCause(), h.getConfidence());
        }
        reported.sort(Comparator.comparingDouble((Hypothesis h) -> -rankingScore(h, rootConfidence))
                .thenComparing(Hypothesis::getComponent).thenComparing(Hypothesis::getCause));
        List<Diagnosis> out = new ArrayList<>();
        int rank = 1;
        for (Hypothesis h : reported) {
            out.add(diagnosis(rank++, h, reported, evidence, states.get(h.getComponent())));
        }
        return out;
    }

    /** A consequence never ranks above the cause it follows from. */
    private static double rankingScore(Hypothesis h, Map<String, Double> rootConfidence) {
        if (h.getConsequenceOf() == null) {
            return h.getConfidence();
        }
        Double root = rootConfidence.get(h.getComponent() + "\u0000" + h.getConsequenceOf());
        return root == null ? h.getConfidence() : Math.min(h.getConfidence(), root - 1e-6);
    }

    private Diagnosis diagnosis(int rank, Hypothesis h, List<Hypothesis> all, List<Evidence> evidence, ComponentState state) {
        CauseEntry entry = catalogue.get(h.getCause());
        List<Evidence> own = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.getComponent().equals(h.getComponent()) && e.getCause().equals(h.getCause())) {
                own.add(e);
            }
        }
        // deterministic: the rule session returns facts in no particular order, and one rule can hold
        // evidence for a component twice (its own lines, and gRPC core lines attributed to it)
        own.sort(Comparator.comparingDouble(Evidence::getWeight).reversed()
                .thenComparing(Comparator.comparingLong(Evidence::getCount).reversed())
                .thenComparing(Evidence::getRule)
                .thenComparing(Evidence::getFirstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Evidence::getLastLine)
                .thenComparing(e -> e.getOrigin().name()));
        List<Diagnosis.CitedEvidence> cited = cite(own, state, h);
        long occurrences = 0;
        Instant first = null;
        Instant last = null;
        Set<String> notes = new LinkedHashSet<>();
        for (Evidence e : own) {
            // several rules usually read the same records: the busiest rule counts them
            occurrences = Math.max(occurrences, e.getCount());
            first = min(first, e.getFirstSeen());
            last = max(last, e.getLastSeen());
            if (e.getAttribution() != null) {
                notes.add(e.getAttribution());
            }
        }
        if (own.isEmpty() && state != null) {
            occurrences = state.failures();
            first = state.firstFailure();
            last = state.lastFailure();
        }
        if (h.getConsequenceOf() != null) {
            notes.add("Follows from the " + h.getConsequenceOf() + " problem on the same component: fix that first.");
        }
        notes.addAll(h.getNotes());
        List<NextError> next = new ArrayList<>();
        Set<String> nextCauses = new LinkedHashSet<>();
        for (NextError n : h.getNext()) {
            if (!n.cause().equals(h.getCause()) && nextCauses.add(n.cause())) {
                next.add(n);
            }
        }
        for (NextError n : entry.next()) {
            if (!n.cause().equals(h.getCause()) && nextCauses.add(n.cause())) {
                next.add(n);
            }
        }
        io.oteldoctor.signature.Endpoint ep = namedEndpoint(state, own);
        String endpoint = ep == null ? null : ep.url() != null ? ep.url() : ep.hostPort();
        // ranking above used the raw confidence; the report states the calibrated one
        return new Diagnosis(rank, h.getCause(), entry.title(), catalogue.calibration().apply(h.getConfidence()), h.getComponent(),
                state == null ? null : state.kind(), state == null ? List.of() : List.copyOf(state.signals()), endpoint,
                entry.summary(), cited, occurrences, first, last, entry.fix(), entry.why(), CheckCommand.render(entry, state, ep),
                next, alternatives(h, all, evidence, own, catalogue.calibration()), h.getConsequenceOf(), List.copyOf(notes), h.getUnexplainedError(),
                entry.docs());
    }

    private static List<Diagnosis.CitedEvidence> cite(List<Evidence> all, ComponentState state, Hypothesis h) {
        List<Diagnosis.CitedEvidence> cited = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // A reading that names the cause on its own is the proof; weaker readings of the same cause
        // still add support, but their guess at the mechanism (a hanging handshake, say) may not be
        // what happened, so they are shown only when nothing better is.
        List<Evidence> own = all.stream().anyMatch(e -> e.getWeight() >= Scoring.SPECIFIC)
                ? all.stream().filter(e -> e.getWeight() >= Scoring.SPECIFIC).toList() : all;
        for (Evidence e : own) {
            if (cited.size() >= MAX_CITED_RULES) {
                break;
            }
            EvidenceLine line = e.getSamples().get(0);
            if (seen.add(line.source() + ":" + line.line())) {
                cited.add(cite(line, e));
            }
        }
        // one rule alone: show its latest occurrence too, so the span of the problem is visible
        if (own.size() == 1 && own.get(0).getSamples().size() > 1) {
            Evidence e = own.get(0);
            EvidenceLine latest = e.getSamples().get(e.getSamples().size() - 1);
            if (seen.add(latest.source() + ":" + latest.line())) {
                cited.add(cite(latest, e));
            }
        }
        if (own.isEmpty() && state != null) {
            for (EvidenceLine line : state.failureSamples()) {
                if (cited.size() < MAX_CITED_LINES) {
                    cited.add(new Diagnosis.CitedEvidence(line.source(), line.line(), line.timestamp(), line.text(), null,
                            "An export failed with an error no known signature explains.", state.failures(),
                            state.firstFailure(), state.lastFailure()));
                }
            }
        }
        return cited.size() > MAX_CITED_LINES ? cited.subList(0, MAX_CITED_LINES) : cited;
    }

    private static Diagnosis.CitedEvidence cite(EvidenceLine line, Evidence e) {
        return new Diagnosis.CitedEvidence(line.source(), line.line(), line.timestamp(), line.text(), e.getRule(), e.getMeans(),
                e.getCount(), e.getFirstSeen(), e.getLastSeen());
    }

    private static List<Diagnosis.Alternative> alternatives(Hypothesis h, List<Hypothesis> all, List<Evidence> evidence,
                                                            List<Evidence> own, Calibration calibration) {
        List<Diagnosis.Alternative> out = new ArrayList<>();
        Set<String> ownSignatures = new LinkedHashSet<>();
        own.forEach(e -> ownSignatures.add(e.getSignature()));
        Map<String, Double> raw = new HashMap<>();
        for (Hypothesis other : all) {
            if (other == h || !other.getComponent().equals(h.getComponent()) || other.getCause().equals(h.getCause())) {
                continue;
            }
            String tellApart = null;
            for (Evidence e : sortedByRule(evidence)) {
                if (e.getComponent().equals(h.getComponent()) && ownSignatures.contains(e.getSignature()) && e.getTellApart() != null
                        && (e.getCause().equals(other.getCause()) || e.getCause().equals(h.getCause()))) {
                    tellApart = e.getTellApart();
                    break;
                }
            }
            raw.put(other.getCause(), other.getConfidence());
            out.add(new Diagnosis.Alternative(other.getCause(), calibration.apply(other.getConfidence()), tellApart));
        }
        out.sort(Comparator.comparingDouble((Diagnosis.Alternative a) -> -raw.get(a.cause()))
                .thenComparing(Diagnosis.Alternative::cause));
        return out;
    }

    /**
     * The exporter's endpoint, by name where the log gives one: dial errors show the resolved IP,
     * while gRPC core lines and URLs name the host the operator configured.
     */
    private static io.oteldoctor.signature.Endpoint namedEndpoint(ComponentState state, List<Evidence> own) {
        io.oteldoctor.signature.Endpoint ep = state == null ? null : state.endpoint();
        if (ep != null && ep.host() != null && !IP_LITERAL.matcher(ep.host()).matches()) {
            return ep;
        }
        for (Evidence e : own) {
            for (String address : new java.util.TreeSet<>(e.getAddresses())) {
                int colon = address.lastIndexOf(':');
                if (colon <= 0 || IP_LITERAL.matcher(address.substring(0, colon)).matches()) {
                    continue;
                }
                String host = address.substring(0, colon);
                String port = address.substring(colon + 1);
                if (ep == null) {
                    return new io.oteldoctor.signature.Endpoint(null, host, Integer.valueOf(port), null);
                }
                if (port.equals(String.valueOf(ep.port()))) {
                    return new io.oteldoctor.signature.Endpoint(ep.scheme(), host, ep.port(), ep.path());
                }
            }
        }
        return ep;
    }

    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private static List<Evidence> sortedByRule(List<Evidence> evidence) {
        List<Evidence> sorted = new ArrayList<>(evidence);
        sorted.sort(Comparator.comparing(Evidence::getRule).thenComparing(Evidence::getComponent));
        return sorted;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
