package io.oteldoctor.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

    @Test
    void readsWhatItWrote() throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("trigger", "connection refused|ECONNREFUSED");
        meta.put("cause", "network");
        meta.put("means", "quotes \" and\ttabs and \u00e9 survive");
        List<IndexedRule> rules = List.of(new IndexedRule("io.oteldoctor.rules", "network: refused", meta),
                new IndexedRule("io.oteldoctor.rules.follow", "a rule without metadata", Map.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RuleIndex.write(rules, out);
        assertEquals(rules, RuleIndex.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void aDamagedIndexIsAnError() {
        assertThrows(IOException.class, () -> RuleIndex.read(stream("[{\"name\": \"x\", \"weight\": \"1\"}]")), "unknown field");
        assertThrows(IOException.class, () -> RuleIndex.read(stream("[{\"package\": \"p\", \"metadata\": {}}]")), "no name");
        assertThrows(IOException.class, () -> RuleIndex.read(stream("[{\"name\": \"x\", \"metadata\": {}}]")), "no package");
        assertThrows(IOException.class, () -> RuleIndex.read(stream("[{\"package\": \"p\", \"name\": \"x\"}")), "truncated");
        assertThrows(IOException.class, () -> RuleIndex.read(stream("{}")), "not a list");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
