/**
 * RTP and RTCP on the wire: mutable, re-pointable views over packet buffers ({@link
 * org.metrohub.media.rtp.RtpPacket}, RFC 8285 header extensions, {@link org.metrohub.media.rtp.RtcpCompound}
 * and one view per RTCP packet the SFU reads: SR, RR, SDES, BYE, NACK, PLI, FIR, REMB, transport-wide CC),
 * writers for the feedback the SFU sends (RR, NACK, PLI, FIR, REMB, transport-wide CC), and RFC 3550 sequence
 * arithmetic.
 *
 * <p>Pure JDK, no I/O; nothing here allocates per packet, and malformed input is reported as a {@link
 * org.metrohub.media.rtp.ParseStatus} for the caller to count, never thrown. It is hand-written because no
 * Java RTP/RTCP library on Maven Central offers zero-allocation views, and Jitsi's (which we learned from) is
 * Kotlin and tied to its own pipeline.
 */
package org.metrohub.media.rtp;
