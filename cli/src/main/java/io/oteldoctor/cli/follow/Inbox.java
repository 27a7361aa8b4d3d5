package io.oteldoctor.cli.follow;

import io.oteldoctor.ingest.LineSink;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where every input of follow mode (standard input, followed files, listener connections) hands
 * its lines to the one thread that diagnoses. Bounded, so a fast sender waits instead of growing
 * the heap: back-pressure reaches the shipper through its pipe or socket.
 */
final class Inbox {

    static final int CAPACITY = 8192;

    sealed interface Item permits Line, Closed {
        String source();
    }

    /** One physical line, copied out of the reader's buffer. */
    record Line(String source, byte[] bytes, boolean truncated) implements Item {
    }

    /** A source ended: end of file, of a connection, of standard input. */
    record Closed(String source) implements Item {
    }

    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>(CAPACITY);

    /** A line sink that copies each line into the inbox under the given source name. */
    LineSink sink(String source) {
        return new LineSink() {
            @Override
            public void line(byte[] buf, int start, int end, boolean truncated, boolean mayMatter) {
                put(new Line(source, Arrays.copyOfRange(buf, start, end), truncated));
            }

            @Override
            public void end() {
                put(new Closed(source));
            }
        };
    }

    void put(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing on a line", e);
        }
    }

    /** The next item, or null when none came within the timeout. */
    Item poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
