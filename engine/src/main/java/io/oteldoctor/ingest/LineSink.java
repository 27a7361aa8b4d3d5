package io.oteldoctor.ingest;

/** Receives physical lines straight from the read buffer; the bytes are only valid during the call. */
public interface LineSink {

    /**
     * One physical line without its terminator.
     *
     * @param truncated the line was longer than the scanner's limit and only its head is given
     * @param mayMatter the scanner's filter lets the line through; always true for a scanner without one
     */
    void line(byte[] buf, int start, int end, boolean truncated, boolean mayMatter);

    /** The buffer is about to be reused: anything still referring into it must be copied now. */
    default void beforeRefill() {
    }

    /** No more lines will come. */
    default void end() {
    }
}
