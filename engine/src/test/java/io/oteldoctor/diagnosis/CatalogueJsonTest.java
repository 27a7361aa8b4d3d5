package io.oteldoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueJsonTest {

    private static final String CAUSE = """
            {"id": "tls", "title": "T", "summary": "S", "fix": "F", "why": "W",
             "checks": {"grpc": "openssl s_client {host}:{port}", "any": "curl {url}"},
             "next": [{"cause": "auth", "reason": "R"}]}""";

    private static InputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCausesInFileOrder() throws IOException {
        List<CauseEntry> causes = CatalogueJson.causes(json("{\"schema\": \"otel-doctor/catalogue/1\", \"causes\": [" + CAUSE + ", "
                + CAUSE.replace("\"tls\"", "\"auth\"") + "]}"));
        assertEquals(List.of("tls", "auth"), causes.stream().map(CauseEntry::id).toList());
        CauseEntry tls = causes.get(0);
        assertEquals(List.of("T", "S", "F", "W"), List.of(tls.title(), tls.summary(), tls.fix(), tls.why()));
        assertEquals(Map.of("grpc", "openssl s_client {host}:{port}", "any", "curl {url}"), tls.checks());
        assertEquals(List.of("grpc", "any"), List.copyOf(tls.checks().keySet()));
        assertEquals(List.of(new NextError("auth", "R")), tls.next());
    }

    @Test
    void aMisspeltOrMissingFieldIsAnErrorNotASilentGap() {
        for (String bad : new String[] {
                "{\"causes\": [" + CAUSE.replace("\"fix\"", "\"fixes\"") + "]}",
                "{\"causes\": [" + CAUSE.replace("\"why\": \"W\",", "") + "]}",
                "{\"causes\": [" + CAUSE.replace("\"reason\"", "\"because\"") + "]}",
                "{\"causes\": [" + CAUSE.replace("\"T\"", "7") + "]}",
                "{\"schema\": \"x\", \"cause\": []}",
                "{\"schema\": \"x\"}",
                "[]"}) {
            IOException e = assertThrows(IOException.class, () -> CatalogueJson.causes(json(bad)), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), bad);
        }
    }

    @Test
    void readsTheKnotsAndSkipsWhatDocumentsTheFit() throws IOException {
        List<Calibration.Knot> knots = CatalogueJson.knots(json("""
                {"schema": "otel-doctor/calibration/1", "method": "platt", "crossValidation": {"platt": {"brier": 0.02}},
                 "knots": [{"raw": 0.0, "stated": 0.05}, {"raw": 1, "stated": 0.95}], "reliability": [{"n": 3}]}"""));
        assertEquals(List.of(new Calibration.Knot(0, 0.05), new Calibration.Knot(1, 0.95)), knots);
        assertThrows(IOException.class, () -> CatalogueJson.knots(json("{\"knots\": [{\"raw\": 0.1, \"stated\": \"x\"}]}")));
        assertThrows(IOException.class, () -> CatalogueJson.knots(json("{\"knots\": [{\"raw\": 0.1}]}")));
        assertThrows(IOException.class, () -> CatalogueJson.knots(json("{\"method\": \"platt\"}")));
    }
}
