package org.metrohub.media.sfu.forward;

/** What a {@link StreamRewriter} rewrites besides SSRC, sequence number and timestamp, and when it may switch. */
public enum StreamKind {
    /** Every packet is a switch point (a new source needs no keyframe); no payload rewriting. */
    AUDIO,
    /** Video whose payload needs no rewriting (H.264, or VP9 without picture-id continuity); switches at keyframes. */
    VIDEO,
    /** VP8: also PictureID and TL0PICIDX (RFC 7741 §4.2) kept continuous across switches. */
    VP8
}
