package io.oteldoctor.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Turns a source's bytes into the logs inside it: undoes gzip, bzip2 and xz, and walks tar and zip
 * archives, recognising each by its content, not its name. An archive entry is named
 * {@code archive!/path/in/archive}, so evidence lines say exactly where they come from.
 */
public final class LogOpener {

    /** Receives each log found; the stream is only valid during the call. */
    @FunctionalInterface
    public interface LogHandler {
        void log(String name, InputStream in) throws IOException;
    }

    /** Decompressed data may not exceed this many times the compressed size past {@link #EXPANSION_FLOOR}. */
    static final long MAX_EXPANSION = 200;
    /** Below this many decompressed bytes the ratio is not checked (small, very repetitive logs compress well). */
    static final long EXPANSION_FLOOR = 64L << 20;
    private static final int MAX_DEPTH = 3;
    /** Enough to see a tar header's "ustar" magic at offset 257. */
    private static final int PEEK = 512;

    private LogOpener() {
    }

    public static void open(String name, InputStream raw, LogHandler handler) throws IOException {
        open(name, raw, handler, 0);
    }

    private static void open(String name, InputStream raw, LogHandler handler, int depth) throws IOException {
        Counting compressed = new Counting(raw);
        // Pushback rather than a buffered stream: a buffered read loops over several underlying reads
        // and loses what it already had when a later one fails (a truncated gzip), while the scanner
        // must keep every line that was decoded before the damage.
        PushbackInputStream in = new PushbackInputStream(compressed, PEEK);
        byte[] head = peek(in);
        if (depth < MAX_DEPTH) {
            if (startsWith(head, 0x1f, 0x8b)) {
                decompressed(name, bounded(new GZIPInputStream(in, 1 << 16), compressed), handler, depth);
                return;
            }
            if (startsWith(head, 'B', 'Z', 'h')) {
                decompressed(name, bounded(new BZip2CompressorInputStream(in, true), compressed), handler, depth);
                return;
            }
            if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
                decompressed(name, bounded(new XZCompressorInputStream(in, true), compressed), handler, depth);
                return;
            }
            if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
                throw new IOException("zstd-compressed data is not supported; decompress it first (zstd -d)");
            }
            if (startsWith(head, 'P', 'K', 3, 4)) {
                entries(name, new ZipArchiveInputStream(in), handler, depth);
                return;
            }
            if (head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r') {
                entries(name, new TarArchiveInputStream(in), handler, depth);
                return;
            }
        }
        handler.log(name, in);
    }

    /**
     * Whether a source that begins with these bytes is read as it is, with nothing to decompress
     * or unpack: only such a file can be read in ranges.
     */
    public static boolean isPlain(byte[] head) {
        return !(startsWith(head, 0x1f, 0x8b) || startsWith(head, 'B', 'Z', 'h') || startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)
                || startsWith(head, 0x28, 0xb5, 0x2f, 0xfd) || startsWith(head, 'P', 'K', 3, 4)
                || head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r');
    }

    /** Enough of a source's head to tell plain text from compressed data and archives. */
    public static int headBytes() {
        return PEEK;
    }

    private static void decompressed(String name, InputStream data, LogHandler handler, int depth) throws IOException {
        open(name, data, handler, depth + 1);
    }

    private static void entries(String name, ArchiveInputStream<? extends ArchiveEntry> archive, LogHandler handler, int depth) throws IOException {
        ArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            if (entry.isDirectory() || !archive.canReadEntryData(entry)) {
                continue;
            }
            InputStream body = new FilterInputStream(archive) {
                @Override
                public void close() {
                    // the archive stream stays open for the next entry
                }
            };
            open(name + "!/" + entry.getName(), body, handler, depth + 1);
        }
    }

    private static byte[] peek(PushbackInputStream in) throws IOException {
        byte[] buf = new byte[PEEK];
        int read = 0;
        while (read < PEEK) {
            int r = in.read(buf, read, PEEK - read);
            if (r < 0) {
                break;
            }
            read += r;
        }
        in.unread(buf, 0, read);
        return java.util.Arrays.copyOf(buf, read);
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Fails a decompression that expands far beyond what logs do, instead of filling the disk or the run. */
    private static InputStream bounded(InputStream decompressed, Counting compressed) {
        return new FilterInputStream(decompressed) {
            private long produced;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    check(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    check(n);
                }
                return n;
            }

            private void check(int n) throws IOException {
                produced += n;
                if (produced > EXPANSION_FLOOR && produced > MAX_EXPANSION * Math.max(1, compressed.count)) {
                    throw new IOException("decompressed data grows more than " + MAX_EXPANSION
                            + " times its compressed size (a decompression bomb?); stopped after " + produced + " bytes");
                }
            }
        };
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
