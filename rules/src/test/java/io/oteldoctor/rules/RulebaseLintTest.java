package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.matching.SignatureRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One cause = one DRL file + fixtures + one doc page; every signature rule explains itself. */
class RulebaseLintTest {

    private static final Path DRL = Path.of("src/main/resources/io/oteldoctor/rules");
    private static final Path SAMPLES = Path.of("../corpus/samples");
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");
    private static final Pattern CAUSE = Pattern.compile("@cause\\(\"([^\"]+)\"\\)");

    @Test
    void everyCatalogueCauseHasItsDrlFixturesAndDocPage() {
        for (String id : Engine.CATALOGUE.ids()) {
            assertTrue(Files.exists(DRL.resolve(id + ".drl")), "no " + id + ".drl");
            assertTrue(Files.exists(Path.of("../docs/causes/" + id + ".md")), "no docs/causes/" + id + ".md");
            assertTrue(Files.isDirectory(SAMPLES.resolve(id)), "no corpus samples for " + id);
        }
    }

    @Test
    void signatureRulesLiveInTheFileOfTheirCause() throws IOException {
        try (Stream<Path> files = Files.walk(DRL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String cause = f.getFileName().toString().replace(".drl", "");
                Matcher m = CAUSE.matcher(Files.readString(f));
                while (m.find()) {
                    assertEquals(cause, m.group(1), f + " holds a rule for another cause");
                }
            }
        }
    }

    @Test
    void everySignatureRuleDeclaresMeaningAndKnownCause() {
        assertFalse(Engine.RULEBASE.signatureRules().isEmpty());
        for (SignatureRule r : Engine.RULEBASE.signatureRules()) {
            assertTrue(Engine.CATALOGUE.ids().contains(r.cause()), r.name() + ": cause not in the catalogue: " + r.cause());
            assertNotNull(r.means(), r.name() + " has no @means");
            assertTrue(r.weight() > 0 && r.weight() <= 1, r.name());
        }
    }

    private static final Pattern WHOLE_RULE = Pattern.compile("(?s)\\nrule \"([^\"]+)\"(.*?)\\nwhen\\n(.*?)\\nthen\\n(.*?)\\nend");
    private static final Pattern FACT_PATTERN = Pattern.compile("(?<![.\\w])([A-Z]\\w*)\\s*\\(");

    /**
     * SignatureSession reuses what the rules said about a signal for every later signal with the
     * same conditions. That is only sound while a rule that matches signals looks at one signal,
     * at none of its position fields, and does nothing but tell the ledger.
     */
    @Test
    void signalRulesSeeOneSignalAndNothingButItsConditions() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.walk(DRL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = WHOLE_RULE.matcher(Files.readString(f).replaceAll("(?m)//.*$", ""));
                while (m.find()) {
                    String name = m.group(1);
                    String lhs = m.group(3).replaceAll("\"[^\"]*\"", "\"\"");
                    if (!lhs.contains("Signal(") && !lhs.contains("Signal (")) {
                        continue;
                    }
                    checked++;
                    Matcher p = FACT_PATTERN.matcher(lhs);
                    int patterns = 0;
                    while (p.find()) {
                        assertEquals("Signal", p.group(1), name + ": a rule on signals must match nothing else");
                        patterns++;
                    }
                    assertEquals(1, patterns, name + ": a rule on signals must match exactly one signal");
                    for (String field : io.oteldoctor.signature.Signal.POSITION_FIELDS) {
                        assertFalse(Pattern.compile("(?<![.\\w])" + field + "\\b").matcher(lhs).find(),
                                name + ": tests the position field '" + field + "'");
                    }
                    assertTrue(m.group(4).strip().lines().allMatch(l -> l.strip().startsWith("ledger.")),
                            name + ": a rule on signals may only tell the ledger");
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " rules on signals");
    }

    @Test
    void stableCauseIdsAreInTheCatalogue() {
        assertTrue(Engine.CATALOGUE.ids().containsAll(CauseCatalogue.STABLE_IDS));
    }

    @Test
    void ruleNamesAreUnique() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(DRL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(names.add(m.group(1)), "rule name used twice: " + m.group(1));
                }
            }
        }
    }

    @Test
    void everySampleFolderIsACauseOrHealthy() throws IOException {
        try (Stream<Path> folders = Files.list(SAMPLES)) {
            for (Path f : folders.filter(Files::isDirectory).toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.equals("healthy") || Engine.CATALOGUE.ids().contains(name), "unknown sample folder " + name);
            }
        }
    }
}
