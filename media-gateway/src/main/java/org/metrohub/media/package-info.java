/**
 * The media node: every media packet of MetroHub passes through here.
 *
 * <p>It will own WebRTC endpoints (ICE, DTLS-SRTP), plain RTP endpoints for SIP legs and cameras, the
 * selective forwarding router, the audio mixer for phones, camera ingest (RTSP, RTMP) and egress (WebRTC,
 * LL-HLS, RTSP), and the node's control API. It knows rooms, endpoints and streams by id only: no users,
 * courses or telephony. Built so far: {@code rtp} (packet views and parsers), {@code transport.dtls} (DTLS 1.2
 * on BouncyCastle), {@code transport.srtp} (SRTP over
 * jitsi-srtp), {@code sdp} (WebRTC session descriptions) and {@code negotiation} (offer/answer with browsers);
 * portal-api hands out a placeholder media address
 * until the node runs.
 */
package org.metrohub.media;
