package org.metrohub.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed session description: the session-level lines after {@code v=0}, in order, and the media sections.
 * An origin, a session name and a timing line are always present.
 */
public record SessionDescription(List<SdpLine> lines, List<MediaDescription> media) {
  public SessionDescription {
    lines = List.copyOf(lines);
    media = List.copyOf(media);
    if (Lines.first(lines, SdpLine.Origin.class).isEmpty()
        || Lines.first(lines, SdpLine.SessionName.class).isEmpty()
        || Lines.first(lines, SdpLine.Timing.class).isEmpty()) {
      throw new IllegalArgumentException("a session description needs o=, s= and t= lines");
    }
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

  public SdpLine.Origin origin() {
    return attribute(SdpLine.Origin.class).orElseThrow();
  }

  public String sessionName() {
    return attribute(SdpLine.SessionName.class).orElseThrow().name();
  }

  public SdpLine.Timing timing() {
    return attribute(SdpLine.Timing.class).orElseThrow();
  }

  /** The mids of the first {@code a=group:BUNDLE}, or an empty list when nothing is bundled. */
  public List<String> bundle() {
    return attributes(Attribute.Group.class).stream()
        .filter(g -> g.semantics().equals("BUNDLE"))
        .findFirst()
        .map(Attribute.Group::ids)
        .orElse(List.of());
  }

  public Optional<Attribute.MsidSemantic> msidSemantic() {
    return attribute(Attribute.MsidSemantic.class);
  }

  public boolean extmapAllowMixed() {
    return hasFlag(Attribute.EXTMAP_ALLOW_MIXED);
  }

  public boolean iceLite() {
    return hasFlag(Attribute.ICE_LITE);
  }

  public List<String> iceOptions() {
    return attribute(Attribute.IceOptions.class).map(Attribute.IceOptions::options).orElse(List.of());
  }

  /** Session-level fingerprint (Firefox writes it here; Chromium per section). */
  public Optional<Attribute.Fingerprint> fingerprint() {
    return attribute(Attribute.Fingerprint.class);
  }

  /** The media section with this mid. */
  public Optional<MediaDescription> section(String mid) {
    return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
  }
}
