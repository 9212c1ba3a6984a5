package org.metrohub.media.sdp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One payload type of a media section with everything said about it: {@code a=rtpmap}, {@code a=fmtp} parameters
 * and {@code a=rtcp-fb} lines (including those for {@code *}).
 */
public record Codec(int payloadType, String name, int clockRate, OptionalInt channels, Map<String, String> parameters,
                    List<Attribute.RtcpFb> feedback) {
  public static final String OPUS = "opus";
  public static final String VP8 = "VP8";
  public static final String VP9 = "VP9";
  public static final String H264 = "H264";
  public static final String AV1 = "AV1";
  public static final String RTX = "rtx";

  public Codec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(channels);
    parameters = Map.copyOf(parameters);
    feedback = List.copyOf(feedback);
  }

  /** Encoding names compare case-insensitively (RFC 4855 §3): Chromium writes {@code opus}, others {@code OPUS}. */
  public boolean is(String encoding) {
    return name.equalsIgnoreCase(encoding);
  }

  /** For an RTX payload type, the payload type it repairs ({@code apt}, RFC 4588). */
  public OptionalInt associatedPayloadType() {
    String apt = parameters.get("apt");
    return apt == null || !apt.matches("\\d{1,3}") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(apt));
  }

  /** H.264 {@code profile-level-id}, six hex digits, e.g. {@code 42e01f}. */
  public Optional<String> h264ProfileLevelId() {
    return Optional.ofNullable(parameters.get("profile-level-id"));
  }

  /** H.264 {@code packetization-mode}: 0 (single NAL) when absent (RFC 6184 §8.1). */
  public int h264PacketizationMode() {
    return "1".equals(parameters.get("packetization-mode")) ? 1 : "2".equals(parameters.get("packetization-mode")) ? 2 : 0;
  }

  /** True when an {@code a=rtcp-fb} line names this type and parameter, e.g. {@code ("nack", "pli")}. */
  public boolean hasFeedback(String type, Optional<String> parameter) {
    return feedback.stream().anyMatch(f -> f.type().equals(type) && f.parameter().equals(parameter));
  }
}
