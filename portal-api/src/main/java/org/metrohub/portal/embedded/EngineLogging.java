package org.metrohub.portal.embedded;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engines' own chatter at WARN. Only loggers nobody configured are touched, so {@code logging.level.kafka=DEBUG}
 * (or a logback.xml entry) still wins. Works with Logback, the hub's logging backend; a no-op with any other.
 */
final class EngineLogging {

    private EngineLogging() {
    }

    static void quiet(String... loggerNames) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            return;
        }
        var context = (ch.qos.logback.classic.LoggerContext) factory;
        for (String name : loggerNames) {
            ch.qos.logback.classic.Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
