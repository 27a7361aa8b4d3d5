package io.oteldoctor.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    /** The plain definition the automaton must agree with: some trigger occurs, ASCII case ignored. */
    private static boolean naive(List<String> triggers, byte[] b, int s, int e) {
        String line = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        for (String t : triggers) {
            byte[] tb = t.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + tb.length <= line.length(); i++) {
                boolean same = true;
                for (int j = 0; j < tb.length && same; j++) {
                    int c = b[s + i + j] & 0xff;
                    if (c >= 'A' && c <= 'Z') {
                        c += 32;
                    }
                    same = c == (tb[j] & 0xff);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void agreesWithThePlainDefinitionOnRandomLines() {
        List<String> triggers = List.of("connection refused", "x509: ", "Unauthenticated", "abcd", "bce", "HTTP Status Code 4",
                "Sending_queue is full", "caf\u00e9 noir", "ECONNREFUSED", "deadline exceeded", "refused");
        Prefilter p = new Prefilter(triggers);
        java.util.Random random = new java.util.Random(5);
        byte[] alphabet = "abcdeABCDE xX509:_-SsTtRrUuFfNnOoIiLlGgHhPp4\u00e9\t\"{}".getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            int parts = random.nextInt(n % 2 == 0 ? 6 : 40); // long lines take the two-halves walk
            for (int k = 0; k < parts; k++) {
                if (random.nextInt(3) == 0) {
                    String t = triggers.get(random.nextInt(triggers.size()));
                    int from = random.nextInt(t.length());
                    String piece = t.substring(from, from + random.nextInt(t.length() - from) + 1);
                    line.append(random.nextBoolean() ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
                } else {
                    for (int c = random.nextInt(8); c > 0; c--) {
                        line.append((char) (alphabet[random.nextInt(alphabet.length)] & 0xff));
                    }
                }
            }
            byte[] b = ("<" + line + ">").getBytes(StandardCharsets.UTF_8);
            assertEquals(naive(triggers, b, 1, b.length - 1), p.mayMatter(b, 1, b.length - 1), line.toString());
        }
    }
}
