package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * the bundled KieBase compares the two and fails on any difference, and the index names every
 * rule the KieBase holds.
 */
class ShippedRuleIndexTest {

    @Test
    void theIndexNamesEveryCompiledRuleWithItsMetadata() throws IOException {
        JsonNode index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleIndex.BUNDLED)) {
            assertNotNull(in, "the rules build writes " + RuleIndex.BUNDLED);
            index = new ObjectMapper().readTree(in);
        }
        Rulebase rulebase = Rulebase.bundled();
        Set<String> compiled = new HashSet<>();
        for (KiePackage pkg : rulebase.kieBase().getKiePackages()) { // throws if the index and the model differ
            for (Rule rule : pkg.getRules()) {
                compiled.add(rule.getName());
            }
            pkg.getQueries().forEach(q -> compiled.remove(q.getName())); // queries are no rules to the model
        }
        Set<String> indexed = new HashSet<>();
        Set<String> triggers = new HashSet<>();
        for (JsonNode rule : index) {
            indexed.add(rule.get("name").asText());
            JsonNode trigger = rule.get("metadata").get("trigger");
            if (trigger != null) {
                for (String t : trigger.asText().split("\\|")) {
                    if (!t.isBlank()) {
                        triggers.add(t.strip());
                    }
                }
            }
        }
        assertEquals(compiled, indexed);
        assertEquals(triggers, rulebase.triggers(), "the prefilter's words come from the index");
    }
}
