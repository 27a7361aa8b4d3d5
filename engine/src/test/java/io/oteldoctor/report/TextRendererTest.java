package io.oteldoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The text report writes its numbers without String.format, and must write them exactly as it did. */
class TextRendererTest {

    @Test
    void percentagesRoundAsFormatDoes() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i <= 200_000; i++) {
            // every step of a 200,000th, halves of a percent among them, then arbitrary fractions
            double fraction = i <= 100_000 ? i / 100_000.0 : random.nextDouble();
            assertEquals(String.format(Locale.ROOT, "%.0f%%", fraction * 100), TextRenderer.percent(fraction), "fraction " + fraction);
        }
        for (double fraction : new double[] {0.005, 0.015, 0.145, 0.285, 0.495, 0.5, 0.945, 0.995, 0.9949999999999999}) {
            assertEquals(String.format(Locale.ROOT, "%.0f%%", fraction * 100), TextRenderer.percent(fraction), "fraction " + fraction);
        }
    }

    @Test
    void countsAreGroupedAsFormatGroupsThem() {
        long[] counts = {0, 1, 12, 123, 999, 1_000, 9_999, 10_000, 123_456, 999_999, 1_000_000, 12_345_678, 1_234_567_890_123L,
            Long.MAX_VALUE, -1, -999, -1_000, -1_234_567, Long.MIN_VALUE};
        for (long n : counts) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), TextRenderer.grouped(n), "count " + n);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), TextRenderer.grouped(n), "count " + n);
        }
    }
}
