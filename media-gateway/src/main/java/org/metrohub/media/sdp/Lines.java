package org.metrohub.media.sdp;

import java.util.List;
import java.util.Optional;

/** Typed look-ups over an ordered list of lines; shared by session and media descriptions. */
final class Lines {
  private Lines() {
  }

  static <T> List<T> all(List<SdpLine> lines, Class<T> type) {
    return lines.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T> Optional<T> first(List<SdpLine> lines, Class<T> type) {
    return lines.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  static boolean hasFlag(List<SdpLine> lines, String name) {
    return lines.stream().anyMatch(l -> l instanceof Attribute.Flag f && f.name().equals(name));
  }
}
