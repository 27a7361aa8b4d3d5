package io.oteldoctor.matching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefilterTest {

    private static boolean passes(Prefilter p, String line) {
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        return p.mayMatter(b, 2, b.length - 2);
    }

    @Test
    void findsAnyTriggerIgnoringAsciiCase() {
        Prefilter p = new Prefilter(List.of("connection refused", "x509: ", "Unauthenticated"));
        assertTrue(passes(p, "dial tcp 10.0.0.1:4317: connect: connection refused"));
        assertTrue(passes(p, "Failed to connect to remote host: Connection refused"));
        assertTrue(passes(p, "code = UNAUTHENTICATED desc"));
        assertTrue(passes(p, "tls: failed to verify certificate: x509: certificate signed"));
        assertFalse(passes(p, "Everything is ready. Begin running and processing data."));
    }

    @Test
    void overlappingTriggersAreFoundThroughFailureLinks() {
        Prefilter p = new Prefilter(List.of("abcd", "bce"));
        assertTrue(passes(p, "zzabce"), "the 'bce' match starts inside a partial 'abcd'");
        assertFalse(passes(p, "abc bc"));
    }

    @Test
    void onlyLooksInsideTheGivenRange() {
        Prefilter p = new Prefilter(List.of("refused"));
        byte[] b = "refused|ok|refused".getBytes(StandardCharsets.UTF_8);
        assertFalse(p.mayMatter(b, 8, 10));
    }

    @Test
    void rejectsTriggersThatTransportsRewrite() {
        assertThrows(IllegalArgumentException.class, () -> new Prefilter(List.of("malformed HTTP response \"")));
        assertThrows(IllegalArgumentException.class, () -> new Prefilter(List.of("a\tb")));
        assertThrows(IllegalArgumentException.class, () -> new Prefilter(List.of("x\\y")));
        assertThrows(IllegalArgumentException.class, () -> new Prefilter(List.of("ab")));
    }
}
