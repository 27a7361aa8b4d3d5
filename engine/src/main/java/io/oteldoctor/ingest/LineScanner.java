package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it, and says of each line whether its filter
 * lets it through. Decoding happens later and only for the few lines the filter lets through,
 * which is what keeps large inputs cheap.
 *
 * <p>The complete lines of each read are handed to the filter in windows of whole lines
 * ({@link LineFilter#markLines}), so a prefilter finds line ends and triggers in one pass.
 */
public final class LineScanner {

    /** Lines longer than this keep their head and are flagged; the rest is skipped, never buffered. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final int CHUNK = 1 << 20;

    /** Bytes of whole lines marked at a time (a window runs on to the end of the line it cuts), and so the most lines a window holds. */
    static final int WINDOW = 1 << 17;

    private final int maxLineBytes;
    private final LineFilter filter;
    private final int[] marks = new int[WINDOW + 1];

    /** @param filter what {@link LineSink#line}'s {@code mayMatter} says of each line */
    public LineScanner(int maxLineBytes, LineFilter filter) {
        if (maxLineBytes < 64) {
            throw new IllegalArgumentException("maxLineBytes must be at least 64");
        }
        this.maxLineBytes = maxLineBytes;
        this.filter = filter;
    }

    /** A scanner that lets every line through: for readers that leave filtering to whoever they feed. */
    public LineScanner(int maxLineBytes) {
        this(maxLineBytes, LineFilter.ALL);
    }

    public LineScanner() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public void scan(InputStream in, LineSink sink) throws IOException {
        byte[] buf = new byte[Math.max(CHUNK, maxLineBytes) + CHUNK];
        int filled = 0;
        int lineStart = 0;
        boolean discarding = false; // inside the tail of an over-long line
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                break;
            }
            int scanFrom = filled;
            filled += n;
            if (discarding) {
                int nl = indexOfNewline(buf, scanFrom, filled);
                if (nl >= 0) {
                    discarding = false;
                    lineStart = nl + 1;
                } else {
                    lineStart = filled;
                }
            }
            if (!discarding) {
                int last = lastNewline(buf, Math.max(lineStart, scanFrom), filled);
                if (last >= 0) {
                    lines(buf, lineStart, last + 1, sink);
                    lineStart = last + 1;
                }
                if (filled - lineStart > maxLineBytes) {
                    head(buf, lineStart, sink);
                    discarding = true;
                    lineStart = filled;
                }
            }
            if (filled == buf.length || buf.length - filled < CHUNK / 4) {
                sink.beforeRefill();
                int keep = filled - lineStart;
                System.arraycopy(buf, lineStart, buf, 0, keep);
                filled = keep;
                lineStart = 0;
            }
        }
        if (!discarding && filled > lineStart) {
            int end = trimCr(buf, lineStart, filled);
            sink.line(buf, lineStart, end, false, filter.mayMatter(buf, lineStart, end));
        }
        sink.end();
    }

    /**
     * Scans bytes already in memory exactly as {@link #scan(InputStream, LineSink)} scans a stream
     * that yields them: a piece of a log read by another thread gives the lines that reading the
     * log from the top gives there.
     *
     * @param ended true when the stream ended after these bytes, so a last line without a newline is
     *              a line and the sink hears the end; false when reading failed after them, so that
     *              line is lost (unless it was already long enough to be cut) and the sink hears nothing more
     */
    public void scan(byte[] buf, int from, int to, boolean ended, LineSink sink) {
        int tail = lastNewline(buf, from, to) + 1;
        if (tail == 0) {
            tail = from;
        }
        lines(buf, from, tail, sink);
        if (to - tail > maxLineBytes) {
            head(buf, tail, sink);
        } else if (ended && to > tail) {
            int end = trimCr(buf, tail, to);
            sink.line(buf, tail, end, false, filter.mayMatter(buf, tail, end));
        }
        if (ended) {
            sink.end();
        }
    }

    /** Hands on the lines of buf[from, to), which ends with a newline, a window at a time. */
    private void lines(byte[] buf, int from, int to, LineSink sink) {
        while (from < to) {
            // a window ends with the line that crosses its last byte, so it holds at most WINDOW lines
            int windowEnd = to - from <= WINDOW ? to : indexOfNewline(buf, from + WINDOW - 1, to) + 1;
            int count = filter.markLines(buf, from, windowEnd, marks);
            int start = from;
            for (int k = 0; k < count; k++) {
                int mark = marks[k];
                int nl = mark < 0 ? ~mark : mark;
                if (nl - start > maxLineBytes) {
                    // cut here too, not only when a read ends inside the line: where reads end must not
                    // change what a line becomes (a log read in pieces is read in other chunks)
                    head(buf, start, sink);
                } else {
                    sink.line(buf, start, trimCr(buf, start, nl), false, mark < 0);
                }
                start = nl + 1;
            }
            from = windowEnd;
        }
    }

    /** The kept head of an over-long line: the filter says what it says of those bytes alone. */
    private void head(byte[] buf, int start, LineSink sink) {
        int end = start + maxLineBytes;
        sink.line(buf, start, end, true, filter.mayMatter(buf, start, end));
    }

    static int indexOfNewline(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static int lastNewline(byte[] buf, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static int trimCr(byte[] buf, int start, int end) {
        return end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }
}
