package org.metrohub.media.negotiation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.metrohub.media.sdp.Codec;

/**
 * A primary payload type of an offered section ({@code a=rtpmap}, its {@code a=rtcp-fb} lines in
 * {@link Codec#feedback()}), the {@code a=fmtp} parameters exactly as written (so an answer can echo them), and
 * the RTX payload type that repairs it ({@code apt}, RFC 4588 §8), if offered.
 */
public record OfferedCodec(Codec codec, Optional<String> fmtp, OptionalInt rtxPayloadType) {
  public OfferedCodec {
    Objects.requireNonNull(codec);
    Objects.requireNonNull(fmtp);
    Objects.requireNonNull(rtxPayloadType);
  }

  public int payloadType() {
    return codec.payloadType();
  }
}
