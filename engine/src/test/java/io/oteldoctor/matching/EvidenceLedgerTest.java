package io.oteldoctor.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines that differ only in their numbers count as one kind of line; the allocation-free check must agree with the definition. */
class EvidenceLedgerTest {

    @Test
    void digitRunsBecomeOneMark() {
        assertEquals("dial tcp #.#.#.#:#: connect: connection refused",
                EvidenceLedger.normalised("dial tcp 10.0.0.12:4317: connect: connection refused"));
        assertEquals("no digits", EvidenceLedger.normalised("no digits"));
        assertEquals("", EvidenceLedger.normalised(null));
    }

    @Test
    void normalisesToAgreesWithComparingNormalisedText() {
        Random random = new Random(7);
        String alphabet = "ab#12 ";
        for (int i = 0; i < 100_000; i++) {
            String a = randomText(random, alphabet);
            String b = random.nextInt(4) == 0 ? a : randomText(random, alphabet);
            String normalised = EvidenceLedger.normalised(b);
            assertEquals(EvidenceLedger.normalised(a).equals(normalised), EvidenceLedger.normalisesTo(a, normalised), a + " / " + b);
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
