/**
 * WebRTC session descriptions: a model of SDP as browsers write it (Unified Plan, BUNDLE, simulcast with rids,
 * trickle ICE, DTLS fingerprints, data channels), {@link org.metrohub.media.sdp.SdpParser} and
 * {@link org.metrohub.media.sdp.SdpWriter}, and the look-ups the SFU needs (codecs, header extension ids,
 * simulcast layers).
 *
 * <p>Hand-written because no maintained Java SDP library on Maven Central understands Unified Plan, BUNDLE or
 * simulcast; NIST's JAIN {@code sdp-api} predates WebRTC. Lines keep their order and unknown attributes are
 * kept verbatim, so writing a parsed offer gives back its text (with CRLF line endings).
 *
 * <pre>
 *   text ─ LineScanner (limits, control chars) ─ FieldParser / AttributeParser ─▶ SessionDescription
 *   SessionDescription ─ SdpWriter / AttributeFormatter ─▶ text
 * </pre>
 */
package org.metrohub.media.sdp;
