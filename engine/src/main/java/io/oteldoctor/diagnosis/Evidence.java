package io.oteldoctor.diagnosis;

import io.oteldoctor.signature.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything one signature rule saw for one component, aggregated: how often, when first and
 * last, and a few sample lines. One fact per (component, rule), however many lines matched.
 */
public final class Evidence {

    private final String component;
    private final String cause;
    private final String rule;
    private final String signature;
    private final double weight;
    private final long count;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final long lastLine;
    private final List<EvidenceLine> samples;
    private final Origin origin;
    private final Set<String> addresses;
    private final String means;
    private final String tellApart;
    private final String attribution;

    public Evidence(String component, String cause, String rule, String signature, double weight, long count,
                    Instant firstSeen, Instant lastSeen, long lastLine, List<EvidenceLine> samples, Origin origin, Set<String> addresses,
                    String means, String tellApart, String attribution) {
        this.component = component;
        this.cause = cause;
        this.rule = rule;
        this.signature = signature;
        this.weight = weight;
        this.count = count;
        this.firstSeen = firstSeen;
        this.lastSeen = lastSeen;
        this.lastLine = lastLine;
        this.samples = List.copyOf(samples);
        this.origin = origin;
        this.addresses = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(addresses)); // in the order first seen
        this.means = means;
        this.tellApart = tellApart;
        this.attribution = attribution;
    }

    /** The same evidence, credited to another component (a gRPC core line to the exporter dialling its address). */
    public Evidence attributedTo(String newComponent, String why) {
        return new Evidence(newComponent, cause, rule, signature, weight, count, firstSeen, lastSeen, lastLine, samples, origin,
                addresses, means, tellApart, why);
    }

    /** The same evidence with its weight scaled, for readings that are only circumstantial; keeps the attribution. */
    public Evidence weakened(double factor) {
        return new Evidence(component, cause, rule, signature, weight * factor, count, firstSeen, lastSeen, lastLine, samples, origin,
                addresses, means, tellApart, attribution);
    }

    public String getComponent() {
        return component;
    }

    public String getCause() {
        return cause;
    }

    public String getRule() {
        return rule;
    }

    public String getSignature() {
        return signature;
    }

    public double getWeight() {
        return weight;
    }

    public long getCount() {
        return count;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    /** The source of the first cited line. */
    public String getSource() {
        return samples.isEmpty() ? null : samples.get(0).source();
    }

    /** Line number of the last matching record in its source. */
    public long getLastLine() {
        return lastLine;
    }

    public List<EvidenceLine> getSamples() {
        return samples;
    }

    public Origin getOrigin() {
        return origin;
    }

    public Set<String> getAddresses() {
        return addresses;
    }

    public String getMeans() {
        return means;
    }

    public String getTellApart() {
        return tellApart;
    }

    /** Why this evidence counts for its component when it did not name it itself, or null. */
    public String getAttribution() {
        return attribution;
    }

    @Override
    public String toString() {
        return "Evidence{" + component + " " + cause + " " + rule + " w=" + weight + " n=" + count + "}";
    }
}
