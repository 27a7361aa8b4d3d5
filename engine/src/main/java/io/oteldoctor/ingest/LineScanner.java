package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it. Decoding happens later and only for the
 * few lines the prefilter lets through, which is what keeps large inputs cheap.
 */
public final class LineScanner {

    /** Lines longer than this keep their head and are flagged; the rest is skipped, never buffered. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final int CHUNK = 1 << 20;

    private final int maxLineBytes;

    public LineScanner(int maxLineBytes) {
        if (maxLineBytes < 64) {
            throw new IllegalArgumentException("maxLineBytes must be at least 64");
        }
        this.maxLineBytes = maxLineBytes;
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
            for (int i = scanFrom; i < filled; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                if (discarding) {
                    discarding = false;
                } else if (i - lineStart > maxLineBytes) {
                    // cut here too, not only when a read ends inside the line: where reads end must not
                    // change what a line becomes (a file read as two ranges is read in other pieces)
                    sink.line(buf, lineStart, lineStart + maxLineBytes, true);
                } else {
                    sink.line(buf, lineStart, trimCr(buf, lineStart, i), false);
                }
                lineStart = i + 1;
            }
            if (!discarding && filled - lineStart > maxLineBytes) {
                sink.line(buf, lineStart, lineStart + maxLineBytes, true);
                discarding = true;
                lineStart = filled;
            }
            if (discarding) {
                lineStart = filled;
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
            sink.line(buf, lineStart, trimCr(buf, lineStart, filled), false);
        }
        sink.end();
    }

    private static int trimCr(byte[] buf, int start, int end) {
        return end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }
}
