package org.metrohub.media.sfu.forward;

import java.util.ArrayList;
import java.util.List;
import org.metrohub.media.codec.Vp8Payload;
import org.metrohub.media.rtp.RtpPacket;
import org.metrohub.media.testing.Hex;

/**
 * One VP8 simulcast layer as Chrome sends it (RFC 7741): its own SSRC, sequence numbers, timestamps, 15-bit
 * PictureIDs and TL0PICIDX, one frame per {@link #frame} call, no temporal layers (every frame is TL0).
 */
final class Vp8Layer {
    static final int FRAME_TICKS = 3600; // 25 fps at 90 kHz

    /** First packet of a keyframe; sequence number, timestamp, SSRC, PictureID and TL0PICIDX are set per packet. */
    static final byte[] KEYFRAME_START = Hex.bytes("""
            80 60 00 00    # V=2 P=0 X=0 CC=0, M=0 PT=96, sequence number
            00 00 00 00    # timestamp
            00 00 00 00    # SSRC
            90 e0 80 00    # VP8 descriptor: X=1 S=1 PID=0; I=1 L=1 T=1; M=1 PictureID (15 bits)
            00 20          #   TL0PICIDX; TID=0 Y=1
            10 02 00       # payload header: H=1 VER=0 P=0 (keyframe)
            9d 01 2a 80 02 68 01  # start code, 640x360
            """);

    /** First packet of an inter frame. */
    static final byte[] DELTA_START = Hex.bytes("""
            80 60 00 00 00 00 00 00 00 00 00 00  # RTP header as above
            90 e0 80 00 00 00   # X=1 S=1 PID=0; I=1 L=1 T=1; PictureID; TL0PICIDX; TID=0 Y=0
            31 40 01 aa bb      # payload header: H=1 P=1 (inter frame), data
            """);

    /** A later packet of a frame: S=0, the same descriptor fields. */
    static final byte[] CONTINUATION = Hex.bytes("""
            80 60 00 00 00 00 00 00 00 00 00 00  # RTP header as above
            80 e0 80 00 00 00   # X=1 S=0 PID=0; I=1 L=1 T=1; PictureID; TL0PICIDX; TID=0
            cc dd ee ff         # data
            """);

    final int ssrc;
    final int packetsPerFrame;
    int seq;
    long timestamp;
    int pictureId;
    int tl0PicIdx;

    Vp8Layer(int ssrc, int packetsPerFrame, int seq, long timestamp, int pictureId, int tl0PicIdx) {
        this.ssrc = ssrc;
        this.packetsPerFrame = packetsPerFrame;
        this.seq = seq;
        this.timestamp = timestamp;
        this.pictureId = pictureId;
        this.tl0PicIdx = tl0PicIdx;
    }

    /** The packets of the next frame; the last one has the marker bit. */
    List<byte[]> frame(boolean keyframe) {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < packetsPerFrame; i++) {
            byte[] template = i > 0 ? CONTINUATION : keyframe ? KEYFRAME_START : DELTA_START;
            byte[] p = template.clone();
            RtpPacket rtp = new RtpPacket().wrap(p, 0, p.length);
            rtp.setSequenceNumber(seq);
            rtp.setTimestamp(timestamp);
            rtp.setSsrc(ssrc);
            rtp.setMarker(i == packetsPerFrame - 1);
            Vp8Payload vp8 = new Vp8Payload().wrap(p, rtp.payloadOffset(), rtp.payloadLength());
            vp8.setPictureId(pictureId);
            vp8.setTl0PicIdx(tl0PicIdx);
            packets.add(p);
            seq = (seq + 1) & 0xFFFF;
        }
        timestamp = (timestamp + FRAME_TICKS) & 0xFFFF_FFFFL;
        pictureId = (pictureId + 1) & 0x7FFF;
        tl0PicIdx = (tl0PicIdx + 1) & 0xFF;
        return packets;
    }
}
