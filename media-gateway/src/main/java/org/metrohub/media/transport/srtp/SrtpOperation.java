package org.metrohub.media.transport.srtp;

/** The four things an {@link SrtpSession} does; used to read its counters. */
public enum SrtpOperation {
    PROTECT_RTP, UNPROTECT_RTP, PROTECT_RTCP, UNPROTECT_RTCP
}
