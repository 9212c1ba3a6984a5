package org.metrohub.media.sfu.forward;

import java.util.ArrayList;
import java.util.List;
import org.metrohub.media.codec.Vp8Payload;
import org.metrohub.media.rtp.ParseStatus;
import org.metrohub.media.rtp.RtpPacket;

/** Feeds packets through one {@link StreamRewriter} as the router would, and records what the receiver gets. */
final class Receiver {
    /** One packet as the receiver sees it, with the incoming SSRC it came from. */
    record Out(int ssrc, int seq, long timestamp, int pictureId, int tl0PicIdx, boolean keyframe,
            boolean startOfFrame, boolean marker, int fromSsrc, int fromSeq) {
    }

    final StreamRewriter rewriter;
    final List<Out> received = new ArrayList<>();
    private final RtpPacket rtp = new RtpPacket();
    private final Vp8Payload vp8 = new Vp8Payload();

    Receiver(StreamRewriter rewriter) {
        this.rewriter = rewriter;
    }

    /** Rewrites {@code packet} (in place) for layer {@code layer}; the keyframe flag comes from the VP8 payload. */
    boolean send(byte[] packet, int layer, long nowNanos) {
        rtp.wrap(packet, 0, packet.length);
        boolean keyframe = Vp8Payload.isKeyframe(packet, rtp.payloadOffset(), rtp.payloadLength());
        return send(packet, layer, keyframe, nowNanos);
    }

    boolean send(byte[] packet, int layer, boolean keyframe, long nowNanos) {
        rtp.wrap(packet, 0, packet.length);
        int fromSsrc = rtp.ssrc();
        int fromSeq = rtp.sequenceNumber();
        if (!rewriter.rewrite(rtp, layer, keyframe, nowNanos)) {
            return false;
        }
        int at = rtp.payloadOffset();
        int len = rtp.payloadLength();
        boolean isVp8 = rewriter.kind() == StreamKind.VP8 && Vp8Payload.check(packet, at, len) == ParseStatus.OK;
        if (isVp8) {
            vp8.wrap(packet, at, len);
        }
        received.add(new Out(rtp.ssrc(), rtp.sequenceNumber(), rtp.timestamp(),
                isVp8 ? vp8.pictureId() : -1, isVp8 ? vp8.tl0PicIdx() : -1, isVp8 && vp8.isKeyframe(),
                isVp8 && vp8.isStartOfFrame(), rtp.marker(), fromSsrc, fromSeq));
        return true;
    }

    Out last() {
        return received.get(received.size() - 1);
    }
}
