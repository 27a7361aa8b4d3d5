package io.oteldoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate cause for one component, built and scored by the ranking rules. Mutable because
 * the rule session refines it in steps; it never leaves the engine as such.
 */
public final class Hypothesis {

    private final String component;
    private final String cause;
    private double support;
    private double confidence = -1;
    private boolean scored;
    private String consequenceOf;
    private String unexplainedError;
    private final List<NextError> next = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Hypothesis(String component, String cause) {
        this.component = component;
        this.cause = cause;
    }

    /**
     * {@code unknown} for a component whose failures no rule explains, scored already: its support
     * is fixed, and its error is the first one the component logged.
     */
    public static Hypothesis unexplained(ComponentState state) {
        Hypothesis h = new Hypothesis(state.component(), "unknown");
        h.unexplainedError = state.failureErrors().isEmpty() ? null : state.failureErrors().get(0);
        h.support = Scoring.UNEXPLAINED_SUPPORT;
        h.scored = true;
        return h;
    }

    public String getComponent() {
        return component;
    }

    public String getCause() {
        return cause;
    }

    public double getSupport() {
        return support;
    }

    public void setSupport(double support) {
        this.support = support;
    }

    /** Negative until the ranking rules have scored it. */
    public double getConfidence() {
        return confidence;
    }

    public void setConfidence(double confidence) {
        this.confidence = confidence;
    }

    public boolean isScored() {
        return scored;
    }

    public void setScored(boolean scored) {
        this.scored = scored;
    }

    /** When this is the effect of another cause on the same component (a queue filling during an outage). */
    public String getConsequenceOf() {
        return consequenceOf;
    }

    public void setConsequenceOf(String consequenceOf) {
        this.consequenceOf = consequenceOf;
    }

    /** For {@code unknown}: the error text nothing explained. */
    public String getUnexplainedError() {
        return unexplainedError;
    }

    public List<NextError> getNext() {
        return next;
    }

    public void addNext(String cause, String reason) {
        for (NextError n : next) {
            if (n.cause().equals(cause)) {
                return;
            }
        }
        next.add(new NextError(cause, reason));
    }

    public List<String> getNotes() {
        return notes;
    }

    public void addNote(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    @Override
    public String toString() {
        return "Hypothesis{" + component + " " + cause + " support=" + support + " confidence=" + confidence
                + (consequenceOf == null ? "" : " consequenceOf=" + consequenceOf) + "}";
    }
}
