/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) for WebRTC transports, keyed by DTLS-SRTP (RFC 5764).
 *
 * <pre>
 *   DTLS exporter ──► SrtpKeys (split by role) ──► SrtpSession ◄── SrtpWarmUp (once, at start)
 *   receive: SRTP/SRTCP bytes ──► unprotectRtp/unprotectRtcp ──► RTP/RTCP bytes (same buffer)
 *   send:    RTP/RTCP bytes   ──► protectRtp/protectRtcp     ──► SRTP/SRTCP bytes (tag in the tail room)
 * </pre>
 *
 * <p>This package owns the protection profiles we negotiate, the split of the exporter output, per-SSRC
 * crypto contexts with replay protection, and the warm-up of the crypto providers. It is an engine: bytes in,
 * bytes out, no sockets, no threads, no allocation per packet.
 *
 * <p><b>Seam rule</b> (STYLE.md §2): this is the only package that may import {@code org.jitsi.srtp} (and
 * the {@code org.jitsi.utils} types it needs). Its public API uses JDK types and ours only; jitsi's
 * {@code SrtpPolicy}, contexts and {@code SrtpErrorStatus} are translated here and never leak out.
 */
package org.metrohub.media.transport.srtp;
