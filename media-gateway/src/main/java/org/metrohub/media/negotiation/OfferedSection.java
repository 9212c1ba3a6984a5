package org.metrohub.media.negotiation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Candidate;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.MediaLine;
import org.metrohub.media.sdp.Simulcast;

/**
 * One media section of an offer, as the browser described it.
 *
 * @param index       position in the offer, from 0
 * @param line        the {@code m=} line as written (media type, port, protocol, formats); port 0 without
 *                    {@code a=bundle-only} means the browser disabled the section
 * @param direction   the browser's view: {@code sendonly} means it sends to the node
 * @param codecs      primary payload types in offer order, each with its RTX payload type
 * @param extensions  {@code a=extmap} lines in offer order
 * @param rids        rids the browser sends ({@code a=rid:<id> send}), in line order
 * @param simulcast   the {@code a=simulcast:send} list, first alternative of each stream, in order; empty without
 *                    simulcast
 * @param ssrcs       announced SSRCs in first-seen order (Firefox and non-simulcast Chromium; rid simulcast from
 *                    Chromium announces none)
 * @param candidates  this section's ICE candidates for component 1 (RTP; with rtcp-mux there is no other)
 */
public record OfferedSection(int index, String mid, MediaKind kind, MediaLine line, boolean bundleOnly,
                             Direction direction, List<OfferedCodec> codecs, List<Attribute.ExtMap> extensions,
                             List<String> rids,
                             List<Simulcast.SimulcastRid> simulcast, List<OfferedSsrc> ssrcs,
                             List<Attribute.SsrcGroup> ssrcGroups, Optional<Attribute.Msid> msid, boolean rtcpMux,
                             boolean rtcpRsize, boolean extmapAllowMixed, List<Candidate> candidates,
                             boolean endOfCandidates) {
  public OfferedSection {
    Objects.requireNonNull(mid);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(line);
    Objects.requireNonNull(direction);
    codecs = List.copyOf(codecs);
    extensions = List.copyOf(extensions);
    rids = List.copyOf(rids);
    simulcast = List.copyOf(simulcast);
    ssrcs = List.copyOf(ssrcs);
    ssrcGroups = List.copyOf(ssrcGroups);
    Objects.requireNonNull(msid);
    candidates = List.copyOf(candidates);
  }

  public int port() {
    return line.port();
  }

  public String protocol() {
    return line.proto();
  }

  /** Port 0 without {@code a=bundle-only}: the browser stopped this transceiver (RFC 9143 §7.5.3). */
  public boolean disabled() {
    return line.port() == 0 && !bundleOnly;
  }

  /** An RTP section over DTLS-SRTP ({@code UDP/TLS/RTP/SAVPF} or {@code TCP/DTLS/RTP/SAVPF}). */
  public boolean isSecureRtp() {
    String p = line.proto();
    return p.equals("UDP/TLS/RTP/SAVPF") || p.equals("TCP/DTLS/RTP/SAVPF");
  }

  /** The browser sends media to the node in this section ({@code sendonly} or {@code sendrecv}). */
  public boolean browserSends() {
    return direction == Direction.SENDONLY || direction == Direction.SENDRECV;
  }

  /** The browser is willing to receive media in this section ({@code recvonly} or {@code sendrecv}). */
  public boolean browserReceives() {
    return direction == Direction.RECVONLY || direction == Direction.SENDRECV;
  }

  /** Header extension ids by URI, in offer order. */
  public Map<String, Integer> extensionIds() {
    Map<String, Integer> ids = new LinkedHashMap<>();
    extensions.forEach(e -> ids.putIfAbsent(e.uri(), e.id()));
    return Collections.unmodifiableMap(ids);
  }

  public OptionalInt extensionId(String uri) {
    return extensions.stream().filter(e -> e.uri().equals(uri)).mapToInt(Attribute.ExtMap::id).findFirst();
  }

  public Optional<OfferedCodec> codec(int payloadType) {
    return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
  }
}
