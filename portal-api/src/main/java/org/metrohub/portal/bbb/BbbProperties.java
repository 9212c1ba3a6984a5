package org.metrohub.portal.bbb;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.metrohub.elearning.bbb.BbbApiConfig;
import org.metrohub.elearning.bbb.ChecksumAlgorithm;
import org.metrohub.portal.rooms.RoomKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The BigBlueButton-compatible API ({@code metrohub.bbb.*}).
 *
 * @param enabled            serve {@code /bigbluebutton/api}; off: the whole path is 404
 * @param secret             the shared secret of the checksums (bbb-web's {@code securitySalt}), at least 32
 *                           characters; required when enabled; never logged
 * @param tenant             the MetroHub tenant whose rooms the LMS drives
 * @param creator            the user of that tenant who creates and closes the rooms; empty: {@code admin@<tenant>}
 * @param checksumAlgorithms the checksums accepted, e.g. {@code sha256,sha512}; SHA-1 only when listed
 * @param roomKind           the kind of room a {@code create} makes ({@code CLASS} or {@code MEETING})
 * @param logoutUrl          where a failed {@code join} sends the browser when the LMS gave no
 *                           {@code errorRedirectUrl}; unset: such a failure answers with XML
 * @param dialNumber         the dial-in number meetings report (bbb-web's {@code defaultDialAccessNumber})
 * @param zone               the zone of {@code createDate} in the answers
 * @param apiVersion         the version the API root reports
 * @param ticketTtl          how long a {@code join}'s guest ticket can be exchanged (once)
 * @param portalUrl          the portal's address as browsers reach it, before {@code /#/join/<ticket>}; empty:
 *                           the redirect is relative to this server
 */
@Validated
@ConfigurationProperties("metrohub.bbb")
public record BbbProperties(
        @DefaultValue("false") boolean enabled,
        String secret,
        @DefaultValue("riverton") @NotBlank String tenant,
        @DefaultValue("") @NotNull String creator,
        @DefaultValue("sha256,sha384,sha512") @NotBlank String checksumAlgorithms,
        @DefaultValue("CLASS") @NotNull RoomKind roomKind,
        URI logoutUrl,
        @DefaultValue("") @NotNull String dialNumber,
        @DefaultValue("UTC") @NotNull ZoneId zone,
        @DefaultValue("2.0") @NotBlank String apiVersion,
        @DefaultValue("2m") @NotNull Duration ticketTtl,
        @DefaultValue("") @NotNull String portalUrl) {

    static final int MIN_SECRET = 32;

    public BbbProperties {
        if (enabled && (secret == null || secret.isBlank() || secret.length() < MIN_SECRET)) {
            throw new IllegalArgumentException("metrohub.bbb.secret must be set to at least " + MIN_SECRET
                    + " characters when metrohub.bbb.enabled is true");
        }
        try {
            ChecksumAlgorithm.parseList(checksumAlgorithms);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metrohub.bbb.checksum-algorithms: " + e.getMessage());
        }
        if (roomKind == RoomKind.CONSULTATION) {
            throw new IllegalArgumentException("metrohub.bbb.room-kind must be CLASS or MEETING");
        }
        if (ticketTtl.compareTo(Duration.ofSeconds(10)) < 0 || ticketTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("metrohub.bbb.ticket-ttl must be between 10s and 10m");
        }
        if (portalUrl.endsWith("/")) {
            portalUrl = portalUrl.substring(0, portalUrl.length() - 1);
        }
    }

    /** The user who creates the rooms: {@code creator}, else the tenant's demo admin. */
    String creatorUsername() {
        return creator.isBlank() ? "admin@" + tenant : creator.strip();
    }

    Set<ChecksumAlgorithm> algorithms() {
        return ChecksumAlgorithm.parseList(checksumAlgorithms);
    }

    /** The protocol library's settings; only when enabled (the secret is required then). */
    BbbApiConfig apiConfig() {
        return new BbbApiConfig(secret, algorithms(), dialNumber, Optional.ofNullable(logoutUrl), zone, apiVersion);
    }

    @Override
    public String toString() {
        return "BbbProperties[enabled=" + enabled + ", secret=" + (secret == null ? "unset" : "(hidden)")
                + ", tenant=" + tenant + ", creator=" + creatorUsername() + ", checksumAlgorithms=" + checksumAlgorithms
                + ", roomKind=" + roomKind + ", logoutUrl=" + logoutUrl + ", ticketTtl=" + ticketTtl + "]";
    }
}
