package io.oteldoctor.analysis;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;

/**
 * Carries what the thread reading a file's second range finds (its candidate records, already
 * parsed and read into signals, and host names for grouping by host) to the thread that owns the
 * rules, in line order. Bounded in bytes: while
 * the first range is still being read, the second thread stops when the budget is full, so memory
 * does not grow with the input however many candidates it holds.
 */
final class Handoff {

    /** One item, in the order the second range's record assembler produced it. */
    sealed interface Item permits Read, Host {
    }

    record Read(Reading reading) implements Item {
    }

    record Host(String name) implements Item {
    }

    private static final int ITEM_OVERHEAD = 64;

    private final ArrayDeque<Item> items = new ArrayDeque<>();
    /** Signal texts in the queue, by identity, with how many queued signals hold each. */
    private final java.util.IdentityHashMap<String, int[]> texts = new java.util.IdentityHashMap<>();
    private final long budget;
    private long bytes;
    private boolean finished;
    private boolean cancelled;
    private Throwable failure;
    private long producerWaitNanos;
    private long consumerWaitNanos;

    Handoff(long budget) {
        this.budget = budget;
    }

    void reading(Reading reading) {
        put(new Read(reading));
    }

    void host(String name) {
        put(new Host(name));
    }

    private synchronized void put(Item item) {
        long size = size(item, true);
        long waitStart = System.nanoTime();
        // an item larger than the whole budget still goes through once the queue is empty
        while (!cancelled && bytes > 0 && bytes + size > budget) {
            await();
            size = size(item, true); // what the queue shares with it may have been taken meanwhile
        }
        producerWaitNanos += System.nanoTime() - waitStart;
        if (cancelled) {
            throw new CancellationException("the first range failed");
        }
        items.add(item);
        bytes += size;
        hold(item);
        notifyAll();
    }

    /** The next item, or null once the second range is read to its end. */
    synchronized Item take() {
        long waitStart = System.nanoTime();
        while (items.isEmpty() && !finished) {
            await();
        }
        consumerWaitNanos += System.nanoTime() - waitStart;
        Item item = items.poll();
        if (item != null) {
            bytes -= size(item, false);
            release(item);
            notifyAll();
        }
        return item;
    }

    /** The second range is read: to its end, or up to {@code failure} (null when none). */
    synchronized void finish(Throwable failure) {
        this.failure = failure;
        finished = true;
        notifyAll();
    }

    /** The first range failed: what the second range holds is not used, so its thread stops. */
    synchronized void cancel() {
        cancelled = true;
        items.clear();
        texts.clear();
        bytes = 0;
        notifyAll();
    }

    /** What the queued items are counted to hold. */
    synchronized long bytes() {
        return bytes;
    }

    synchronized Throwable failure() {
        return failure;
    }

    synchronized long producerWaitNanos() {
        return producerWaitNanos;
    }

    synchronized long consumerWaitNanos() {
        return consumerWaitNanos;
    }

    /**
     * What an item holds in memory. A signal holds its record's text and a few parts of it, as
     * Latin-1 or UTF-16 strings; but the signals of records read by their shape share the text of
     * the record they repeat, so a text counts once however many queued signals hold it. Counting
     * it for each held the second range back at a seventh of the budget on a mixed 2 GB log, and
     * that thread spent a third of the run waiting.
     *
     * @param adding whether the item is being added (else taken): a text counts when its first
     *               holder comes and when its last holder goes
     */
    private long size(Item item, boolean adding) {
        if (item instanceof Host h) {
            return ITEM_OVERHEAD + h.name().length();
        }
        Reading r = ((Read) item).reading();
        if (r.signal() == null) {
            return ITEM_OVERHEAD;
        }
        int[] holders = texts.get(r.signal().getText());
        boolean counts = adding ? holders == null : holders != null && holders[0] == 1;
        return 4L * ITEM_OVERHEAD + (counts ? 3L * r.signal().getText().length() : 0);
    }

    private void hold(Item item) {
        if (item instanceof Read r && r.reading().signal() != null) {
            texts.computeIfAbsent(r.reading().signal().getText(), t -> new int[1])[0]++;
        }
    }

    private void release(Item item) {
        if (item instanceof Read r && r.reading().signal() != null) {
            String text = r.reading().signal().getText();
            int[] holders = texts.get(text);
            if (--holders[0] == 0) {
                texts.remove(text);
            }
        }
    }

    private void await() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            throw new CancellationException("interrupted");
        }
    }
}
