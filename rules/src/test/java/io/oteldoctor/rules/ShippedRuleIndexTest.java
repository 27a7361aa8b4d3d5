package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oteldoctor.matching.RuleIndex;
import io.oteldoctor.matching.Rulebase;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The build writes the rule index beside the compiled rules, and it says what they say: building
 * a bundled KieBase compares the two and fails on any difference, the index names every rule of
 * every package with its package, and a batch KieBase holds every package but follow mode's.
 */
class ShippedRuleIndexTest {

    @Test
    void theIndexNamesEveryCompiledRuleWithItsPackage() throws IOException {
        JsonNode index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleIndex.BUNDLED)) {
            assertNotNull(in, "the rules build writes " + RuleIndex.BUNDLED);
            index = new ObjectMapper().readTree(in);
        }
        Set<String> indexed = new HashSet<>();
        Set<String> indexedForBatch = new HashSet<>();
        Set<String> triggers = new HashSet<>();
        for (JsonNode rule : index) {
            String qualified = rule.get("package").asText() + " / " + rule.get("name").asText();
            indexed.add(qualified);
            if (!rule.get("package").asText().equals(Rulebase.FOLLOW_PACKAGE)) {
                indexedForBatch.add(qualified);
            }
            JsonNode trigger = rule.get("metadata").get("trigger");
            if (trigger != null) {
                for (String t : trigger.asText().split("\\|")) {
                    if (!t.isBlank()) {
                        triggers.add(t.strip());
                    }
                }
            }
        }
        Rulebase streams = Rulebase.bundledForStreams();
        Rulebase batch = Rulebase.bundled();
        assertEquals(indexed, compiled(streams), "follow mode builds every package");
        assertEquals(indexedForBatch, compiled(batch), "a batch run builds every package but " + Rulebase.FOLLOW_PACKAGE);
        assertNotEquals(indexed, indexedForBatch, "follow mode has rules of its own");
        assertEquals(triggers, batch.triggers(), "the prefilter's words come from the index");
    }

    private static Set<String> compiled(Rulebase rulebase) {
        Set<String> compiled = new HashSet<>();
        for (KiePackage pkg : rulebase.kieBase().getKiePackages()) { // throws if the index and the model differ
            for (Rule rule : pkg.getRules()) {
                compiled.add(pkg.getName() + " / " + rule.getName());
            }
            pkg.getQueries().forEach(q -> compiled.remove(pkg.getName() + " / " + q.getName())); // queries are no rules to the model
        }
        return compiled;
    }
}
