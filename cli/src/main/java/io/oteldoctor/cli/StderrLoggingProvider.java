package io.oteldoctor.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.Util;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Binds SLF4J to Logback configured by {@link StderrLogging} directly. Logback's own provider
 * first runs its auto-configuration: it looks up configurators as services, reads their
 * annotations, checks library versions and formats status messages with the time zone database
 * loaded: some 40 ms of CPU at the start of every run, which delayed the thread that builds the
 * rulebase. {@link Main} names this provider in the {@code slf4j.provider} system property and
 * binds it before starting any other thread; with {@code -Dlogback.configurationFile} Logback
 * configures itself from that file as usual.
 */
public final class StderrLoggingProvider implements SLF4JServiceProvider {

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        if (System.getProperty(StderrLogging.CONFIGURATION_FILE) != null) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                Util.report("otel-doctor: cannot configure logging from " + System.getProperty(StderrLogging.CONFIGURATION_FILE), e);
            }
            StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        } else {
            new StderrLogging().configure(context);
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
