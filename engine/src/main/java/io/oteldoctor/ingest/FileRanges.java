package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts a plain log file in two at a line where a record starts whatever came before it, so the two
 * halves can be read at once and still give the records one reading from the top gives.
 */
public final class FileRanges {

    private static final int LOOK_BACK = 64 << 10;
    private static final int LOOK_AHEAD = 1 << 20;

    private FileRanges() {
    }

    /**
     * The offset of the first such line at or after the middle of the first {@code size} bytes, or
     * -1 when none is found within a mebibyte (one long stack trace, or over-long lines), in which
     * case the file is read in one piece.
     */
    public static long middle(Path file, long size, int maxLineBytes) throws IOException {
        if (size < 4) {
            return -1;
        }
        long mid = size / 2;
        long lo = Math.max(0, mid - LOOK_BACK);
        long hi = Math.min(size, mid + LOOK_AHEAD);
        byte[] b = new byte[(int) (hi - lo)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (buf.hasRemaining()) {
                if (ch.read(buf, lo + buf.position()) < 0) {
                    return -1;
                }
            }
        }
        int nl = next(b, (int) (mid - lo) - 1);
        while (nl >= 0 && nl + 1 < b.length) {
            int lStart = nl + 1;
            int lNewline = next(b, lStart);
            int lEnd = lNewline >= 0 ? lNewline : hi == size ? b.length : -1;
            if (lEnd < 0) {
                return -1;
            }
            int kStart = previous(b, nl - 1) + 1;
            boolean wholeK = kStart > 0 || lo == 0;
            // over-long lines are cut by the scanner; they are rare, so cut elsewhere rather than mimic that
            if (wholeK && nl - kStart <= maxLineBytes && lEnd - lStart <= maxLineBytes
                    && RecordAssembler.startsRecordAfter(b, kStart, trimCr(b, kStart, nl), lStart, trimCr(b, lStart, lEnd))) {
                return lo + lStart;
            }
            nl = lNewline;
        }
        return -1;
    }

    /** Bytes {@code from} to the end of the file as it is when read (a growing log is read on). */
    public static InputStream from(Path file, long from) throws IOException {
        return range(file, from, Long.MAX_VALUE);
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive), read at their positions. */
    public static InputStream range(Path file, long from, long to) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        return new InputStream() {
            private long position = from;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] dst, int off, int len) throws IOException {
                long left = to - position;
                if (left <= 0) {
                    return -1;
                }
                int n = ch.read(ByteBuffer.wrap(dst, off, (int) Math.min(len, left)), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    private static int next(byte[] b, int from) {
        for (int i = Math.max(0, from); i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int previous(byte[] b, int from) {
        for (int i = from; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(byte[] b, int start, int end) {
        return end > start && b[end - 1] == '\r' ? end - 1 : end;
    }
}
