package io.oteldoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class StderrLayoutTest {

    private final LoggerContext context = new LoggerContext();

    private String layout(Throwable thrown) {
        StderrLayout layout = new StderrLayout();
        layout.setContext(context);
        layout.start();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("io.oteldoctor.analysis.Analyzer"), Level.WARN,
                "{}: compressed data is truncated", thrown, new Object[] {"a.log.gz"});
        return layout.doLayout(event);
    }

    @Test
    void levelSimpleLoggerNameAndMessageOnOneLine() {
        assertEquals("otel-doctor: WARN Analyzer: a.log.gz: compressed data is truncated" + System.lineSeparator(), layout(null));
    }

    @Test
    void aThrowableFollowsWithItsStackTrace() {
        String text = layout(new IllegalStateException("boom"));
        assertTrue(text.startsWith("otel-doctor: WARN Analyzer: a.log.gz: compressed data is truncated" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("at io.oteldoctor.cli.StderrLayoutTest.aThrowableFollowsWithItsStackTrace"), text);
    }
}
