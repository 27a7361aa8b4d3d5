package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of the reader: decompressing a gzip
 * file then runs on one core while the lines it yields are scanned on another, instead of the two
 * taking turns. What the reader sees is exactly what the source gives, in the same order: every
 * byte the source produced before failing, then the source's own exception.
 */
final class ReadAheadInputStream extends InputStream {

    static final int CHUNK = 1 << 20;
    /** Chunks decoded ahead of the reader: bounds the memory at this many chunks. */
    static final int AHEAD = 4;

    /** A piece of the source: bytes, or how it ended. */
    private record Piece(byte[] bytes, int length, IOException failure, RuntimeException crash) {
        boolean isEnd() {
            return bytes == null;
        }
    }

    private static final Piece END = new Piece(null, 0, null, null);

    private final BlockingQueue<Piece> pieces = new ArrayBlockingQueue<>(AHEAD);
    private final Thread producer;
    private volatile boolean closed;
    private Piece current;
    private int position;
    private Piece ending;

    ReadAheadInputStream(InputStream source, String name) {
        producer = new Thread(() -> produce(source), "otel-doctor-read-ahead " + name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(InputStream source) {
        Piece last = END;
        try {
            while (!closed) {
                byte[] chunk = new byte[CHUNK];
                int filled = 0;
                IOException failure = null;
                try {
                    while (filled < CHUNK) {
                        int n = source.read(chunk, filled, CHUNK - filled);
                        if (n < 0) {
                            break;
                        }
                        filled += n;
                    }
                } catch (IOException e) {
                    failure = e;
                }
                if (filled > 0) {
                    pieces.put(new Piece(chunk, filled, null, null));
                }
                if (failure != null) {
                    last = new Piece(null, 0, failure, null);
                    break;
                }
                if (filled < CHUNK) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            return; // closed by the reader: nobody waits for the rest
        } catch (RuntimeException e) {
            last = new Piece(null, 0, null, e);
        }
        try {
            pieces.put(last);
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || position == current.length()) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    /** Moves to the next chunk; false at the end, and the source's failure once it is reached. */
    private boolean next() throws IOException {
        if (ending == null) {
            Piece p;
            try {
                p = pieces.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading ahead");
            }
            if (!p.isEnd()) {
                current = p;
                position = 0;
                return true;
            }
            ending = p;
        }
        if (ending.failure() != null) {
            throw ending.failure();
        }
        if (ending.crash() != null) {
            throw ending.crash();
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        pieces.clear();
    }
}
