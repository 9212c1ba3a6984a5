package org.metrohub.portal.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metrohub.elearning.bbb.ChecksumAlgorithm;
import org.metrohub.portal.rooms.RoomKind;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code metrohub.bbb.*} binds as documented: off by default, a secret when on, SHA-1 only when listed. */
class BbbPropertiesTest {

    private static final String SECRET = "bbb-secret-bbb-secret-bbb-secret-42";

    @Test
    void offByDefaultWithoutSha1AndTheTenantsAdminAsCreator() {
        BbbProperties properties = bind(Map.of());
        assertThat(properties.enabled()).isFalse();
        assertThat(properties.algorithms()).isEqualTo(EnumSet.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA384,
                ChecksumAlgorithm.SHA512));
        assertThat(properties.creatorUsername()).isEqualTo("admin@riverton");
        assertThat(properties.roomKind()).isEqualTo(RoomKind.CLASS);
        assertThat(properties.ticketTtl()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void enabledWithASecretGivesTheLibraryItsSettingsAndHidesTheSecret() {
        BbbProperties properties = bind(Map.of("metrohub.bbb.enabled", "true", "metrohub.bbb.secret", SECRET,
                "metrohub.bbb.tenant", "lakeside", "metrohub.bbb.checksum-algorithms", "sha1,sha256",
                "metrohub.bbb.logout-url", "https://lms.lakeside.example/course", "metrohub.bbb.portal-url",
                "https://hub.lakeside.example/"));
        assertThat(properties.apiConfig().checksumAlgorithms())
                .containsExactlyInAnyOrder(ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256);
        assertThat(properties.apiConfig().defaultLogoutUrl()).hasValueSatisfying(
                uri -> assertThat(uri.getHost()).isEqualTo("lms.lakeside.example"));
        assertThat(properties.creatorUsername()).isEqualTo("admin@lakeside");
        assertThat(properties.portalUrl()).isEqualTo("https://hub.lakeside.example");
        assertThat(properties.toString()).doesNotContain(SECRET);
        assertThat(properties.apiConfig().toString()).doesNotContain(SECRET);
    }

    @Test
    void badValuesFailNamingTheProperty() {
        Map<String, Map<String, String>> cases = Map.of(
                "metrohub.bbb.secret", Map.of("metrohub.bbb.enabled", "true"),
                "metrohub.bbb.secret ", Map.of("metrohub.bbb.enabled", "true", "metrohub.bbb.secret", "too-short"),
                "metrohub.bbb.checksum-algorithms", Map.of("metrohub.bbb.checksum-algorithms", "md5"),
                "metrohub.bbb.room-kind", Map.of("metrohub.bbb.room-kind", "CONSULTATION"),
                "metrohub.bbb.ticket-ttl", Map.of("metrohub.bbb.ticket-ttl", "1h"));
        cases.forEach((property, values) -> assertThatThrownBy(() -> bind(values)).as(values.toString())
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(property.strip()).hasMessageNotContaining("too-short"));
    }

    private static BbbProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("metrohub.bbb", BbbProperties.class);
    }
}
