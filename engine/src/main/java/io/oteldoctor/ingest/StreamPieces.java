package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Cuts a log stream into pieces of about a given size, each cut at a line where a record starts
 * whatever came before it (the test {@link RecordAssembler#startsRecordAfter} makes): a piece read
 * on its own, with no history, gives the records that reading the stream from the top gives
 * there. That lets several threads scan one stream, decompressed or piped, at once.
 *
 * <p>Buffers come back through {@link #recycle} once a piece has been scanned, so a reader that
 * holds at most a few pieces at a time keeps memory bounded however long the stream.
 */
public final class StreamPieces {

    /** A piece of the stream: {@code bytes[0, length)}, whole lines unless it is the last. */
    public sealed interface Piece permits Cut, Last, Failed, Rest {
        byte[] bytes();

        int length();
    }

    /** Ends where a record starts; more follows. */
    public record Cut(byte[] bytes, int length) implements Piece {
    }

    /** Everything up to the end of the stream. */
    public record Last(byte[] bytes, int length) implements Piece {
    }

    /** Everything read before reading failed, then the failure. */
    public record Failed(byte[] bytes, int length, IOException failure) implements Piece {
    }

    /**
     * No cut was found within the search limit (a very long record, or lines too long to cut
     * between): these bytes and all that remains must be read in one go, from {@link #rest()}.
     */
    public record Rest(byte[] bytes, int length) implements Piece {
    }

    private static final int READ = 1 << 16;
    private static final int FIRST_BUFFER = 1 << 18;

    private final InputStream in;
    private final int pieceBytes;
    private final int searchBytes;
    private final int maxLineBytes;
    private final BlockingQueue<byte[]> free;
    private byte[] carry = new byte[0];
    private int carried;
    private boolean done;
    private long waitedNanos;

    /**
     * @param pieceBytes   where to start looking for a cut
     * @param searchBytes  how far past that to look before giving up on cutting
     * @param maxLineBytes the scanner's limit: lines longer than this are never cut next to
     * @param buffers      how many buffers may be out at once (the pieces not yet recycled)
     */
    public StreamPieces(InputStream in, int pieceBytes, int searchBytes, int maxLineBytes, int buffers) {
        if (pieceBytes < 1 || searchBytes < 1 || buffers < 1) {
            throw new IllegalArgumentException("pieceBytes, searchBytes and buffers must be positive");
        }
        this.in = in;
        this.pieceBytes = pieceBytes;
        this.searchBytes = searchBytes;
        this.maxLineBytes = maxLineBytes;
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[0]);
        }
    }

    /**
     * The next piece, or null after the last one. Waits for a recycled buffer when all are out.
     *
     * @throws InterruptedException while waiting for a buffer
     */
    public Piece next() throws InterruptedException {
        if (done) {
            return null;
        }
        long waitStart = System.nanoTime();
        byte[] buf = free.take();
        waitedNanos += System.nanoTime() - waitStart;
        // a new buffer starts small and grows as it fills: a directory of small logs allocates what they
        // hold, not a piece's worth each; recycled buffers of a large log keep the size they grew to
        int size = Math.max(Math.min(pieceBytes + Math.min(searchBytes, 2 * READ), FIRST_BUFFER), carried + READ);
        if (buf.length < size) {
            buf = new byte[size];
        }
        System.arraycopy(carry, 0, buf, 0, carried);
        int filled = carried;
        carried = 0;
        int searched = -1; // a newline past the target: the lines after it are tried as cuts
        while (true) {
            if (filled >= pieceBytes) {
                if (searched < 0) {
                    searched = LineScanner.indexOfNewline(buf, Math.max(0, pieceBytes - 1), filled);
                }
                if (searched >= 0) {
                    int cut = cut(buf, searched, filled);
                    if (cut > 0) {
                        keep(buf, cut, filled);
                        return new Cut(buf, cut);
                    }
                    searched = -cut;
                }
                if (filled - pieceBytes >= searchBytes) {
                    done = true;
                    return new Rest(buf, filled);
                }
            }
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, Integer.MAX_VALUE - 16));
            }
            int n;
            try {
                n = in.read(buf, filled, Math.min(READ, buf.length - filled));
            } catch (IOException e) {
                done = true;
                return new Failed(buf, filled, e);
            }
            if (n < 0) {
                done = true;
                return new Last(buf, filled);
            }
            filled += n;
        }
    }

    /** Time {@link #next} spent waiting for a buffer to come back, not reading. */
    public long waitedNanos() {
        return waitedNanos;
    }

    /** All that follows a {@link Rest} piece's bytes: the stream, from where the pieces stopped. */
    public InputStream rest() {
        return in;
    }

    /** Gives a piece's buffer back once nothing refers into it any more. */
    public void recycle(Piece piece) {
        free.offer(piece.bytes());
    }

    /**
     * Tries the lines that start after the newline at {@code nl}, each with the line before it: the
     * offset of the first that starts a record whatever came before, or minus the offset of the
     * last newline reached when the bytes read so far end before such a line is found whole.
     */
    private int cut(byte[] b, int nl, int filled) {
        while (true) {
            int lStart = nl + 1;
            int lNewline = LineScanner.indexOfNewline(b, lStart, filled);
            if (lNewline < 0) {
                return -nl;
            }
            int kStart = LineScanner.lastNewline(b, 0, nl) + 1;
            if (nl - kStart <= maxLineBytes && lNewline - lStart <= maxLineBytes
                    && RecordAssembler.startsRecordAfter(b, kStart, LineScanner.trimCr(b, kStart, nl), lStart, LineScanner.trimCr(b, lStart, lNewline))) {
                return lStart;
            }
            nl = lNewline;
        }
    }

    private void keep(byte[] buf, int from, int filled) {
        carried = filled - from;
        if (carry.length < carried) {
            carry = new byte[Math.max(carried, READ * 2)];
        }
        System.arraycopy(buf, from, carry, 0, carried);
    }
}
