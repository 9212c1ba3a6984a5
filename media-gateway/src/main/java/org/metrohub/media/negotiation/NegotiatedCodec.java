package org.metrohub.media.negotiation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Codec;

/**
 * A codec both sides agreed on in one section, with the browser's payload type numbers.
 *
 * @param codec          the offered codec (payload type, name, clock rate, channels, parsed parameters)
 * @param fmtp           the offered {@code a=fmtp} parameters, echoed verbatim in the answer
 * @param feedback       the kept {@code a=rtcp-fb} lines, written for this payload type
 * @param rtxPayloadType the browser's RTX payload type for this codec, if RTX was negotiated
 */
public record NegotiatedCodec(Codec codec, Optional<String> fmtp, List<Attribute.RtcpFb> feedback,
                              OptionalInt rtxPayloadType) {
  public NegotiatedCodec {
    Objects.requireNonNull(codec);
    Objects.requireNonNull(fmtp);
    feedback = List.copyOf(feedback);
    Objects.requireNonNull(rtxPayloadType);
  }

  public int payloadType() {
    return codec.payloadType();
  }

  public String name() {
    return codec.name();
  }

  public int clockRate() {
    return codec.clockRate();
  }

  public CodecKey key() {
    return CodecKey.of(codec);
  }

  /** True when an {@code a=rtcp-fb} line of this type and parameter was kept (e.g. {@code "nack", "pli"}). */
  public boolean hasFeedback(String type, Optional<String> parameter) {
    return feedback.stream().anyMatch(f -> f.type().equals(type) && f.parameter().equals(parameter));
  }
}
