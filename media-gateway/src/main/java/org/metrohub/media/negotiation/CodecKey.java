package org.metrohub.media.negotiation;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.metrohub.media.negotiation.internal.H264Profile;
import org.metrohub.media.sdp.Codec;

/**
 * What must match for a receiver to decode what a sender sends, independent of payload type numbers: encoding
 * name, clock rate, channels and the format parameters that change the bitstream (H.264 profile and
 * packetization mode, VP9 profile). The router looks a sender's key up in each receiver's
 * {@link Negotiated.Section#payloadTypeFor(CodecKey)} to rewrite the payload type.
 *
 * @param name   lower-case encoding name
 * @param format {@code ""}, {@code h264:<profile>;packetization-mode=<n>} or {@code vp9:profile-id=<n>}
 */
public record CodecKey(String name, int clockRate, int channels, String format) {
  public CodecKey {
    Objects.requireNonNull(name);
    Objects.requireNonNull(format);
  }

  public static CodecKey of(String name, int clockRate, OptionalInt channels, Map<String, String> parameters) {
    String lower = name.toLowerCase(Locale.ROOT);
    String format = switch (lower) {
      case "h264" -> {
        String plid = parameters.getOrDefault("profile-level-id", H264Profile.DEFAULT_PROFILE_LEVEL_ID);
        String profile = H264Profile.of(plid).map(H264Profile::token)
            .orElse("plid-" + plid.substring(0, Math.min(4, plid.length())).toLowerCase(Locale.ROOT));
        yield "h264:" + profile + ";packetization-mode=" + parameters.getOrDefault("packetization-mode", "0");
      }
      case "vp9" -> "vp9:profile-id=" + parameters.getOrDefault("profile-id", "0");
      default -> "";
    };
    return new CodecKey(lower, clockRate, channels.orElse(1), format);
  }

  public static CodecKey of(Codec codec) {
    return of(codec.name(), codec.clockRate(), codec.channels(), codec.parameters());
  }
}
