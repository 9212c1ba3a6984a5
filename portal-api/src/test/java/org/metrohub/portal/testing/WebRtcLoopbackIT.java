package org.metrohub.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.sun.net.httpserver.HttpServer;

/**
 * Real WebRTC media between headless Chromium peers on loopback only, several participants at once: what the
 * media tests build on. Each participant's page calls itself (two RTCPeerConnections, host candidates only) with
 * the fake camera and microphone, and the receiving side's getStats() must show decoded video, received audio and
 * a selected candidate pair on 127.0.0.0/8.
 */
class WebRtcLoopbackIT {

    @RegisterExtension
    static final ChromiumParticipants browsers = new ChromiumParticipants();

    /** Fake camera and microphone into {@code caller}, {@code callee} plays them; both ends in this page. */
    private static final String CALL_ITSELF = """
            const stream = await navigator.mediaDevices.getUserMedia(
                {audio: true, video: {width: 320, height: 240, frameRate: 15}});
            const caller = new RTCPeerConnection();
            const callee = new RTCPeerConnection();
            const candidates = [];
            const trickle = (to) => (event) => {
                if (event.candidate) {
                    candidates.push(event.candidate);
                    to.addIceCandidate(event.candidate);
                }
            };
            caller.onicecandidate = trickle(callee);
            callee.onicecandidate = trickle(caller);
            callee.ontrack = (event) => {
                const element = document.createElement(event.track.kind);
                element.autoplay = true;
                element.muted = true;
                element.srcObject = event.streams[0];
                document.body.appendChild(element);
            };
            for (const track of stream.getTracks()) {
                caller.addTrack(track, stream);
            }
            await caller.setLocalDescription(await caller.createOffer());
            await callee.setRemoteDescription(caller.localDescription);
            await callee.setLocalDescription(await callee.createAnswer());
            await caller.setRemoteDescription(callee.localDescription);
            window.loopbackCall = {caller, callee, candidates};
            return stream.getTracks().map(track => track.kind).sort();
            """;

    /** The callee's view: what arrived, and over which candidate pair. */
    private static final String CALLEE_STATS = """
            const {callee, candidates} = window.loopbackCall;
            const stats = [...(await callee.getStats()).values()];
            const byId = new Map(stats.map(s => [s.id, s]));
            const inbound = (kind) => stats.find(s => s.type === 'inbound-rtp' && s.kind === kind) || {};
            const transport = stats.find(s => s.type === 'transport') || {};
            const pair = byId.get(transport.selectedCandidatePairId) || {};
            const address = (id) => { const c = byId.get(id); return c ? (c.address || c.ip) : null; };
            return {
                connectionState: callee.connectionState,
                framesDecoded: inbound('video').framesDecoded || 0,
                audioPacketsReceived: inbound('audio').packetsReceived || 0,
                pairState: pair.state || null,
                localAddress: address(pair.localCandidateId),
                remoteAddress: address(pair.remoteCandidateId),
                candidateAddresses: candidates.map(c => c.address),
                candidates: candidates.map(c => c.candidate),
            };
            """;

    /** getUserMedia needs a secure context: http://127.0.0.1 is one, about:blank and data: URLs are not. */
    private static HttpServer blankPage;

    @BeforeAll
    static void serveABlankPage() throws IOException {
        blankPage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] html = "<!doctype html><title>loopback call</title><body></body>".getBytes(StandardCharsets.UTF_8);
        blankPage.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (var body = exchange.getResponseBody()) {
                body.write(html);
            }
        });
        blankPage.start();
    }

    @AfterAll
    static void stopServing() {
        if (blankPage != null) {
            blankPage.stop(0);
        }
    }

    @BeforeAll
    static void needsTheNamespace() {
        LoopbackNamespace.assumeInside("WebRtcLoopbackIT");
    }

    @Test
    void threeParticipantsAtOnceEachDecodeFakeCameraAndMicrophoneOverLoopbackOnly() throws Exception {
        List<Browser> participants = browsers.launch(3, "participant");

        List<Future<Map<?, ?>>> calls;
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            calls = participants.stream()
                    .map(p -> each.<Map<?, ?>>submit(() -> callItselfUntilMediaFlows(p))).toList();
        }

        for (int i = 0; i < participants.size(); i++) {
            String who = participants.get(i).name();
            Map<?, ?> stats = calls.get(i).get();
            assertThat(stats.get("connectionState")).as(who + " connection").isEqualTo("connected");
            assertThat(stats.get("pairState")).as(who + " selected pair").isEqualTo("succeeded");
            assertThat((String) stats.get("localAddress")).as(who + " local address").startsWith("127.");
            assertThat((String) stats.get("remoteAddress")).as(who + " remote address").startsWith("127.");
            assertThat((List<?>) stats.get("candidateAddresses")).as(who + " every gathered candidate's address (%s)",
                    stats.get("candidates")).isNotEmpty().allMatch(WebRtcLoopbackIT::isLoopback);
        }
    }

    private static Map<?, ?> callItselfUntilMediaFlows(Browser participant) {
        participant.open("http://127.0.0.1:" + blankPage.getAddress().getPort() + "/");
        assertThat(participant.runAsync(CALL_ITSELF)).as(participant.name() + " local tracks")
                .isEqualTo(List.of("audio", "video"));
        return participant.await("video frames decoded and audio packets received",
                () -> (Map<?, ?>) participant.runAsync(CALLEE_STATS),
                stats -> ((Number) stats.get("framesDecoded")).longValue() > 0
                        && ((Number) stats.get("audioPacketsReceived")).longValue() > 0);
    }

    private static boolean isLoopback(Object address) {
        return address instanceof String a && (a.startsWith("127.") || a.equals("::1"));
    }
}
