package org.metrohub.media.bot;

import java.util.List;

/**
 * Writes a bot's offer as Chromium would for the same transceivers (compare {@code chrome-156-plain-offer.sdp}
 * and {@code chrome-156-simulcast-offer.sdp} in the tests): Unified Plan, one BUNDLE group, rtcp-mux, the same
 * ICE credentials, fingerprint and {@code a=setup:actpass} in every section, one host candidate. Header extension
 * ids are Chromium's: audio level 1, mid 4, rid 10.
 */
final class OfferWriter {

    static final int AUDIO_LEVEL_ID = 1;
    static final int MID_ID = 4;
    static final int RID_ID = 10;
    static final int OPUS_PT = 111;
    static final int VP8_PT = 96;
    static final String[] RIDS = {"q", "h", "f"};

    /** One m= section; {@code ssrc} is 0 for receive-only sections and for simulcast (rids, no a=ssrc). */
    record Section(String mid, String kind, boolean sends, boolean simulcast, int ssrc) {
    }

    /** Session-wide values of an offer. */
    record Identity(long sessionId, String ufrag, String password, String fingerprint, String address, int port,
                    String cname, String streamId) {
    }

    private OfferWriter() {
    }

    static String write(Identity id, long version, List<Section> sections) {
        StringBuilder s = new StringBuilder(2048 + 700 * sections.size());
        line(s, "v=0");
        line(s, "o=- " + id.sessionId() + " " + version + " IN IP4 127.0.0.1");
        line(s, "s=-");
        line(s, "t=0 0");
        StringBuilder bundle = new StringBuilder("a=group:BUNDLE");
        for (Section section : sections) {
            bundle.append(' ').append(section.mid());
        }
        line(s, bundle.toString());
        line(s, "a=extmap-allow-mixed");
        line(s, "a=msid-semantic: WMS " + id.streamId());
        for (Section section : sections) {
            section(s, id, section);
        }
        return s.toString();
    }

    private static void section(StringBuilder s, Identity id, Section section) {
        boolean audio = section.kind().equals("audio");
        int pt = audio ? OPUS_PT : VP8_PT;
        line(s, "m=" + section.kind() + " " + id.port() + " UDP/TLS/RTP/SAVPF " + pt);
        line(s, "c=IN IP4 " + id.address());
        line(s, "a=rtcp:9 IN IP4 0.0.0.0");
        line(s, "a=candidate:1 1 udp 2122260223 " + id.address() + " " + id.port() + " typ host generation 0");
        line(s, "a=ice-ufrag:" + id.ufrag());
        line(s, "a=ice-pwd:" + id.password());
        line(s, "a=ice-options:trickle");
        line(s, "a=fingerprint:" + id.fingerprint());
        line(s, "a=setup:actpass");
        line(s, "a=mid:" + section.mid());
        if (audio) {
            line(s, "a=extmap:" + AUDIO_LEVEL_ID + " urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        }
        line(s, "a=extmap:" + MID_ID + " urn:ietf:params:rtp-hdrext:sdes:mid");
        if (!audio) {
            line(s, "a=extmap:" + RID_ID + " urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
        }
        String track = id.streamId() + "-" + section.kind();
        line(s, section.sends() ? "a=sendonly" : "a=recvonly");
        if (section.sends()) {
            line(s, "a=msid:" + id.streamId() + " " + track);
        }
        line(s, "a=rtcp-mux");
        line(s, "a=rtcp-rsize");
        if (audio) {
            line(s, "a=rtpmap:" + pt + " opus/48000/2");
            line(s, "a=fmtp:" + pt + " minptime=10;useinbandfec=1");
        } else {
            line(s, "a=rtpmap:" + pt + " VP8/90000");
            line(s, "a=rtcp-fb:" + pt + " goog-remb");
            line(s, "a=rtcp-fb:" + pt + " ccm fir");
            line(s, "a=rtcp-fb:" + pt + " nack");
            line(s, "a=rtcp-fb:" + pt + " nack pli");
        }
        if (section.sends() && section.simulcast()) {
            for (String rid : RIDS) {
                line(s, "a=rid:" + rid + " send");
            }
            line(s, "a=simulcast:send " + String.join(";", RIDS));
        } else if (section.sends()) {
            String ssrc = Integer.toUnsignedString(section.ssrc());
            line(s, "a=ssrc:" + ssrc + " cname:" + id.cname());
            line(s, "a=ssrc:" + ssrc + " msid:" + id.streamId() + " " + track);
        }
    }

    private static void line(StringBuilder s, String text) {
        s.append(text).append("\r\n");
    }
}
