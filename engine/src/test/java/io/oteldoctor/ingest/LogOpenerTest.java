package io.oteldoctor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;

class LogOpenerTest {

    private static final byte[] LOG = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);

    private static Map<String, String> open(byte[] data) throws IOException {
        Map<String, String> logs = new LinkedHashMap<>();
        LogOpener.open("src", new ByteArrayInputStream(data), (name, in) -> logs.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        return logs;
    }

    private interface Wrap {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Wrap wrap) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = wrap.wrap(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void plainTextIsTheLogItself() throws IOException {
        assertEquals(Map.of("src", new String(LOG, StandardCharsets.UTF_8)), open(LOG));
    }

    @Test
    void compressionIsRecognisedByContent() throws IOException {
        String text = new String(LOG, StandardCharsets.UTF_8);
        assertEquals(Map.of("src", text), open(compress(LOG, GZIPOutputStream::new)));
        assertEquals(Map.of("src", text), open(compress(LOG, BZip2CompressorOutputStream::new)));
        assertEquals(Map.of("src", text), open(compress(LOG, XZCompressorOutputStream::new)));
    }

    @Test
    void archivesYieldEachLogWithItsPath() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("var/log/otelcol.log", LOG);
        entries.put("var/log/otelcol.log.1.gz", compress("old\n".getBytes(StandardCharsets.UTF_8), GZIPOutputStream::new));
        Map<String, String> logs = open(compress(tar(entries), GZIPOutputStream::new));
        assertEquals(Map.of("src!/var/log/otelcol.log", "line one\nline two\n", "src!/var/log/otelcol.log.1.gz", "old\n"), logs);

        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipBytes)) {
            zip.putArchiveEntry(new ZipArchiveEntry("a/collector.log"));
            zip.write(LOG);
            zip.closeArchiveEntry();
        }
        assertEquals(Map.of("src!/a/collector.log", "line one\nline two\n"), open(zipBytes.toByteArray()));
    }

    @Test
    void zstdIsRefusedWithAClearMessage() {
        IOException e = assertThrows(IOException.class, () -> open(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0}));
        assertTrue(e.getMessage().contains("zstd"));
    }

    @Test
    void decompressionBombsAreStopped() throws IOException {
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 300; i++) {
                gz.write(zeros);
            }
        }
        IOException e = assertThrows(IOException.class, () -> LogOpener.open("bomb", new ByteArrayInputStream(bytes.toByteArray()),
                (name, in) -> in.transferTo(OutputStream.nullOutputStream())));
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
    }
}
