package org.metrohub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrohub.portal.bbb.BbbProperties;
import org.metrohub.portal.classes.CoursesProperties;
import org.metrohub.portal.embedded.EmbeddedEnginesInitializer;
import org.metrohub.portal.embedded.EmbeddedKafka;
import org.metrohub.portal.embedded.EmbeddedPostgres;
import org.metrohub.portal.embedded.EmbeddedRedis;
import org.metrohub.portal.events.EventsProperties;
import org.metrohub.portal.identity.SecurityProperties;
import org.metrohub.portal.media.MediaProperties;
import org.metrohub.portal.rooms.RoomsProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** docs/configuration.md names every {@code metrohub.*} property the code binds. */
class ConfigurationDocTest {

    @Test
    void everyPropertyInCodeIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        List<String> properties = new ArrayList<>();
        for (Class<?> type : List.of(SecurityProperties.class, RoomsProperties.class, EventsProperties.class,
                MediaProperties.class, CoursesProperties.class, BbbProperties.class)) {
            collect(type.getAnnotation(ConfigurationProperties.class).value(), type, properties);
        }
        for (Class<?> type : List.of(EmbeddedEnginesInitializer.class, EmbeddedRedis.class, EmbeddedPostgres.class,
                EmbeddedKafka.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value.startsWith("metrohub.")) {
                        properties.add(value);
                    }
                }
            }
        }
        properties.add("metrohub.instance-id");
        assertThat(properties).hasSizeGreaterThan(30);
        assertThat(properties).allSatisfy(p -> assertThat(doc).as("docs/configuration.md").contains("`" + p + "`"));
    }

    private static void collect(String prefix, Class<?> type, List<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                collect(name, component.getType(), into);
            } else {
                into.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
