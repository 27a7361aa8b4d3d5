package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled examples, analysed as a user would (one report per file): each gets the cause its
 * folder names first, healthy ones get nothing, and every cause is shown in two formats at least.
 */
class ExamplesTest {

    @Test
    void everyExampleGetsItsCauseFirst() throws Exception {
        Cli r = Cli.run("analyze", "--group-by", "file", "--format", "json", "../examples");
        JsonNode report = new ObjectMapper().readTree(r.stdout());
        assertTrue(report.at("/input/complete").asBoolean(), r.stderr());
        Map<String, Set<String>> formatsByCause = new HashMap<>();
        for (JsonNode source : report.at("/input/sources")) {
            String cause = Path.of(source.get("source").asText()).getName(2).toString();
            formatsByCause.computeIfAbsent(cause, k -> new HashSet<>()).add(source.get("format").asText());
        }
        int checked = 0;
        for (JsonNode group : report.get("groups")) {
            String folder = Path.of(group.get("key").asText()).getName(2).toString();
            JsonNode diagnoses = group.get("diagnoses");
            if (folder.equals("healthy")) {
                assertTrue(diagnoses.isEmpty(), group.get("key") + " is healthy but got " + diagnoses);
            } else {
                assertTrue(diagnoses.size() > 0, group.get("key") + " got no diagnosis");
                assertEquals(folder, diagnoses.get(0).get("cause").asText(), group.get("key").asText());
            }
            checked++;
        }
        assertTrue(checked >= 20, "only " + checked + " examples");
        for (String cause : new String[] {"network", "endpoint", "tls", "auth", "backend", "protocol", "resources", "queue-full",
                "batch-timeout"}) {
            assertTrue(formatsByCause.getOrDefault(cause, Set.of()).size() >= 2,
                    cause + " needs examples in two formats, has " + formatsByCause.get(cause));
        }
        assertTrue(formatsByCause.containsKey("unknown") && formatsByCause.containsKey("healthy"));
    }
}
