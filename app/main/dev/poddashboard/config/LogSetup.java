package dev.poddashboard.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.event.KeyValuePair;

/**
 * The app's logs on stdout: plain text by default, one JSON object per line with {@code LOG_FORMAT=json} (time,
 * level, logger, thread, message and the event's fields: route, status, duration_ms ...). {@link Settings}
 * rejects any other LOG_FORMAT at start. Tokens are never logged.
 *
 * <p>Set up in code, found by logback as a service ({@code META-INF/services}): parsing a logback.xml cost about a
 * third of a second of every start (measured with {@code -Xlog:class+load}: the XML parser and Joran's model
 * classes). As in logback's own order, a {@code logback-test.xml} on the class path (the tests') or
 * {@code -Dlogback.configurationFile=…} (an operator's own configuration) still wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String format = System.getenv("LOG_FORMAT");
        apply(context, "json".equals(format));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Replaces the context's configuration: plain text or JSON lines on stdout, Jetty's own chatter at WARN. */
    public static void apply(LoggerContext context, boolean json) {
        context.reset();
        Encoder<ILoggingEvent> encoder = json ? jsonEncoder() : plainEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(json ? "json" : "plain");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    }

    /**
     * Encodes one access-log event as JSON, written nowhere: the training run's rehearsal, so that the JSON encoder's
     * classes are in the AOT cache for {@code LOG_FORMAT=json} too (about 55 classes, measured with
     * {@code bash bench/image-start}).
     */
    public static String rehearseJson() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory(); // no appender gets it
        Encoder<ILoggingEvent> encoder = jsonEncoder();
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event = new LoggingEvent(LogSetup.class.getName(), context.getLogger("access"), Level.INFO,
                "GET / 200", null, null);
        event.addKeyValuePair(new KeyValuePair("status", 200));
        String line = new String(encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8);
        encoder.stop();
        return line;
    }

    private static Encoder<ILoggingEvent> plainEncoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(PATTERN);
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder() {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.getFieldNames().setTimestamp("time");
        encoder.getFieldNames().setLogger("logger");
        encoder.getFieldNames().setThread("thread");
        encoder.getFieldNames().setVersion("[ignore]");
        encoder.getFieldNames().setLevelValue("[ignore]");
        return encoder;
    }
}
