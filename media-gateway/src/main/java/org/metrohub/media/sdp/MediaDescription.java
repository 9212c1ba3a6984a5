package org.metrohub.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One media section: its {@code m=} line and the lines after it, in order. The accessors read the typed
 * lines; {@link #attributes(Class)} reaches anything else.
 */
public record MediaDescription(MediaLine media, List<SdpLine> lines) {
  public MediaDescription {
    Objects.requireNonNull(media);
    lines = List.copyOf(lines);
  }

  public <T extends SdpLine> List<T> attributes(Class<T> type) {
    return Lines.all(lines, type);
  }

  public <T extends SdpLine> Optional<T> attribute(Class<T> type) {
    return Lines.first(lines, type);
  }

  public boolean hasFlag(String name) {
    return Lines.hasFlag(lines, name);
  }

  public String kind() {
    return media.kind();
  }

  public Optional<SdpLine.Connection> connection() {
    return attribute(SdpLine.Connection.class);
  }

  public Optional<String> mid() {
    return attribute(Attribute.Mid.class).map(Attribute.Mid::id);
  }

  /** The direction attribute, or {@code sendrecv} when none is written (RFC 8866 §6.7). */
  public Direction direction() {
    return attribute(Direction.class).orElse(Direction.SENDRECV);
  }

  public Optional<String> iceUfrag() {
    return attribute(Attribute.IceUfrag.class).map(Attribute.IceUfrag::ufrag);
  }

  public Optional<String> icePwd() {
    return attribute(Attribute.IcePwd.class).map(Attribute.IcePwd::password);
  }

  public List<String> iceOptions() {
    return attribute(Attribute.IceOptions.class).map(Attribute.IceOptions::options).orElse(List.of());
  }

  public Optional<Attribute.Fingerprint> fingerprint() {
    return attribute(Attribute.Fingerprint.class);
  }

  public Optional<Attribute.Setup.Role> setup() {
    return attribute(Attribute.Setup.class).map(Attribute.Setup::role);
  }

  public boolean rtcpMux() {
    return hasFlag(Attribute.RTCP_MUX);
  }

  public boolean rtcpRsize() {
    return hasFlag(Attribute.RTCP_RSIZE);
  }

  public List<Attribute.RtpMap> rtpMaps() {
    return attributes(Attribute.RtpMap.class);
  }

  public List<Attribute.Fmtp> fmtps() {
    return attributes(Attribute.Fmtp.class);
  }

  public List<Attribute.RtcpFb> rtcpFeedback() {
    return attributes(Attribute.RtcpFb.class);
  }

  public List<Attribute.ExtMap> extMaps() {
    return attributes(Attribute.ExtMap.class);
  }

  public List<Attribute.Ssrc> ssrcs() {
    return attributes(Attribute.Ssrc.class);
  }

  public List<Attribute.SsrcGroup> ssrcGroups() {
    return attributes(Attribute.SsrcGroup.class);
  }

  public Optional<Attribute.Msid> msid() {
    return attribute(Attribute.Msid.class);
  }

  public List<Attribute.Rid> rids() {
    return attributes(Attribute.Rid.class);
  }

  public Optional<Simulcast> simulcast() {
    return attribute(Simulcast.class);
  }

  public List<Candidate> candidates() {
    return attributes(Candidate.class);
  }

  public boolean endOfCandidates() {
    return hasFlag(Attribute.END_OF_CANDIDATES);
  }

  public Optional<Integer> sctpPort() {
    return attribute(Attribute.SctpPort.class).map(Attribute.SctpPort::port);
  }

  public Optional<Long> maxMessageSize() {
    return attribute(Attribute.MaxMessageSize.class).map(Attribute.MaxMessageSize::bytes);
  }

  /** Attributes MetroHub does not type, verbatim. */
  public List<Attribute.Unknown> unknownAttributes() {
    return attributes(Attribute.Unknown.class);
  }
}
