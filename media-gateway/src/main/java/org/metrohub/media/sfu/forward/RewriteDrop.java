package org.metrohub.media.sfu.forward;

/** Why {@link StreamRewriter#rewrite} dropped a packet; counted per rewriter in {@link RewriterStats}. */
public enum RewriteDrop {
    /** Not the current layer nor the target one (or the receiver is paused: target -1). */
    NOT_SELECTED,
    /** The target layer (or a new SSRC) before its first keyframe: nothing can decode it yet. */
    AWAITING_KEYFRAME,
    /**
     * Older than the reorder window ({@link StreamRewriter#REORDER_WINDOW} behind the newest packet), or older
     * than the keyframe the current layer started at: its outgoing sequence number would be taken.
     */
    TOO_OLD,
    /** A VP8 stream's payload descriptor fails {@link org.metrohub.media.codec.Vp8Payload#check}. */
    MALFORMED_PAYLOAD
}
