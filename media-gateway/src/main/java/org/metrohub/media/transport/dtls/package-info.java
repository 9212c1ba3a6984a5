/**
 * DTLS-SRTP key agreement (RFC 5763, RFC 5764, RFC 8827) over BouncyCastle's DTLS 1.2, as an engine with no
 * sockets.
 *
 * <pre>
 *   DtlsCertificate (P-256, self-signed, once per node) ──► our a=fingerprint in SDP
 *   remote a=fingerprint ──► DtlsFingerprint.parse ──┐
 *                                                    ▼
 *   ICE demux (first byte 20–63) ──► DtlsEngine.receive ──► bounded queue ──► handshake thread
 *                                                                              (DTLSServerProtocol / DTLSClientProtocol)
 *   DatagramSink ◄── outgoing DTLS datagrams ◄─────────────────────────────────────┤
 *   DtlsListener ◄── handshakeComplete(SrtpProfile, EXTRACTOR-dtls_srtp bytes) ◄───┘  or handshakeFailed(reason)
 *        └──► SrtpKeys.fromDtlsExporter(profile, material, role.srtpRole()) ──► SrtpSession
 * </pre>
 *
 * <p>This package owns our DTLS identity, the fingerprint check (the only trust in WebRTC), the {@code use_srtp}
 * negotiation (AEAD_AES_128_GCM preferred, AES_CM_128_HMAC_SHA1_80 supported) and the export of SRTP keying
 * material. WebRTC answers are {@code a=setup:passive}, so the node is usually the {@link
 * org.metrohub.media.transport.dtls.DtlsRole#SERVER}.
 *
 * <p><b>Seam rule</b> (STYLE.md §2): this is the only package that may import {@code org.bouncycastle}; its public
 * API uses JDK types and ours only.
 */
package org.metrohub.media.transport.dtls;
