package io.oteldoctor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The report as one JSON document (pretty-printed, UTF-8, times in ISO-8601 UTC), and the one
 * place that says how otel-doctor's public JSON is written.
 *
 * <p>jackson-jr, not databind's ObjectMapper: the schemas are plain records, which jackson-jr writes
 * in declaration order, leaving out nulls, with a fraction of databind's classes. Those classes sat
 * in every run's class-data archive, a quarter of it, and the JVM relocates the whole archive at
 * start (docs/performance.md, "Start-up, session 8").
 */
public final class JsonRenderer implements ReportRenderer {

    private static final JSON ONE_LINE = JSON.builder()
            .register(new InstantsAsText())
            .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
            .disable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .build();

    private static final JSON PRETTY = ONE_LINE.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    /** Any value of the public schemas (a report, a follow event) as one line of JSON, for NDJSON streams. */
    public static String oneLine(Object value) throws IOException {
        return ONE_LINE.asString(value);
    }

    /** Any value of the public schemas as an indented document, as reports are written. */
    public static String pretty(Object value) throws IOException {
        return PRETTY.asString(value);
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        out.append(pretty(report)).append('\n');
    }

    /** For callers holding a writer. */
    public void render(Report report, Writer out) throws IOException {
        render(report, (Appendable) out);
    }

    /** Instants as ISO-8601 text ({@link Instant#toString()}), where jackson-jr would write their getters. */
    private static final class InstantsAsText extends JacksonJrExtension {
        @Override
        protected void register(ExtensionContext context) {
            context.insertProvider(new ReaderWriterProvider() {
                @Override
                public ValueWriter findValueWriter(JSONWriter writer, Class<?> type) {
                    return type == Instant.class ? INSTANT : null;
                }
            });
        }

        private static final ValueWriter INSTANT = new ValueWriter() {
            @Override
            public void writeValue(JSONWriter context, JsonGenerator g, Object value) throws IOException {
                g.writeString(value.toString());
            }

            @Override
            public Class<?> valueType() {
                return Instant.class;
            }
        };
    }
}
