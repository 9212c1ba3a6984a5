/**
 * The protocol of a BigBlueButton-compatible API ({@code /bigbluebutton/api/<call>?<query>&checksum=…}), so that
 * LMS plugins written for BigBlueButton (Moodle, Canvas, WordPress, Greenlight) can drive MetroHub classes:
 * {@link org.metrohub.elearning.bbb.ChecksumVerifier} (BBB's checksum rule),
 * {@link org.metrohub.elearning.bbb.BbbRequestParser} (parameters and message keys),
 * {@link org.metrohub.elearning.bbb.BbbXmlWriter} (BBB's XML answers) and
 * {@link org.metrohub.elearning.bbb.BbbDispatcher}, which ties them to a
 * {@link org.metrohub.elearning.bbb.BbbApi} that portal-api implements with its rooms. JDK only, no I/O.
 *
 * <pre>
 *   (callName, rawQuery) ─ ChecksumVerifier ─ BbbRequestParser ─ BbbDispatcher ─ BbbApi ─ BbbXmlWriter ─▶ BbbResponse
 * </pre>
 *
 * <p>Hand-written because there is no server-side BigBlueButton API library on Maven Central. The Java
 * libraries that exist are clients that call a BBB server: {@code bigbluebutton/bigbluebutton-api-java},
 * {@code net.rossonet.bbb:bigbluebutton-api-java} (0.1.2, 2022), {@code mlieshoff/bigbluej} and
 * {@code mconf/bbb-java}. BigBlueButton's own server code ({@code bbb-common-web}: {@code ValidationService},
 * the {@code GetChecksum} validator, FreeMarker templates in {@code bigbluebutton-web}) is not published as a
 * library; the {@code org.bigbluebutton} artifacts on Central are internal pieces such as
 * {@code bbb-common-message} and {@code bbb-fsesl-client}. It also depends on Grails, servlets and Bean
 * Validation. What is here follows that code's behaviour, which it cites, without its code.
 */
package org.metrohub.elearning.bbb;
