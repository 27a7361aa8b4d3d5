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

    private static final List<String> RANDOM_TRIGGERS = List.of("connection refused", "x509: ", "Unauthenticated", "abcd", "bce",
            "HTTP Status Code 4", "Sending_queue is full", "caf\u00e9 noir", "ECONNREFUSED", "deadline exceeded", "refused");

    /** Pieces of triggers in either case between bytes that occur in triggers, so near misses are common. */
    private static String randomLine(java.util.Random random, int maxParts) {
        byte[] alphabet = "abcdeABCDE xX509:_-SsTtRrUuFfNnOoIiLlGgHhPp4\u00e9\t\"{}\r".getBytes(StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder();
        int parts = random.nextInt(maxParts);
        for (int k = 0; k < parts; k++) {
            if (random.nextInt(3) == 0) {
                String t = RANDOM_TRIGGERS.get(random.nextInt(RANDOM_TRIGGERS.size()));
                int from = random.nextInt(t.length());
                String piece = t.substring(from, from + random.nextInt(t.length() - from) + 1);
                line.append(random.nextBoolean() ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
            } else {
                for (int c = random.nextInt(8); c > 0; c--) {
                    line.append((char) (alphabet[random.nextInt(alphabet.length)] & 0xff));
                }
            }
        }
        return line.toString();
    }

    @Test
    void agreesWithThePlainDefinitionOnRandomLines() {
        Prefilter p = new Prefilter(RANDOM_TRIGGERS);
        java.util.Random random = new java.util.Random(5);
        for (int n = 0; n < 20_000; n++) {
            String line = randomLine(random, n % 2 == 0 ? 6 : 40); // long lines take the two-halves walk
            byte[] b = ("<" + line + ">").getBytes(StandardCharsets.UTF_8);
            assertEquals(naive(RANDOM_TRIGGERS, b, 1, b.length - 1), p.mayMatter(b, 1, b.length - 1), line);
        }
    }

    @Test
    void marksEveryLineOfABufferAsTheLineAloneIsJudged() {
        Prefilter p = new Prefilter(RANDOM_TRIGGERS);
        java.util.Random random = new java.util.Random(11);
        for (int n = 0; n < 400; n++) {
            // small buffers take one walk, large ones two; the bytes around the range start a trigger
            // that must not count, and marks has room for exactly the lines, no more
            int lines = 1 + random.nextInt(n % 4 == 0 ? 5 : 400);
            StringBuilder text = new StringBuilder("conn refu");
            int from = text.length();
            for (int k = 0; k < lines; k++) {
                text.append(randomLine(random, k % 7 == 0 ? 60 : 12)).append('\n');
            }
            byte[] b = (text + "sed").getBytes(StandardCharsets.UTF_8);
            int to = b.length - 3;
            int[] marks = new int[lines];
            assertEquals(lines, p.markLines(b, from, to, marks));
            int start = from;
            for (int k = 0; k < lines; k++) {
                int nl = marks[k] < 0 ? ~marks[k] : marks[k];
                assertEquals('\n', b[nl], "buffer " + n + ", line " + k + " ends at its newline");
                assertTrue(nl >= start);
                for (int i = start; i < nl; i++) {
                    assertTrue(b[i] != '\n', "buffer " + n + ", line " + k + " is one line");
                }
                assertEquals(naive(RANDOM_TRIGGERS, b, start, nl), marks[k] < 0, "buffer " + n + ", line " + k);
                assertEquals(p.mayMatter(b, start, nl), marks[k] < 0, "buffer " + n + ", line " + k);
                start = nl + 1;
            }
            assertEquals(to, start);
        }
    }

    @Test
    void theScannerGivesEachLineThePrefiltersVerdictWhereverReadsEnd() throws java.io.IOException {
        Prefilter p = new Prefilter(RANDOM_TRIGGERS);
        java.util.Random random = new java.util.Random(17);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 30_000; k++) {
            // some lines run past the scanner's limit of 1024 bytes, a trigger before or after the cut
            text.append(k % 997 == 0 ? (k % 2 == 0 ? "ECONNREFUSED " : "") + "x".repeat(1000 + random.nextInt(100)) : "").append(randomLine(random, k % 50 == 0 ? 200 : 20));
            text.append(k % 13 == 0 ? "\r\n" : "\n");
        }
        text.append("last line, no newline: refused");
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        List<String> expected = new java.util.ArrayList<>();
        new io.oteldoctor.ingest.LineScanner(1024).scan(new java.io.ByteArrayInputStream(input), (b, s, e, cut, mayMatter) ->
                expected.add(p.mayMatter(b, s, e) + " " + cut + " " + new String(b, s, e - s, StandardCharsets.UTF_8)));
        java.io.InputStream unevenReads = new java.io.ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(40_000)));
            }
        };
        List<String> marked = new java.util.ArrayList<>();
        new io.oteldoctor.ingest.LineScanner(1024, p).scan(unevenReads, (b, s, e, cut, mayMatter) ->
                marked.add(mayMatter + " " + cut + " " + new String(b, s, e - s, StandardCharsets.UTF_8)));
        assertEquals(30_001, marked.size());
        assertEquals(expected, marked);
        assertTrue(marked.stream().anyMatch(l -> l.startsWith("true true")), "a cut line whose head matters");
        assertTrue(marked.get(30_000).startsWith("true false last line"));
    }
}
