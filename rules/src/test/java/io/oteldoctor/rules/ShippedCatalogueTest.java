package io.oteldoctor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oteldoctor.diagnosis.Calibration;
import io.oteldoctor.diagnosis.CauseCatalogue;
import io.oteldoctor.diagnosis.CauseEntry;
import io.oteldoctor.diagnosis.NextError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue as run time reads it (a streaming parser) holds what a general JSON reader finds in the files. */
class ShippedCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ShippedCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void causesMatchTheFile() throws IOException {
        List<CauseEntry> expected = new ArrayList<>();
        for (JsonNode c : read(CauseCatalogue.BUNDLED).get("causes")) {
            List<NextError> next = new ArrayList<>();
            c.get("next").forEach(n -> next.add(new NextError(n.get("cause").asText(), n.get("reason").asText())));
            Map<String, String> checks = JSON.convertValue(c.get("checks"), new TypeReference<java.util.LinkedHashMap<String, String>>() { });
            expected.add(new CauseEntry(c.get("id").asText(), c.get("title").asText(), c.get("summary").asText(), c.get("fix").asText(),
                    c.get("why").asText(), checks, next));
        }
        List<CauseEntry> actual = Engine.CATALOGUE.ids().stream().map(Engine.CATALOGUE::get).toList();
        assertEquals(expected, actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(List.copyOf(expected.get(i).checks().keySet()), List.copyOf(actual.get(i).checks().keySet()), "checks in file order");
        }
    }

    @Test
    void knotsMatchTheFile() throws IOException {
        List<Calibration.Knot> expected = new ArrayList<>();
        read(Calibration.BUNDLED).get("knots").forEach(k -> expected.add(new Calibration.Knot(k.get("raw").asDouble(), k.get("stated").asDouble())));
        assertEquals(expected, Engine.CATALOGUE.calibration().knots());
    }
}
