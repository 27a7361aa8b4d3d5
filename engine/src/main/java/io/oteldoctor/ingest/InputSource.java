package io.oteldoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Something lines can be read from, with the name evidence lines will cite. */
public interface InputSource {

    /** How the source is named in reports ({@code -} for standard input). */
    String name();

    InputStream open() throws IOException;

    static InputSource stdin(InputStream stream) {
        return new InputSource() {
            @Override
            public String name() {
                return "-";
            }

            @Override
            public InputStream open() {
                // never closed by us: the caller owns standard input
                return new java.io.FilterInputStream(stream) {
                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** A file; compression and archives inside it are undone by {@link LogOpener}. */
    static InputSource file(Path path, String name) {
        return new InputSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        };
    }

    /** In-memory text, for tests and embedding. */
    static InputSource ofString(String name, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new InputSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(bytes);
            }
        };
    }
}
