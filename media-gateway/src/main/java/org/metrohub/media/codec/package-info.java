/**
 * Video payload formats the SFU reads without decoding: the VP8 payload descriptor (RFC 7741), H.264 NAL unit
 * packetization (RFC 6184) and the VP9 payload descriptor (RFC 9628), as far as forwarding needs them —
 * keyframe detection, temporal layers, and in-place rewriting of VP8 PictureID and TL0PICIDX.
 *
 * <pre>
 *   RtpPacket.payloadOffset/payloadLength ──► XxxPayload.check ──► keyframe? layer ids? ──► sfu.forward
 * </pre>
 *
 * <p>Pure JDK like {@code rtp}: nothing here allocates, and every {@code check} reports truncated or malformed
 * bytes as a {@link org.metrohub.media.rtp.ParseStatus} instead of throwing. Hand-written because these are a
 * few bytes of header each and no Java library reads them as zero-allocation views over our buffers.
 */
package org.metrohub.media.codec;
