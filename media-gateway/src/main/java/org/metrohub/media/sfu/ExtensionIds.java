package org.metrohub.media.sfu;

/**
 * The RTP header extension ids (RFC 8285) one endpoint negotiated, 0 where not negotiated. A BUNDLE transport
 * uses one id per URI across its sections (RFC 8843 §9.2), both ways.
 */
record ExtensionIds(int mid, int rid, int repairedRid, int audioLevel, int transportCc) {
    static final ExtensionIds NONE = new ExtensionIds(0, 0, 0, 0, 0);
}
