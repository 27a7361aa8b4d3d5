package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordShapeTest {

    private static final byte[][] COUNTS = RecordShape.fieldNames(List.of("interval", "dropped_items"));

    private static final String RETRY = "%s\terror\tinternal/retry_sender.go:133\tExporting failed. Will retry the request after interval.\t"
            + "{\"otelcol.component.id\": \"otlp/backend\", \"error\": \"rpc error: code = Unavailable desc = connection error: "
            + "desc = \\\"transport: Error while dialing: dial tcp 10.20.30.40:4317: connect: connection refused\\\"\", \"interval\": %s}";

    private static RecordShape shape(String line) {
        return RecordShape.of(line.getBytes(StandardCharsets.UTF_8), COUNTS);
    }

    private static String retry(String time, String interval) {
        return RETRY.formatted(time, interval);
    }

    @Test
    void recordsThatDifferInTimeAndIntervalHaveOneShape() {
        RecordShape a = shape(retry("2025-06-10T09:00:00.023Z", "\"21.109235904s\""));
        RecordShape b = shape(retry("2025-06-11T17:42:09.961Z", "\"3.319423535s\""));
        assertEquals(a.key(), b.key());
        assertTrue(a.blanked());
        assertEquals(Instant.parse("2025-06-10T09:00:00.023Z"), a.timestamp());
        assertEquals(Instant.parse("2025-06-11T17:42:09.961Z"), b.timestamp());
    }

    @Test
    void whatTheRecordSaysIsPartOfItsShape() {
        RecordShape refused = shape(retry("2025-06-10T09:00:00.023Z", "\"3s\""));
        assertNotEquals(refused.key(), shape(retry("2025-06-10T09:00:00.023Z", "\"3s\"").replace("4317", "4318")).key());
        assertNotEquals(refused.key(), shape(retry("2025-06-10T09:00:00.023Z", "\"3s\"").replace("refused", "reset")).key());
        assertNotEquals(refused.key(), shape(retry("2025-06-10T09:00:00.023Z", "\"3s\"").replace("\terror\t", "\twarn\t")).key());
        assertNotEquals(refused.key(), shape(retry("2025-06-10T09:00:00.023Z", "\"3s\"").replace("go:133", "go:134")).key());
    }

    @Test
    void aValueKeepsItsKindAndOnlyValidValuesAreBlanked() {
        String time = "2025-06-10T09:00:00.023Z";
        Object string = shape(retry(time, "\"3s\"")).key();
        assertEquals(string, shape(retry(time, "\"\"")).key(), "the empty string stands for every string");
        assertNotEquals(string, shape(retry(time, "3")).key());
        assertEquals(shape(retry(time, "3")).key(), shape(retry(time, "0")).key());
        assertEquals(shape(retry(time, "3")).key(), shape(retry(time, "-2.5e3")).key());
        assertNotEquals(shape(retry(time, "3")).key(), shape(retry(time, "03")).key(), "JSON has no leading zeros");
        assertNotEquals(string, shape(retry(time, "\"3\\qs\"")).key(), "an invalid escape");
        assertNotEquals(string, shape(retry(time, "\"3s")).key(), "an unterminated string");
    }

    @Test
    void onlyMemberNamesOfTheFieldsObjectAreBlanked() {
        String time = "2025-06-10T09:00:00.023Z";
        String quoted = time + "\terror\tx.go:1\tfailed\t{\"error\": \"body {\\\"interval\\\": 5}\"}";
        assertNotEquals(shape(quoted).key(), shape(quoted.replace(": 5}", ": 6}")).key(), "a name inside a string value");
        String inMessage = time + "\terror\tx.go:1\tfailed {\"interval\": 5}\t{\"error\": \"boom\"}";
        assertNotEquals(shape(inMessage).key(), shape(inMessage.replace(": 5}", ": 6}")).key(), "the message is not the fields object");
        assertFalse(shape(inMessage).blanked());
    }

    @Test
    void aJournaldPrefixKeepsItsHostButNotItsTime() {
        String console = retry("2025-06-10T09:00:00.023Z", "\"3s\"");
        RecordShape a = shape("Jun 10 09:00:00 gw-01 otelcol-contrib[812]: " + console);
        RecordShape b = shape("Jun 10 09:00:07 gw-01 otelcol-contrib[812]: " + console.replace("00.023Z", "07.101Z"));
        assertEquals(a.key(), b.key());
        assertEquals(Instant.parse("2025-06-10T09:00:07.101Z"), b.timestamp());
        assertNotEquals(a.key(), shape("Jun 10 09:00:00 gw-02 otelcol-contrib[812]: " + console).key());
    }

    @Test
    void twoSpaceConsoleLinesHaveShapesToo() {
        String spaced = retry("2025-06-10T09:00:00.023Z", "\"3s\"").replace("\t", "    ");
        RecordShape a = shape(spaced);
        assertNotNull(a);
        assertEquals(a.key(), shape(spaced.replace("\"3s\"", "\"4.2s\"").replace("00.023Z", "09.500Z")).key());
    }

    @Test
    void otherLayoutsHaveNone() {
        assertNull(shape("\u001e{\"level\":\"error\",\"ts\":\"2025-06-10T09:00:00.023Z\",\"msg\":\"Exporting failed\"}"), "JSON text sequences");
        assertNull(shape(" {\"level\":\"error\",\"ts\":\"2025-06-10T09:00:00.023Z\",\"msg\":\"Exporting failed\"}"));
        assertNull(shape("2025-06-10 09:00:00 ERROR failed to export spans"));
        assertNull(shape("2025-06-10T09:00:00.023Z stderr F plain text from a pod"));
        assertNull(shape("2025-06-10T09:00:00.023Z\tnotice\tsomething"));
        assertNull(shape(""));
        assertNull(shape(retry("2025-06-10T09:00:00.023Z", "\"" + "x".repeat(RecordShape.MAX_BYTES) + "\"")));
    }

    private static final String JSON_RETRY = "{\"level\":\"error\",\"ts\":\"%s\",\"caller\":\"internal/retry_sender.go:133\","
            + "\"msg\":\"Exporting failed. Will retry the request after interval.\",\"resource\":{\"ts\":\"2025-01-01T00:00:00Z\"},"
            + "\"error\":\"dial tcp 10.20.30.40:4317: connect: connection refused\",\"interval\":%s}";

    @Test
    void jsonRecordsThatDifferInTheirTsAndIntervalHaveOneShape() {
        RecordShape a = shape(JSON_RETRY.formatted("2025-06-10T09:00:00.023Z", "\"21.1s\""));
        RecordShape b = shape(JSON_RETRY.formatted("2025-06-11T17:42:09.961Z", "\"3.3s\""));
        assertNotNull(a);
        assertEquals(a.key(), b.key());
        assertTrue(a.blanked());
        assertEquals(Instant.parse("2025-06-11T17:42:09.961Z"), b.timestamp());
        assertEquals(Instant.ofEpochSecond(1749546007, 250_000_000), shape(JSON_RETRY.formatted("1749546007.25", "1")).timestamp(),
                "a ts of seconds since the epoch, in a string, reads as the parser reads it");
        assertTrue(a.readsAs(InputFormat.COLLECTOR_JSON));
        assertFalse(a.readsAs(InputFormat.JOURNAL_JSON));
        assertNotEquals(a.key(), shape(JSON_RETRY.formatted("2025-06-10T09:00:00.023Z", "\"21.1s\"").replace("4317", "4318")).key());
        assertNotEquals(a.key(), shape(JSON_RETRY.formatted("2025-06-10T09:00:00.023Z", "\"21.1s\"").replace("2025-01-01", "2025-01-02")).key(),
                "only the top-level ts is masked");
    }

    @Test
    void aJsonRecordWithoutOneStringTsAtTheTopHasNoShape() {
        assertNull(shape(JSON_RETRY.formatted("2025-06-10T09:00:00.023Z", "1").replace("\"ts\":\"2025-06-10", "\"time\":\"2025-06-10")),
                "the only ts is nested");
        assertNull(shape("{\"level\":\"error\",\"ts\":1749546007.25,\"msg\":\"Exporting failed.\"}"), "a number: the parser rewrites it");
        assertNull(shape("{\"level\":\"error\",\"ts\":\"2025-06-10T09:00:00Z\",\"msg\":\"x\",\"ts\":\"2025-06-10T09:00:01Z\"}"), "two");
        assertNull(shape("{\"level\":\"error\",\"ts\":\"2025-06-10T09:00:00\\u005a\",\"msg\":\"x\"}"), "an escape in the time");
        assertNull(shape("{\"level\":\"error\",\"msg\":\"ts\",\"x\":\"unterminated}"));
    }

    /** A key made in a scratch buffer looks up the same entries, and the kept copy outlives the buffer's reuse. */
    @Test
    void keysInAScratchBufferEqualKeysOfTheirOwn() {
        byte[] scratch = new byte[RecordShape.SCRATCH_BYTES];
        String refused = retry("2025-06-10T09:00:00.023Z", "\"21.109235904s\"");
        String json = "{\"level\":\"error\",\"ts\":\"2025-06-10T09:00:00.023Z\",\"msg\":\"Exporting failed.\",\"interval\":\"5.1s\"}";
        String head = "2025-06-10T09:00:00.023Z\terror\tx.go:1\t";
        String tail = "\t{\"kind\": \"exporter\"}"; // nothing blanked: the key is as long as the scratch buffer
        String fillsScratch = head + "m".repeat(RecordShape.SCRATCH_BYTES - head.length() - tail.length()) + tail;
        for (String line : List.of(refused, json, fillsScratch)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            RecordShape inScratch = RecordShape.of(bytes, COUNTS, scratch);
            RecordShape own = RecordShape.of(bytes, COUNTS);
            assertEquals(own.key(), inScratch.key());
            assertEquals(own.key().hashCode(), inScratch.key().hashCode());
            Object kept = inScratch.keptKey();
            RecordShape.of(retry("2025-06-10T09:00:00.023Z", "\"3s\"").replace("4317", "9999").getBytes(StandardCharsets.UTF_8), COUNTS, scratch);
            assertEquals(own.key(), kept, "the kept key is its own copy");
            assertNotEquals(own.key(), inScratch.key(), "a key in scratch is only valid until the next shape");
        }
    }

    @Test
    void everyFieldBlanksAllValuesOfTheFieldsObjectButNotTheMessage() {
        String a = "2025-06-10T09:00:01.000Z\tinfo\tmemorylimiter/memorylimiter.go:180\tMemory usage is within limits\t{\"cur_mem_mib\": 120, \"name\": \"a\"}";
        String b = "2025-06-10T09:00:02.000Z\tinfo\tmemorylimiter/memorylimiter.go:180\tMemory usage is within limits\t{\"cur_mem_mib\": 377, \"name\": \"b\"}";
        String c = b.replace("within limits", "above limits");
        RecordShape sa = RecordShape.of(a.getBytes(StandardCharsets.UTF_8), RecordShape.EVERY_FIELD);
        assertEquals(sa.key(), RecordShape.of(b.getBytes(StandardCharsets.UTF_8), RecordShape.EVERY_FIELD).key());
        assertTrue(sa.blanked());
        assertNotEquals(sa.key(), RecordShape.of(c.getBytes(StandardCharsets.UTF_8), RecordShape.EVERY_FIELD).key());
        assertNotEquals(shape(a).key(), shape(b).key(), "named fields blank only those names");
    }
}
