package io.oteldoctor.matching;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule as the {@link RuleIndex} records it: the package it was compiled in (which says which
 * runs build it, see {@link Rulebase#FOLLOW_PACKAGE}), its name, and its metadata as text.
 */
record IndexedRule(String packageName, String name, Map<String, Object> metadata) {

    IndexedRule {
        // in model order, and a value may be null (a bare annotation in a rule-authoring test's DRL)
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    // Written out because a record's own equals and hashCode are bootstrapped through
    // ObjectMethods at first use: 7 ms of method-handle spinning on the thread that builds the
    // KieBase, the critical path of a short run, which compares the model with the index.
    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedRule r && packageName.equals(r.packageName) && name.equals(r.name)
                && metadata.equals(r.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packageName, name, metadata);
    }
}
