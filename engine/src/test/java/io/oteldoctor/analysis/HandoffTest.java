package io.oteldoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oteldoctor.signature.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HandoffTest {

    private static Reading reading(String text, long line) {
        return new Reading(true, "g", Signal.builder().source("app.log").line(line).lastLine(line).text(text).build());
    }

    @Test
    void aTextSharedByQueuedSignalsCountsOnce() {
        String text = "x".repeat(1000);
        Handoff shared = new Handoff(1 << 20);
        Handoff distinct = new Handoff(1 << 20);
        Reading first = reading(text, 1);
        for (int i = 0; i < 10; i++) {
            shared.reading(first.at(i + 1, Instant.EPOCH)); // as records read by their shape are
            distinct.reading(reading(new String(text), i + 1));
        }
        assertEquals(10 * 256 + 3000, shared.bytes());
        assertEquals(10 * (256 + 3000), distinct.bytes());
    }

    @Test
    void takingEverythingLeavesNothingCounted() {
        Random random = new Random(9);
        List<String> texts = List.of("a".repeat(300), "b".repeat(500), "c".repeat(700));
        List<Reading> remembered = texts.stream().map(t -> reading(t, 0)).toList();
        Handoff handoff = new Handoff(1 << 20);
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            if (random.nextInt(3) > 0) {
                handoff.reading(remembered.get(random.nextInt(3)).at(i, Instant.EPOCH));
                lines.add((long) i);
            } else if (!lines.isEmpty()) {
                Handoff.Read taken = (Handoff.Read) handoff.take();
                assertEquals(lines.remove(0), taken.reading().signal().getLine(), "in order");
            }
            assertTrue(handoff.bytes() >= 0);
        }
        handoff.finish(null);
        while (handoff.take() != null) {
            lines.remove(0);
        }
        assertTrue(lines.isEmpty());
        assertEquals(0, handoff.bytes());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFullBudgetHoldsTheReaderBackUntilItemsAreTaken() throws InterruptedException {
        Handoff handoff = new Handoff(2000);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                handoff.reading(reading(Integer.toString(i).repeat(400), i)); // 1,456 bytes each: one at a time
            }
            handoff.finish(null);
        });
        producer.start();
        Thread.sleep(200);
        assertTrue(producer.isAlive(), "the second item waits for room");
        int taken = 0;
        while (handoff.take() != null) {
            taken++;
        }
        producer.join();
        assertEquals(5, taken);
        assertFalse(producer.isAlive());
    }
}
