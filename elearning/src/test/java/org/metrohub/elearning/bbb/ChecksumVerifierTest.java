package org.metrohub.elearning.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checksum rule against BigBlueButton's documented example: "API Reference", section "API Security Model →
 * Usage", https://docs.bigbluebutton.org/development/api#usage (source: bigbluebutton/bigbluebutton
 * {@code docs/docs/development/api.md}). Call {@code create}, query
 * {@code name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444}, shared secret
 * {@code 639259d4-9dd8-4b25-bf01-95f9567eaf4b}, SHA-1 {@code 1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17}.
 * The SHA-256/384/512 digests of the same string were computed with GNU coreutils' {@code sha256sum},
 * {@code sha384sum} and {@code sha512sum}, an implementation independent of the JDK's.
 */
class ChecksumVerifierTest {
  static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
  static final String QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";
  static final String DOC_SHA1 = "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17";
  static final String SHA256 = "da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e";
  static final String SHA384 =
      "891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1";
  static final String SHA512 = "de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4"
      + "b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4";

  private final ChecksumVerifier all = new ChecksumVerifier(SECRET, EnumSet.allOf(ChecksumAlgorithm.class));

  @Test
  void reproducesTheDocumentedSha1ExampleExactly() {
    assertThat(all.sign("create", QUERY, ChecksumAlgorithm.SHA1)).isEqualTo(DOC_SHA1);
    // step 5 of the documentation: the query string the client finally sends
    assertThat(all.signedQuery("create", QUERY, ChecksumAlgorithm.SHA1))
        .isEqualTo("name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
            + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17");
    assertThat(all.verify("create", QUERY + "&checksum=" + DOC_SHA1)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "SHA1, " + DOC_SHA1,
      "SHA256, " + SHA256,
      "SHA384, " + SHA384,
      "SHA512, " + SHA512})
  void picksTheAlgorithmFromTheChecksumLength(ChecksumAlgorithm algorithm, String checksum) {
    assertThat(checksum).hasSize(algorithm.hexLength());
    assertThat(all.sign("create", QUERY, algorithm)).isEqualTo(checksum);
    assertThat(all.verify("create", QUERY + "&checksum=" + checksum)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ChecksumAlgorithm.class)
  void refusesEachAlgorithmWhenConfigurationDisablesIt(ChecksumAlgorithm disabled) {
    Set<ChecksumAlgorithm> others = EnumSet.complementOf(EnumSet.of(disabled));
    ChecksumVerifier verifier = new ChecksumVerifier(SECRET, others);
    String checksum = verifier.sign("create", QUERY, disabled);

    assertThat(verifier.verify("create", QUERY + "&checksum=" + checksum)).contains(BbbError.CHECKSUM_MISMATCH);
    for (ChecksumAlgorithm enabled : others) {
      assertThat(verifier.verify("create", verifier.signedQuery("create", QUERY, enabled))).isEmpty();
    }
  }

  @Test
  void onlySha512ConfiguredAcceptsOnlySha512AsTheDocsDescribe() {
    // docs: "supportedChecksumAlgorithms=sha512" to force SHA-512
    ChecksumVerifier verifier = new ChecksumVerifier(SECRET, ChecksumAlgorithm.parseList("sha512"));

    assertThat(verifier.verify("create", QUERY + "&checksum=" + SHA512)).isEmpty();
    assertThat(verifier.verify("create", QUERY + "&checksum=" + DOC_SHA1)).contains(BbbError.CHECKSUM_MISMATCH);
    assertThat(verifier.verify("create", QUERY + "&checksum=" + SHA256)).contains(BbbError.CHECKSUM_MISMATCH);
    assertThat(verifier.sign("create", QUERY)).isEqualTo(SHA512);
  }

  @Test
  void acceptsTheChecksumFirstLastOrInTheMiddleOfTheQuery() {
    String middle = "name=Test+Meeting&meetingID=abc123&checksum=" + DOC_SHA1 + "&attendeePW=111222&moderatorPW=333444";
    String first = "checksum=" + DOC_SHA1 + "&" + QUERY;

    assertThat(all.verify("create", middle)).isEmpty();
    assertThat(all.verify("create", first)).isEmpty();
  }

  @Test
  void signsTheParametersInTheOrderTheClientSentThem() {
    // same parameters, another order: a different string, so a different checksum (bbb-web does not sort)
    String reordered = "meetingID=abc123&name=Test+Meeting&attendeePW=111222&moderatorPW=333444";

    assertThat(all.verify("create", reordered + "&checksum=" + DOC_SHA1)).contains(BbbError.CHECKSUM_MISMATCH);
    assertThat(all.verify("create", all.signedQuery("create", reordered, ChecksumAlgorithm.SHA1))).isEmpty();
  }

  @Test
  void signsTheRawEncodingNotTheDecodedValues() {
    // "Test Meeting" encoded with %20 instead of +: same decoded value, different signed text
    String percent = "name=Test%20Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";

    assertThat(all.verify("create", percent + "&checksum=" + DOC_SHA1)).contains(BbbError.CHECKSUM_MISMATCH);
  }

  @Test
  void acceptsUpperCaseHexAsBbbWebDoes() {
    assertThat(all.verify("create", QUERY + "&checksum=" + DOC_SHA1.toUpperCase(Locale.ROOT))).isEmpty();
  }

  @Test
  void refusesAWrongChecksumAnotherCallNameOrAnotherSecret() {
    String wrong = DOC_SHA1.substring(0, 39) + (DOC_SHA1.endsWith("7") ? "8" : "7");

    assertThat(all.verify("create", QUERY + "&checksum=" + wrong)).contains(BbbError.CHECKSUM_MISMATCH);
    assertThat(all.verify("join", QUERY + "&checksum=" + DOC_SHA1)).contains(BbbError.CHECKSUM_MISMATCH);
    ChecksumVerifier otherSecret = new ChecksumVerifier("another-secret", EnumSet.allOf(ChecksumAlgorithm.class));
    assertThat(otherSecret.verify("create", QUERY + "&checksum=" + DOC_SHA1)).contains(BbbError.CHECKSUM_MISMATCH);
  }

  @Test
  void refusesAChangedParameterValue() {
    String tampered = QUERY.replace("moderatorPW=333444", "moderatorPW=333445");

    assertThat(all.verify("create", tampered + "&checksum=" + DOC_SHA1)).contains(BbbError.CHECKSUM_MISMATCH);
  }

  @Test
  void refusesAChecksumOfNoKnownLength() {
    assertThat(all.verify("create", QUERY + "&checksum=" + DOC_SHA1.substring(0, 32)))
        .contains(BbbError.CHECKSUM_MISMATCH);
    assertThat(all.verify("create", QUERY + "&checksum=" + DOC_SHA1 + "00")).contains(BbbError.CHECKSUM_MISMATCH);
  }

  @Test
  void missingOrEmptyChecksumIsAChecksumError() {
    assertThat(all.verify("create", QUERY)).contains(BbbError.CHECKSUM_MISSING);
    assertThat(all.verify("create", QUERY + "&checksum=")).contains(BbbError.CHECKSUM_MISSING);
    assertThat(all.verify("getMeetings", "")).contains(BbbError.CHECKSUM_MISSING);
    assertThat(all.verify("getMeetings", null)).contains(BbbError.CHECKSUM_MISSING);
    assertThat(BbbError.CHECKSUM_MISSING.messageKey()).isEqualTo("checksumError");
  }

  @Test
  void refusesADuplicatedChecksumEvenWhenEachCopyIsValid() {
    // getMeetings with no parameters: checksum = sha1("getMeetings" + secret), computed with sha1sum
    String valid = "2027baa7771026e9e93392f55031535d1444c41f";
    assertThat(all.verify("getMeetings", "checksum=" + valid)).isEmpty();

    // stripping "checksum=<value>" everywhere would leave "" and verify; bbb-web's guard refuses it
    assertThat(all.verify("getMeetings", "checksum=" + valid + "&checksum=" + valid))
        .contains(BbbError.CHECKSUM_MISMATCH);
  }

  @Test
  void stripsTheChecksumByLiteralReplacementLikeBbbWeb() {
    assertThat(ChecksumVerifier.queryWithoutChecksum("a=1&checksum=ab&b=2", "ab")).isEqualTo("a=1&b=2");
    assertThat(ChecksumVerifier.queryWithoutChecksum("checksum=ab&a=1", "ab")).isEqualTo("a=1");
    assertThat(ChecksumVerifier.queryWithoutChecksum("a=1&checksum=ab", "ab")).isEqualTo("a=1");
    assertThat(ChecksumVerifier.queryWithoutChecksum("checksum=ab", "ab")).isEmpty();
  }

  @Test
  void verifiesSha256OfAOneParameterQuery() {
    // sha256("isMeetingRunning" + "meetingID=abc123" + secret), computed with sha256sum
    String checksum = "0d7030d1b5af6624c3e8909540eb2747a33d993a4951fb3bde9462025e41dcdb";

    assertThat(all.verify("isMeetingRunning", "meetingID=abc123&checksum=" + checksum)).isEmpty();
  }

  @Test
  void refusesABlankSecretWhichWouldSwitchBbbWebsCheckOff() {
    assertThatThrownBy(() -> new ChecksumVerifier(" ", EnumSet.allOf(ChecksumAlgorithm.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    assertThatThrownBy(() -> new ChecksumVerifier(SECRET, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsTheSecretOutOfToString() {
    assertThat(all.toString()).doesNotContain(SECRET);
  }

  @Test
  void parsesBbbWebsAlgorithmListAndNamesAnUnknownEntry() {
    assertThat(ChecksumAlgorithm.parseList("sha1,sha256,sha384,sha512"))
        .containsExactlyInAnyOrder(ChecksumAlgorithm.values());
    assertThat(ChecksumAlgorithm.parseList(" SHA-256 , sha512")).containsExactlyInAnyOrder(
        ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512);
    assertThatThrownBy(() -> ChecksumAlgorithm.parseList("sha1,md5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("md5");
    assertThatThrownBy(() -> ChecksumAlgorithm.parseList(" , "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
