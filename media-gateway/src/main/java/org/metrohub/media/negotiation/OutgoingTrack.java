package org.metrohub.media.negotiation;

import java.util.Objects;
import java.util.OptionalLong;
import org.metrohub.media.negotiation.internal.Syntax;

/**
 * A remote source the node sends to a browser in one of its receiving sections, with the SSRCs the router
 * rewrites that source to for this receiver. Written into the answer as {@code a=msid} and {@code a=ssrc} lines
 * (RFC 8830, RFC 5576) so the browser can name the track before the first packet arrives.
 *
 * @param rtxSsrc  the SSRC for RTX retransmissions (RFC 4588), announced only if RTX is negotiated
 * @param streamId the msid stream id (the remote participant, as the page knows it)
 * @param trackId  the msid track id
 */
public record OutgoingTrack(MediaKind kind, long ssrc, OptionalLong rtxSsrc, String streamId, String trackId,
                            String cname) {
  /** msid ids are 1 to 64 token characters (RFC 8830 §2). */
  private static final int MAX_MSID_ID = 64;
  private static final int MAX_CNAME = 255;

  public OutgoingTrack {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(rtxSsrc);
    if (kind != MediaKind.AUDIO && kind != MediaKind.VIDEO) {
      throw new IllegalArgumentException("an outgoing track is audio or video, not " + kind);
    }
    checkSsrc(ssrc);
    rtxSsrc.ifPresent(OutgoingTrack::checkSsrc);
    if (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == ssrc) {
      throw new IllegalArgumentException("the RTX SSRC must differ from the media SSRC " + ssrc);
    }
    if (!Syntax.isToken(streamId, MAX_MSID_ID) || !Syntax.isToken(trackId, MAX_MSID_ID)) {
      throw new IllegalArgumentException("msid ids are 1 to 64 token characters: " + streamId + " " + trackId);
    }
    if (!Syntax.isVisibleAscii(cname, MAX_CNAME)) {
      throw new IllegalArgumentException("a cname is 1 to 255 visible ASCII characters: " + cname);
    }
  }

  /** A track without RTX. */
  public static OutgoingTrack of(MediaKind kind, long ssrc, String streamId, String trackId, String cname) {
    return new OutgoingTrack(kind, ssrc, OptionalLong.empty(), streamId, trackId, cname);
  }

  private static void checkSsrc(long ssrc) {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("an SSRC is 32 bits unsigned, got " + ssrc);
    }
  }
}
