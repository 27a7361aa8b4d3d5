package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written ISO reader must answer exactly as the regular expression and formatter it replaced. */
class TimestampsTest {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern JAVAAGENT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}):(\\d{3}) ([+-]\\d{4})");

    /** The definition: the javaagent form first, then the ISO form, read by java.time's ISO formatter. */
    private static Instant reference(String text) {
        Matcher m = JAVAAGENT.matcher(text);
        if (m.lookingAt()) {
            return iso(m.group(1), m.group(2), m.group(3), m.group(4));
        }
        m = ISO.matcher(text);
        return m.lookingAt() ? iso(m.group(1), m.group(2), m.group(3), m.group(4)) : Timestamps.parse(text);
    }

    private static Instant iso(String date, String time, String fraction, String zone) {
        try {
            LocalDateTime local = LocalDateTime.parse(date + "T" + time + (fraction == null ? "" : "." + fraction),
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            if (zone == null || zone.equals("Z")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
            return OffsetDateTime.of(local, ZoneOffset.of(z)).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    @Test
    void knownSpellings() {
        for (String t : new String[] {"2025-09-24T14:47:19.180Z", "2025-09-24T14:47:19.180Z\terror", "2025-09-24 14:47:19,123 INFO",
                "2025-09-24T14:47:19+02:00", "2025-09-24T14:47:19.123456789-0530 x", "2025-09-24T14:47:19.1234567891Z",
                "2025-02-30T10:00:00Z", "2025-09-24T24:00:00Z", "2025-09-24T14:47:60Z", "2025-09-24 09:36:10:044 +0000 [x]",
                "2025-09-24T14:47:19.Z", "2025-09-24T14:47:19+05:3", "2025-09-24T14:47:19+19:00", "2025-09-24T14:47:19-00:60",
                "2025-09-24T14:47:19+0533x", "2025-09-24T14:47:19,5"}) {
            assertEquals(reference(t), Timestamps.parse(t), t);
        }
    }

    @Test
    void randomSpellingsNearTheIsoForm() {
        Random random = new Random(42);
        String alphabet = "0123456789-:T .,Z+x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(3000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            for (int k = random.nextInt(14); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // mutate one position now and then, so near misses of the shape are tried too
            if (random.nextBoolean()) {
                s.setCharAt(random.nextInt(s.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = s.toString();
            assertEquals(reference(t), Timestamps.parse(t), t);
        }
    }

    @Test
    void zapEpochSecondsAreReadAsDecimals() {
        assertEquals(Instant.ofEpochSecond(1679586918, 242_877_500), Timestamps.fromZapTs("1.6795869182428775e+09"));
        assertEquals(Instant.ofEpochSecond(1679586918, 242_877_500), Timestamps.fromZapTs("1679586918.2428775"));
        assertEquals(Instant.ofEpochSecond(1749546564, 123_456_000), Timestamps.fromZapTs("1.749546564123456E9"),
                "a JSON number as the tree prints it");
        assertEquals(Instant.ofEpochSecond(1749546564), Timestamps.fromZapTs("1749546564"));
        assertEquals(Instant.parse("2025-06-10T09:12:44.123Z"), Timestamps.fromZapTs("2025-06-10T09:12:44.123Z"));
        assertEquals(null, Timestamps.fromZapTs("1e999999999"), "no time, and no number built to find out");
        assertEquals(null, Timestamps.fromZapTs("1.2.3"));
    }
}
