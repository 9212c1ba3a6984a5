package org.metrohub.portal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The control API switch binds as documented: off by default, a port needs a secret, the secret never shows. */
class MediaPropertiesTest {

    private static final String SECRET = "s3cret-s3cret-s3cret-s3cret-s3cret-42";

    @Test
    void theControlApiIsOffByDefault() {
        MediaProperties properties = bind(Map.of());
        assertThat(properties.control().port()).isZero();
        assertThat(properties.control().enabled()).isFalse();
        assertThat(properties.control().secret()).isNull();
    }

    @Test
    void aPortWithASecretTurnsItOnAndTheSecretIsNotInToString() {
        MediaProperties properties = bind(Map.of("metrohub.media.control.port", "18080",
                "metrohub.media.control.secret", SECRET));
        assertThat(properties.control().enabled()).isTrue();
        assertThat(properties.control().port()).isEqualTo(18080);
        assertThat(properties.control().secret()).isEqualTo(SECRET);
        assertThat(properties.toString()).doesNotContain(SECRET).contains("port=18080");
    }

    @Test
    void aPortWithoutASecretOrWithAShortOneFailsNamingTheProperty() {
        for (Map<String, String> values : java.util.List.of(
                Map.of("metrohub.media.control.port", "18080"),
                Map.of("metrohub.media.control.port", "18080", "metrohub.media.control.secret", "too-short"))) {
            assertThatThrownBy(() -> bind(values)).isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("metrohub.media.control.secret")
                    .hasMessageNotContaining("too-short");
        }
    }

    private static MediaProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("metrohub.media", MediaProperties.class);
    }
}
