package io.oteldoctor.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * {@code otel-doctor: LEVEL Logger: message}, then the stack trace if any: what the pattern
 * {@code otel-doctor: %level %logger{0}: %msg%n} prints, without {@code PatternLayout}, whose
 * converter table and pattern parser cost every run some 10 ms of CPU while only the main thread
 * runs: logging is set up before any other thread starts.
 */
final class StderrLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        String logger = event.getLoggerName();
        StringBuilder line = new StringBuilder(128).append("otel-doctor: ").append(event.getLevel()).append(' ')
                .append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(": ")
                .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }
}
