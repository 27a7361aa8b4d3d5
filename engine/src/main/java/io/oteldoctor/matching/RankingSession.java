package io.oteldoctor.matching;

import io.oteldoctor.diagnosis.ComponentState;
import io.oteldoctor.diagnosis.Evidence;
import io.oteldoctor.diagnosis.Hypothesis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * Runs the correlation and ranking rules over one group's aggregated evidence: attribute gRPC
 * core lines, let specific signatures explain away ambiguous ones, score the hypotheses, mark
 * consequences and predict what comes next.
 */
public final class RankingSession {

    /** Far above what any real group needs (a few firings per evidence fact). */
    static final int MAX_FIRINGS = 100_000;

    private final Rulebase rulebase;

    public RankingSession(Rulebase rulebase) {
        this.rulebase = rulebase;
    }

    /** The outcome: scored hypotheses, and the evidence as the rules left it (attributed, pruned). */
    public record Result(List<Hypothesis> hypotheses, List<Evidence> evidence) {
    }

    public Result rank(Collection<Evidence> evidence, Collection<ComponentState> components,
                       Collection<io.oteldoctor.diagnosis.SourceExtent> extents) {
        if (evidence.isEmpty() && components.isEmpty()) {
            // Every correlation and ranking rule starts from evidence or a component's state
            // (RankingSessionTest holds the rulebase to that), so there is nothing to rank. Not
            // asking for the KieBase lets a run over a healthy log end without waiting for it.
            return new Result(List.of(), List.of());
        }
        return rankInSession(evidence, components, extents);
    }

    /** The rules' answer, asked of a session even when the facts could not start a rule. */
    Result rankInSession(Collection<Evidence> evidence, Collection<ComponentState> components,
                         Collection<io.oteldoctor.diagnosis.SourceExtent> extents) {
        KieSession session = rulebase.kieBase().newKieSession();
        try {
            evidence.forEach(session::insert);
            components.forEach(session::insert);
            extents.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                // a rule that keeps re-activating itself is a rulebase bug; fail loudly instead of hanging
                throw new IllegalStateException("ranking rules did not settle after " + MAX_FIRINGS + " firings");
            }
            List<Hypothesis> hypotheses = new ArrayList<>();
            List<Evidence> finalEvidence = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof Hypothesis h) {
                    hypotheses.add(h);
                } else if (o instanceof Evidence e) {
                    finalEvidence.add(e);
                }
            }
            return new Result(hypotheses, finalEvidence);
        } finally {
            session.dispose();
        }
    }
}
