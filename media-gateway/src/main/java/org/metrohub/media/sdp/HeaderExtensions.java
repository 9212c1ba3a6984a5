package org.metrohub.media.sdp;

import java.util.OptionalInt;

/** RTP header extension URIs the SFU reads or writes, and their negotiated ids. */
public final class HeaderExtensions {
  /** RFC 9143 BUNDLE mid. */
  public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
  /** RFC 8852 RtpStreamId. */
  public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
  /** RFC 8852 RepairedRtpStreamId. */
  public static final String REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
  /** RFC 6464 client-to-mixer audio level. */
  public static final String SSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
  /** Absolute send time (REMB era). */
  public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  /** Transport-wide sequence number for congestion control feedback. */
  public static final String TRANSPORT_WIDE_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  private HeaderExtensions() {
  }

  /** The id negotiated for {@code uri} in this section, if any. */
  public static OptionalInt idOf(MediaDescription section, String uri) {
    return section.extMaps().stream().filter(e -> e.uri().equals(uri)).mapToInt(Attribute.ExtMap::id).findFirst();
  }
}
