package org.metrohub.media.negotiation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.metrohub.media.negotiation.internal.H264Profile;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Codec;
import org.metrohub.media.sdp.HeaderExtensions;

/**
 * Which of the offered codecs, RTCP feedback and header extensions the node accepts. The node forwards without
 * transcoding, so it takes only what the router understands and every browser decodes: Opus 48000/2 for audio;
 * for video the configured order of VP8, H.264 (packetization-mode 1, one profile) and VP9 profile 0, each
 * with its RTX. Offered {@code a=fmtp} values are kept as written. Payload types 64–95 are never chosen: with
 * rtcp-mux they collide with RTCP packet types 192–223 (RFC 5761 §4).
 */
public final class CodecPolicy {
  /** Video codecs the router forwards, in a configurable preference order. */
  public enum VideoCodec { VP8, H264, VP9 }

  public static final List<VideoCodec> DEFAULT_VIDEO_ORDER = List.of(VideoCodec.VP8, VideoCodec.H264, VideoCodec.VP9);
  public static final CodecPolicy DEFAULT = new CodecPolicy(DEFAULT_VIDEO_ORDER);

  /** Constrained Baseline level 3.1: what every browser encodes in hardware and software. */
  public static final String PREFERRED_H264_PROFILE_LEVEL_ID = "42e01f";

  /** Kept {@code a=rtcp-fb} types, written {@code type[ parameter]}. */
  public static final Set<String> FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "transport-cc", "goog-remb");

  /** Kept header extensions: what the router reads (mid, rids, audio level, congestion control timestamps). */
  public static final Set<String> HEADER_EXTENSIONS = Set.of(HeaderExtensions.MID, HeaderExtensions.RID,
      HeaderExtensions.REPAIRED_RID, HeaderExtensions.SSRC_AUDIO_LEVEL, HeaderExtensions.ABS_SEND_TIME,
      HeaderExtensions.TRANSPORT_WIDE_CC);

  private static final int OPUS_CLOCK = 48_000;
  private static final int VIDEO_CLOCK = 90_000;

  private final List<VideoCodec> videoOrder;

  public CodecPolicy(List<VideoCodec> videoOrder) {
    this.videoOrder = List.copyOf(videoOrder);
    if (this.videoOrder.isEmpty() || new HashSet<>(this.videoOrder).size() != this.videoOrder.size()) {
      throw new IllegalArgumentException("video codec order must name each codec at most once: " + videoOrder);
    }
  }

  public List<VideoCodec> videoOrder() {
    return videoOrder;
  }

  /** The codecs to answer for {@code section}, in the node's preference order; empty when none fits. */
  public List<NegotiatedCodec> codecs(OfferedSection section) {
    List<NegotiatedCodec> chosen = new ArrayList<>();
    switch (section.kind()) {
      case AUDIO -> first(section, c -> c.is(Codec.OPUS) && c.clockRate() == OPUS_CLOCK
          && c.channels().equals(OptionalInt.of(2))).ifPresent(c -> chosen.add(negotiated(c, false)));
      case VIDEO -> {
        for (VideoCodec codec : videoOrder) {
          Optional<OfferedCodec> offered = switch (codec) {
            case VP8 -> first(section, c -> c.is(Codec.VP8) && c.clockRate() == VIDEO_CLOCK);
            case VP9 -> first(section, c -> c.is(Codec.VP9) && c.clockRate() == VIDEO_CLOCK
                && c.parameters().getOrDefault("profile-id", "0").equals("0"));
            case H264 -> h264(section);
          };
          offered.ifPresent(c -> chosen.add(negotiated(c, true)));
        }
      }
      default -> {
      }
    }
    return List.copyOf(chosen);
  }

  /** The offered {@code a=extmap} lines the node keeps, in offer order, with the offer's ids. */
  public List<Attribute.ExtMap> headerExtensions(OfferedSection section) {
    Set<String> seen = new HashSet<>();
    return section.extensions().stream()
        .filter(e -> HEADER_EXTENSIONS.contains(e.uri()) && seen.add(e.uri()))
        .toList();
  }

  /**
   * H.264 with packetization-mode 1 (single NAL mode cannot carry the slices browsers send): the preferred
   * profile-level-id if offered, else any Constrained Baseline, else the first mode-1 entry. The answer echoes
   * the chosen entry's fmtp, so the profile is one the browser offered.
   */
  private static Optional<OfferedCodec> h264(OfferedSection section) {
    List<OfferedCodec> mode1 = section.codecs().stream()
        .filter(c -> usable(c) && c.codec().is(Codec.H264) && c.codec().clockRate() == VIDEO_CLOCK
            && c.codec().h264PacketizationMode() == 1)
        .toList();
    return mode1.stream()
        .filter(c -> c.codec().h264ProfileLevelId().filter(PREFERRED_H264_PROFILE_LEVEL_ID::equalsIgnoreCase)
            .isPresent())
        .findFirst()
        .or(() -> mode1.stream().filter(c -> H264Profile.of(
                c.codec().h264ProfileLevelId().orElse(H264Profile.DEFAULT_PROFILE_LEVEL_ID))
            .filter(H264Profile.CONSTRAINED_BASELINE::equals).isPresent()).findFirst())
        .or(() -> mode1.stream().findFirst());
  }

  private static Optional<OfferedCodec> first(OfferedSection section, Predicate<Codec> test) {
    return section.codecs().stream().filter(c -> usable(c) && test.test(c.codec())).findFirst();
  }

  private static boolean usable(OfferedCodec codec) {
    return !collidesWithRtcp(codec.payloadType());
  }

  private static boolean collidesWithRtcp(int payloadType) {
    return payloadType >= 64 && payloadType <= 95;
  }

  private static NegotiatedCodec negotiated(OfferedCodec offered, boolean withRtx) {
    int pt = offered.payloadType();
    Set<String> written = new LinkedHashSet<>();
    List<Attribute.RtcpFb> feedback = new ArrayList<>();
    for (Attribute.RtcpFb fb : offered.codec().feedback()) {
      String name = fb.type() + fb.parameter().map(p -> " " + p).orElse("");
      if (FEEDBACK.contains(name) && written.add(name)) {
        feedback.add(new Attribute.RtcpFb(Integer.toString(pt), fb.type(), fb.parameter()));
      }
    }
    OptionalInt rtx = withRtx && offered.rtxPayloadType().isPresent()
        && !collidesWithRtcp(offered.rtxPayloadType().getAsInt()) ? offered.rtxPayloadType() : OptionalInt.empty();
    return new NegotiatedCodec(offered.codec(), offered.fmtp(), feedback, rtx);
  }
}
