/**
 * The media node: every media packet of MetroHub passes through here.
 *
 * <p>It will own WebRTC endpoints (ICE, DTLS-SRTP), plain RTP endpoints for SIP legs and cameras, the
 * selective forwarding router, the audio mixer for phones, camera ingest (RTSP, RTMP) and egress (WebRTC,
 * LL-HLS, RTSP), and the node's control API. It knows rooms, endpoints and streams by id only: no users,
 * courses or telephony. Built so far: {@code rtp} (packet views and parsers), {@code transport.dtls} (DTLS 1.2
 * on BouncyCastle), {@code transport.srtp} (SRTP over
 * jitsi-srtp), {@code transport.ice} (ICE on ice4j, one UDP port for all endpoints), {@code sdp} (WebRTC session
 * descriptions), {@code codec} (VP8/H.264/VP9 payload descriptors), {@code sfu.forward} (per-receiver stream
 * rewriting), {@code sfu.feedback} (NACK/RTX, keyframe requests, transport-wide CC feedback), {@code sfu.bwe}
 * (bandwidth estimate, simulcast layer choice) and {@code sfu.speaker} (active speaker, last-N); portal-api hands
 * out a placeholder media address
 * until the node runs.
 */
package org.metrohub.media;
