package org.metrohub.portal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DbUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://db.city.test:6432/metrohub",
            "postgres://db.city.test:6432/metrohub",
            "jdbc:postgresql://db.city.test:6432/metrohub",
            "r2dbc:postgresql://db.city.test:6432/metrohub",
            "  JDBC:postgresql://db.city.test:6432/metrohub  "})
    void acceptsThePlainJdbcAndR2dbcForms(String url) {
        DbUrl db = DbUrl.parse(url, "metrohub.db.url");

        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.city.test:6432/metrohub");
        assertThat(db.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.city.test:6432/metrohub");
    }

    @Test
    void defaultsThePortTo5432() {
        assertThat(DbUrl.parse("postgresql://db.city.test/metrohub", "metrohub.db.url").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.city.test:5432/metrohub");
    }

    @Test
    void keepsTheQueryStringForBothDrivers() {
        DbUrl db = DbUrl.parse("postgresql://db.city.test/metrohub?sslmode=require", "metrohub.db.url");

        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.city.test:5432/metrohub?sslmode=require");
        assertThat(db.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.city.test:5432/metrohub?sslmode=require");
    }

    @Test
    void takesCredentialsFromTheUrlButDropsThemFromTheDriverUrlsAndToString() {
        DbUrl db = DbUrl.parse("postgresql://hub:s%40cret@db.city.test:6432/metrohub", "metrohub.db.url");

        assertThat(db.usernameInUrl()).contains("hub");
        assertThat(db.passwordInUrl()).contains("s@cret");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.city.test:6432/metrohub");
        assertThat(db.toString()).doesNotContain("cret");
    }

    @Test
    void keepsIpv6LiteralsBracketed() {
        assertThat(DbUrl.parse("postgresql://[::1]:15432/metrohub", "metrohub.db.url").r2dbcUrl())
                .isEqualTo("r2dbc:postgresql://[::1]:15432/metrohub");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://db/metrohub", "db.city.test:5432/metrohub", "postgresql://db.city.test:5432/",
            "postgresql:///metrohub"})
    void rejectsOtherUrlsNamingTheProperty(String url) {
        assertThatThrownBy(() -> DbUrl.parse(url, "metrohub.db.url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metrohub.db.url (env METROHUB_DB_URL) is not a PostgreSQL URL");
    }
}
