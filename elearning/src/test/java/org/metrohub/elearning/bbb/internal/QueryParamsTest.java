package org.metrohub.elearning.bbb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Query decoding as a servlet container decodes {@code application/x-www-form-urlencoded}, plus bbb-web's sanitizing. */
class QueryParamsTest {

  @Test
  void decodesPlusAndPercentEscapesInUtf8() {
    QueryParams params = QueryParams.parse("name=Test+Meeting&fullName=J%C3%BCrgen%20M%C3%BCller&empty=&flag");

    assertThat(params.first("name")).isEqualTo("Test Meeting");
    assertThat(params.first("fullName")).isEqualTo("Jürgen Müller");
    assertThat(params.first("empty")).isEmpty();
    assertThat(params.first("flag")).isEmpty();
    assertThat(params.first("absent")).isNull();
    assertThat(params.names()).containsExactly("name", "fullName", "empty", "flag");
  }

  @Test
  void keepsEveryValueOfARepeatedNameInOrder() {
    QueryParams params = QueryParams.parse("checksum=a&x=1&checksum=b");

    assertThat(params.all("checksum")).containsExactly("a", "b");
    assertThat(params.first("checksum")).isEqualTo("a");
    assertThat(params.all("none")).isEmpty();
  }

  @Test
  void skipsEmptyPairsFromDoubledOrTrailingAmpersands() {
    QueryParams params = QueryParams.parse("&a=1&&b=2&");

    assertThat(params.names()).containsExactly("a", "b");
  }

  @Test
  void sanitizesNamesAndValuesButRemembersTheUnsanitizedFirstValue() {
    QueryParams params = QueryParams.parse("%20meetingID%20=%20abc%07%0A&meetingID=second");

    assertThat(params.first("meetingID")).isEqualTo("abc");
    assertThat(params.unsanitizedFirst("meetingID")).isEqualTo(" abc\u0007\n");
  }

  @Test
  void refusesATruncatedOrInvalidEscape() {
    assertThatThrownBy(() -> QueryParams.parse("a=%4")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("percent");
    assertThatThrownBy(() -> QueryParams.parse("a=%G1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesQueriesOverTheLimits() {
    assertThatThrownBy(() -> QueryParams.parse("a=" + "x".repeat(QueryParams.MAX_QUERY_LENGTH)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
    assertThatThrownBy(() -> QueryParams.parse("a=1&".repeat(QueryParams.MAX_PARAMETERS + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");
  }

  @Test
  void nullOrEmptyHasNoParameters() {
    assertThat(QueryParams.parse(null).names()).isEmpty();
    assertThat(QueryParams.parse("").names()).isEmpty();
  }
}
