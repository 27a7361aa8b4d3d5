package io.oteldoctor.cli.follow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A log file read like {@code tail -F}: waits for more at its end, and when the file is rotated
 * (renamed away and created anew) or truncated, finishes what the old file still held and goes
 * on with the new one from its start. Reads return -1 only once {@link #stop()} was called.
 */
final class FollowedFile extends InputStream {

    static final long POLL_MILLIS = 200;

    private final Path path;
    private FileChannel channel;
    private Object fileKey;
    private volatile boolean stopped;

    /** @param fromStart read what the file holds already; otherwise start at its end, as tail does */
    FollowedFile(Path path, boolean fromStart) throws IOException {
        this.path = path;
        open();
        if (!fromStart) {
            channel.position(channel.size());
        }
    }

    void stop() {
        stopped = true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n = channel == null ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            if (n > 0) {
                return n;
            }
            if (stopped) {
                return -1;
            }
            if (replaced()) {
                continue;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** At the end of the open file: has the path become another file, or shrunk below where we are? */
    private boolean replaced() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false; // rotated away, the new file is not there yet
        }
        Object key = now.fileKey();
        boolean rotated = key != null ? !key.equals(fileKey) : channel == null;
        if (rotated || channel != null && now.size() < channel.position()) {
            if (channel != null) {
                channel.close();
            }
            open();
            return true;
        }
        return false;
    }

    private void open() throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            channel = null;
            fileKey = null;
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        if (channel != null) {
            channel.close();
        }
    }
}
