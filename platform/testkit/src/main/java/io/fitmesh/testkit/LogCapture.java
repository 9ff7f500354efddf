package io.fitmesh.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what the whole JVM logs at a level or above while it is open, so a test can assert that a normal event
 * (a client going away) is not logged as a failure.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level threshold;

  private LogCapture(Level threshold) {
    this.threshold = threshold;
    appender.start();
    root.addAppender(appender);
  }

  /** Starts recording events at WARN, ERROR, ... ({@code level} is a logback level name). */
  public static LogCapture atLeast(String level) {
    return new LogCapture(Level.toLevel(level));
  }

  /** "LEVEL logger - message (exception class)" of every recorded event at the threshold or above. */
  public synchronized List<String> events() {
    return appender.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(threshold))
        .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ")"))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
