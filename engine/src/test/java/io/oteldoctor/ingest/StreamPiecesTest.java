package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamPiecesTest {

    private static final String[] LINES = {
        "2025-06-10T09:00:00.023Z\terror\tinternal/retry_sender.go:133\tExporting failed.\t{\"error\": \"rpc error\"}",
        "2025-06-10T09:00:01.000Z\tinfo\tdebugexporter@v0.130.0/exporter.go:64\tTraces\t{\"spans\": 3}",
        "\tgo.opentelemetry.io/collector/exporter/exporterhelper.(*retrySender).send",
        "    at io.opentelemetry.exporter.internal.grpc.GrpcExporter.export(GrpcExporter.java:95)",
        "Caused by: java.net.ConnectException: Connection refused",
        "SEVERE: Failed to export spans. The request could not be executed.",
        "Jun 10, 2025 9:00:00 AM io.opentelemetry.sdk.internal.ThrottlingLogger doLog",
        "2025-06-10T09:00:02Z stderr P partial piece of a long line",
        "2025-06-10T09:00:02Z stderr F its end",
        "{\"log\":\"partial \",\"stream\":\"stderr\",\"time\":\"2025-06-10T09:00:02Z\"}",
        "",
        "   ",
        "panic: TODO",
        "goroutine 7 [running]:",
        "otel    |",
        "otel    | goroutine 8 [running]:",
    };

    /** Pieces put back together give the stream; every cut is where a record starts whatever came before it. */
    @Test
    void piecesAreTheStreamCutWhereRecordsStart() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            byte[] input = randomLog(random, random.nextInt(400));
            int pieceBytes = 1 + random.nextInt(600);
            StreamPieces pieces = new StreamPieces(trickle(input, random), pieceBytes, 1 + random.nextInt(4000), 256, 2);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            StreamPieces.Piece piece;
            StreamPieces.Piece last = null;
            while ((piece = pieces.next()) != null) {
                assertTrue(last == null || last instanceof StreamPieces.Cut, "nothing follows the last piece");
                if (piece instanceof StreamPieces.Cut) {
                    int end = joined.size() + piece.length();
                    assertTrue(piece.length() >= pieceBytes, "a cut is past the target");
                    assertCutStartsRecord(input, end);
                }
                joined.write(piece.bytes(), 0, piece.length());
                if (piece instanceof StreamPieces.Rest) {
                    joined.write(pieces.rest().readAllBytes());
                }
                pieces.recycle(piece);
                last = piece;
            }
            assertArrayEquals(input, joined.toByteArray(), "round " + round);
        }
    }

    @Test
    void aFailingReadEndsWithWhatWasReadAndTheFailure() throws Exception {
        byte[] input = randomLog(new Random(3), 200);
        IOException damage = new IOException("Unexpected end of ZLIB input stream");
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position == input.length) {
                    throw damage;
                }
                int n = Math.min(len, Math.min(97, input.length - position));
                System.arraycopy(input, position, b, off, n);
                position += n;
                return n;
            }
        };
        StreamPieces pieces = new StreamPieces(failing, 500, 4000, 256, 3);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        StreamPieces.Piece piece;
        StreamPieces.Piece last = null;
        while ((piece = pieces.next()) != null) {
            joined.write(piece.bytes(), 0, piece.length());
            pieces.recycle(piece);
            last = piece;
        }
        StreamPieces.Failed failed = assertInstanceOf(StreamPieces.Failed.class, last);
        assertSame(damage, failed.failure());
        assertArrayEquals(input, joined.toByteArray());
        assertNull(pieces.next());
    }

    @Test
    void aRecordLongerThanTheSearchLeavesTheRestInOnePiece() throws Exception {
        StringBuilder text = new StringBuilder(LINES[0]).append('\n');
        for (int i = 0; i < 5_000; i++) {
            text.append(LINES[2]).append('\n'); // one stack trace: no line in it starts a record
        }
        text.append(LINES[1]).append('\n');
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        StreamPieces pieces = new StreamPieces(new ByteArrayInputStream(input), 100, 1000, 256, 2);
        StreamPieces.Piece first = pieces.next();
        assertInstanceOf(StreamPieces.Rest.class, first);
        byte[] all = Arrays.copyOf(first.bytes(), first.length());
        byte[] rest = pieces.rest().readAllBytes();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.write(all);
        joined.write(rest);
        assertArrayEquals(input, joined.toByteArray());
        assertNull(pieces.next());
    }

    @Test
    void linesTooLongToScanWholeAreNeverCutNextTo() throws Exception {
        String longLine = LINES[1].repeat(20);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append(i % 2 == 0 ? longLine : LINES[0]).append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        StreamPieces pieces = new StreamPieces(new ByteArrayInputStream(input), 10, 1 << 20, 256, 2);
        StreamPieces.Piece piece = pieces.next();
        // no two short lines meet, so there is no safe cut (a long line is only scanned as its head)
        assertInstanceOf(StreamPieces.Last.class, piece);
        assertEquals(input.length, piece.length());
    }

    private static void assertCutStartsRecord(byte[] input, int cut) {
        assertEquals('\n', input[cut - 1], "a cut follows a newline");
        int lEnd = cut;
        while (input[lEnd] != '\n') {
            lEnd++;
        }
        int kStart = cut - 1;
        while (kStart > 0 && input[kStart - 1] != '\n') {
            kStart--;
        }
        assertTrue(cut - 1 - kStart <= 256 && lEnd - cut <= 256, "lines beside a cut are scanned whole");
        assertTrue(RecordAssembler.startsRecordAfter(input, kStart, trimCr(input, kStart, cut - 1), cut, trimCr(input, cut, lEnd)),
                "the line after the cut starts a record whatever came before it");
    }

    private static int trimCr(byte[] b, int start, int end) {
        return end > start && b[end - 1] == '\r' ? end - 1 : end;
    }

    private static byte[] randomLog(Random random, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(LINES[random.nextInt(LINES.length)]).append(random.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        if (random.nextBoolean()) {
            text.append("no newline at the end");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream trickle(byte[] input, Random random) {
        return new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(300)));
            }
        };
    }
}
