package org.metrohub.elearning.bbb;

import java.util.Locale;
import java.util.Optional;

/** A participant's role as BigBlueButton names it in {@code join}'s {@code role} and in {@code <attendee><role>}. */
public enum BbbRole {
  MODERATOR,
  VIEWER;

  /** {@code moderator} or {@code viewer} in any case, as {@code join} accepts them; anything else is empty. */
  public static Optional<BbbRole> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "moderator" -> Optional.of(MODERATOR);
      case "viewer" -> Optional.of(VIEWER);
      default -> Optional.empty();
    };
  }
}
