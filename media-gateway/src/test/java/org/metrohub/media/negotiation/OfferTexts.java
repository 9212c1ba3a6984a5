package org.metrohub.media.negotiation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sdp.SdpResources;

/**
 * The captured browser offers and edits of them that Chromium would make itself (re-offers with receiving
 * sections), plus the node's side of a transport.
 */
final class OfferTexts {
  static final String CHROMIUM_SIMULCAST = "chrome-156-simulcast-offer.sdp";
  static final String CHROMIUM_PLAIN = "chrome-156-plain-offer.sdp";
  static final String FIREFOX = "firefox-153-simulcast-offer.sdp";

  /** The node's transport: one UDP host candidate, one passive TCP host candidate. */
  static final LocalTransport LOCAL = LocalTransport.of("Mh7q", "Zx3kP9sVb2Qe7RtY1uWc5nLa", "sha-256",
      "4F:1A:93:0C:22:B7:5E:61:D8:0F:3A:9C:47:E2:15:B0:6D:88:21:C4:F9:3E:57:0A:B6:12:DD:84:6F:39:C1:70",
      List.of(
          new Candidate("1", 1, "udp", 2130706431L, "192.0.2.10", 10000, "host", Optional.empty(),
              OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), List.of()),
          new Candidate("2", 1, "tcp", 1694498815L, "192.0.2.10", 4443, "host", Optional.empty(),
              OptionalInt.empty(), Optional.of("passive"), OptionalLong.empty(), List.of())),
      true);

  private OfferTexts() {
  }

  static String load(String name) {
    return SdpResources.load(name);
  }

  static List<String> lines(String sdp) {
    return Arrays.asList(sdp.split("\r\n", -1)).subList(0, sdp.split("\r\n", -1).length - 1);
  }

  static String join(List<String> lines) {
    return lines.stream().map(l -> l + "\r\n").collect(Collectors.joining());
  }

  /** The session part (before the first m=) and each section, as line lists. */
  static List<List<String>> split(String sdp) {
    List<List<String>> parts = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : lines(sdp)) {
      if (line.startsWith("m=")) {
        parts.add(current);
        current = new ArrayList<>();
      }
      current.add(line);
    }
    parts.add(current);
    return parts;
  }

  /** Section {@code index} (from 0) of {@code sdp}, as lines. */
  static List<String> section(String sdp, int index) {
    return split(sdp).get(index + 1);
  }

  /**
   * A receiving copy of section {@code index}, as Chromium writes a transceiver added with direction
   * {@code recvonly}: same codecs and extensions, new mid, {@code a=recvonly}, no msid, SSRCs or rids.
   */
  static List<String> receivingCopy(String sdp, int index, String mid) {
    return section(sdp, index).stream()
        .filter(l -> !l.startsWith("a=msid:") && !l.startsWith("a=ssrc") && !l.startsWith("a=rid:")
            && !l.startsWith("a=simulcast:"))
        .map(l -> l.startsWith("a=mid:") ? "a=mid:" + mid : l)
        .map(l -> l.equals("a=sendrecv") ? "a=recvonly" : l)
        .toList();
  }

  /** {@code sdp} with {@code section} appended and its mid added to the BUNDLE group. */
  static String withSection(String sdp, List<String> section) {
    String mid = section.stream().filter(l -> l.startsWith("a=mid:")).findFirst().orElseThrow().substring(6);
    List<String> lines = new ArrayList<>(lines(sdp).stream()
        .map(l -> l.startsWith("a=group:BUNDLE ") ? l + " " + mid : l).toList());
    lines.addAll(section);
    return join(lines);
  }

  /** {@code sdp} with every line for which {@code drop} holds removed. */
  static String without(String sdp, Predicate<String> drop) {
    return join(lines(sdp).stream().filter(drop.negate()).toList());
  }

  /** {@code sdp} with each line of section {@code index} mapped ({@code ""} drops the line). */
  static String editSection(String sdp, int index, UnaryOperator<String> edit) {
    List<List<String>> parts = split(sdp);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      for (String line : parts.get(i)) {
        String edited = i == index + 1 ? edit.apply(line) : line;
        if (!edited.isEmpty()) {
          lines.add(edited);
        }
      }
    }
    return join(lines);
  }

  /** {@code sdp} with every occurrence of {@code line} replaced ({@code replacement} may hold CRLFs). */
  static String replace(String sdp, String line, String replacement) {
    if (!lines(sdp).contains(line)) {
      throw new IllegalArgumentException("no line " + line);
    }
    return join(lines(sdp).stream().map(l -> l.equals(line) ? replacement : l).toList());
  }
}
