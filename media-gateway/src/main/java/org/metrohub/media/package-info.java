/**
 * The media node: every media packet of MetroHub passes through here.
 *
 * <p>It owns WebRTC endpoints (ICE, DTLS-SRTP), and will own plain RTP endpoints for SIP legs and cameras, the
 * audio mixer for phones, camera ingest (RTSP, RTMP) and egress (WebRTC, LL-HLS, RTSP). It knows rooms,
 * endpoints and streams by id only: no users, courses or telephony. Packages, lowest first: {@code rtp} (packet
 * views and parsers), {@code codec} (VP8/H.264/VP9 payload descriptors), {@code sdp} (WebRTC session
 * descriptions), {@code negotiation} (offer/answer with browsers), {@code transport.ice} (ICE on ice4j, one UDP
 * port for all endpoints), {@code transport.dtls} (DTLS 1.2 on BouncyCastle), {@code transport.srtp} (SRTP over
 * jitsi-srtp), {@code sfu} (conferences, endpoints, routing) with {@code sfu.forward} (per-receiver stream
 * rewriting), {@code sfu.feedback} (NACK/RTX, keyframe requests, transport-wide CC feedback), {@code sfu.bwe}
 * (bandwidth estimate, simulcast layer choice) and {@code sfu.speaker} (active speaker, last-N), and {@code node}
 * (the assembled node and its control API).
 */
package org.metrohub.media;
