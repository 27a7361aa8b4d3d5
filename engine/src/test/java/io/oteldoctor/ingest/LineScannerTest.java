package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {

    private static List<String> lines(byte[] input, int max, List<Boolean> truncated) throws IOException {
        List<String> out = new ArrayList<>();
        new LineScanner(max).scan(new ByteArrayInputStream(input), (buf, s, e, cut, mayMatter) -> {
            out.add(new String(buf, s, e - s, StandardCharsets.UTF_8));
            truncated.add(cut);
        });
        return out;
    }

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
        List<Boolean> cut = new ArrayList<>();
        assertEquals(List.of("a", "b", "", "c"), lines("a\r\nb\n\nc".getBytes(StandardCharsets.UTF_8), 64, cut));
        assertTrue(cut.stream().noneMatch(b -> b));
    }

    @Test
    void emptyInputHasNoLines() throws IOException {
        assertTrue(lines(new byte[0], 64, new ArrayList<>()).isEmpty());
    }

    @Test
    void overLongLinesKeepTheirHeadAndAreFlagged() throws IOException {
        String longLine = "x".repeat(5_000_000);
        List<Boolean> cut = new ArrayList<>();
        List<String> out = lines(("first\n" + longLine + "\nlast\n").getBytes(StandardCharsets.UTF_8), 1024, cut);
        assertEquals(3, out.size());
        assertEquals(1024, out.get(1).length());
        assertEquals(List.of(false, true, false), cut);
        assertEquals("last", out.get(2));
    }

    @Test
    void linesSpanningBufferRefillsStayWhole() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            s.append("line-").append(i).append(' ').append("y".repeat(i % 97)).append('\n');
        }
        List<String> out = lines(s.toString().getBytes(StandardCharsets.UTF_8), 4096, new ArrayList<>());
        assertEquals(60_000, out.size());
        assertEquals("line-59999 " + "y".repeat(59_999 % 97), out.get(59_999));
    }
    @Test
    void whereReadsEndDoesNotChangeTheLines() throws IOException {
        byte[] input = ("short\n" + "x".repeat(1500) + "\r\n" + "y".repeat(1024) + "\nend").getBytes(StandardCharsets.UTF_8);
        List<Boolean> wholeCut = new ArrayList<>();
        List<String> whole = lines(input, 1024, wholeCut);
        List<Boolean> trickleCut = new ArrayList<>();
        List<String> trickle = new ArrayList<>();
        java.io.InputStream oneByteAtATime = new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        new LineScanner(1024).scan(oneByteAtATime, (buf, s, e, cut, mayMatter) -> {
            trickle.add(new String(buf, s, e - s, StandardCharsets.UTF_8));
            trickleCut.add(cut);
        });
        assertEquals(List.of(false, true, false, false), wholeCut);
        assertEquals(1024, whole.get(1).length());
        assertEquals(whole, trickle);
        assertEquals(wholeCut, trickleCut);
    }

    @Test
    void moreLinesThanAWindowHoldsAreAllMarked() throws IOException {
        // a read of short lines holds more lines than the marks of one window have room for
        int lines = 3 * LineScanner.WINDOW;
        byte[] input = "ab\nz\n".repeat(lines / 2).getBytes(StandardCharsets.UTF_8);
        LineFilter hasZ = (b, s, e) -> e - s == 1 && b[s] == 'z';
        int[] seen = {0, 0};
        new LineScanner(1024, hasZ).scan(new ByteArrayInputStream(input), (buf, s, e, cut, mayMatter) -> {
            assertEquals(hasZ.mayMatter(buf, s, e), mayMatter);
            seen[0]++;
            seen[1] += mayMatter ? 1 : 0;
        });
        assertEquals(lines, seen[0]);
        assertEquals(lines / 2, seen[1]);
    }

    /**
     * Bytes scanned in memory give what a stream of the same bytes gives: the lines, their flags
     * and whether the end is heard; and, for bytes a failing read left, what the stream gives
     * before its read fails.
     */
    @Test
    void bytesInMemoryScanAsTheStreamOfThem() throws IOException {
        java.util.Random random = new java.util.Random(7);
        LineFilter hasZ = (b, s, e) -> {
            for (int i = s; i < e; i++) {
                if (b[i] == 'z') {
                    return true;
                }
            }
            return false;
        };
        String[] pieces = {"a", "z", "\n", "\r\n", "\n\n", "xyz", "q".repeat(70), "z".repeat(90), " "};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
            for (boolean ended : new boolean[] {true, false}) {
                List<String> fromStream = new ArrayList<>();
                java.io.InputStream stream = new java.io.FilterInputStream(new ByteArrayInputStream(input)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, Math.min(len, 1 + random.nextInt(50)));
                        if (n < 0 && !ended) {
                            throw new IOException("truncated");
                        }
                        return n;
                    }
                };
                try {
                    new LineScanner(64, hasZ).scan(stream, recorder(fromStream));
                } catch (IOException e) {
                    fromStream.add("failed");
                }
                List<String> inMemory = new ArrayList<>();
                byte[] padded = new byte[input.length + 6];
                System.arraycopy(input, 0, padded, 3, input.length);
                new LineScanner(64, hasZ).scan(padded, 3, 3 + input.length, ended, recorder(inMemory));
                if (!ended) {
                    inMemory.add("failed");
                }
                assertEquals(fromStream, inMemory, text + (ended ? " ended" : " failed"));
            }
        }
    }

    private static LineSink recorder(List<String> out) {
        return new LineSink() {
            @Override
            public void line(byte[] buf, int start, int end, boolean truncated, boolean mayMatter) {
                out.add(new String(buf, start, end - start, StandardCharsets.UTF_8) + (truncated ? " cut" : "") + (mayMatter ? " z" : ""));
            }

            @Override
            public void end() {
                out.add("end");
            }
        };
    }
}
