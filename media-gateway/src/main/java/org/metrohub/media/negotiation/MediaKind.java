package org.metrohub.media.negotiation;

import java.util.Locale;

/** The media type of an {@code m=} line; {@link #OTHER} for anything the node cannot carry ({@code text} ...). */
public enum MediaKind {
  AUDIO, VIDEO, APPLICATION, OTHER;

  public static MediaKind of(String media) {
    return switch (media) {
      case "audio" -> AUDIO;
      case "video" -> VIDEO;
      case "application" -> APPLICATION;
      default -> OTHER;
    };
  }

  /** The SDP spelling ({@code audio} ...); {@code other} for {@link #OTHER}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
