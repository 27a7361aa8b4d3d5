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
        try (Stream<Path> files = Files.list(DRL)) {
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

    @Test
    void stableCauseIdsAreInTheCatalogue() {
        assertTrue(Engine.CATALOGUE.ids().containsAll(CauseCatalogue.STABLE_IDS));
    }

    @Test
    void ruleNamesAreUnique() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(DRL)) {
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
