package org.metrohub.elearning.bbb;

import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP layer sends: an XML body (bbb-web answers 200 even for {@code FAILED}), or a redirect for
 * {@code join}.
 *
 * @param location the {@code Location} of a 302, empty otherwise
 */
public record BbbResponse(int status, String contentType, String body, Optional<String> location) {
  public static final String XML = "text/xml;charset=utf-8";

  public BbbResponse {
    Objects.requireNonNull(contentType);
    Objects.requireNonNull(body);
    Objects.requireNonNull(location);
  }

  public static BbbResponse xml(String body) {
    return new BbbResponse(200, XML, body, Optional.empty());
  }

  public static BbbResponse xml(int status, String body) {
    return new BbbResponse(status, XML, body, Optional.empty());
  }

  public static BbbResponse redirect(String location) {
    return new BbbResponse(302, XML, "", Optional.of(location));
  }

  public boolean isRedirect() {
    return location.isPresent();
  }
}
