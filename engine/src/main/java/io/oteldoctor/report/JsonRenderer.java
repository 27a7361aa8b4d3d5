package io.oteldoctor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/** The report as one JSON document (pretty-printed, UTF-8, times in ISO-8601 UTC). */
public final class JsonRenderer implements ReportRenderer {

    /** Built on first use: loading Jackson's databind and finding the report's serializers takes tenths of a second. */
    private static final class Mappers {
        static final ObjectMapper PRETTY = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        static final ObjectMapper ONE_LINE = PRETTY.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Starts building the mapper and the report's serializers on another thread: they are ready by
     * the time the input has been read, where building them first held up the reading of the
     * input. A render that comes sooner waits for them (class initialisation is thread-safe).
     */
    public JsonRenderer() {
        Thread prepare = new Thread(() -> Mappers.PRETTY.canSerialize(Report.class), "otel-doctor-json");
        prepare.setDaemon(true);
        prepare.start();
    }

    /** Any value of the public schemas (a report, a follow event) as one line of JSON, for NDJSON streams. */
    public static String oneLine(Object value) throws IOException {
        return Mappers.ONE_LINE.writeValueAsString(value);
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        String json = Mappers.PRETTY.writeValueAsString(report);
        out.append(json).append('\n');
    }

    /** For callers holding a writer. */
    public void render(Report report, Writer out) throws IOException {
        render(report, (Appendable) out);
    }
}
