package org.metrohub.elearning.bbb;

import java.util.Objects;

/**
 * A request the API answers with {@code FAILED}: thrown by the parser for bad parameters, and by a {@link BbbApi}
 * implementation for a refusal the protocol knows (e.g. a meeting that vanished between look-up and join).
 */
public final class BbbApiException extends RuntimeException {
  private final transient BbbError error;

  public BbbApiException(BbbError error) {
    super(error.messageKey() + ": " + error.message(), null, false, false);
    this.error = Objects.requireNonNull(error);
  }

  public BbbError error() {
    return error;
  }
}
