package org.metrohub.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SdpRoundTripTest {

  static java.util.List<String> offers() {
    return SdpResources.names();
  }

  @Test
  void everyBrowserOfferIsThere() {
    assertThat(offers()).contains("chrome-156-simulcast-offer.sdp", "chrome-156-plain-offer.sdp",
        "firefox-153-simulcast-offer.sdp");
  }

  @ParameterizedTest
  @MethodSource("offers")
  void writesBackTheExactTextOfARealOffer(String name) {
    String original = SdpResources.load(name);

    assertThat(SdpWriter.write(SdpParser.parse(original))).isEqualTo(original);
  }

  @ParameterizedTest
  @MethodSource("offers")
  void parseWriteParseGivesAnEqualModel(String name) {
    SessionDescription first = SdpParser.parse(SdpResources.load(name));

    assertThat(SdpParser.parse(SdpWriter.write(first))).isEqualTo(first);
  }

  @ParameterizedTest
  @MethodSource("offers")
  void acceptsLfLineEndingsAndWritesCrlf(String name) {
    String crlf = SdpResources.load(name);
    String lf = crlf.replace("\r\n", "\n");

    SessionDescription parsed = SdpParser.parse(lf);

    assertThat(parsed).isEqualTo(SdpParser.parse(crlf));
    assertThat(SdpWriter.write(parsed)).isEqualTo(crlf);
  }

  @ParameterizedTest
  @MethodSource("offers")
  void keepsUnknownAttributesVerbatim(String name) {
    SessionDescription sdp = SdpParser.parse(SdpResources.load(name));

    // a=rtcp:<port> <nettype> <addrtype> <address> is not typed; it must survive as written.
    assertThat(sdp.media().getFirst().unknownAttributes())
        .anySatisfy(u -> assertThat(u.name()).isEqualTo("rtcp"));
  }
}
