package org.metrohub.media.negotiation;

import static org.metrohub.media.negotiation.internal.Syntax.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metrohub.media.negotiation.internal.Syntax;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Codec;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.MediaDescription;
import org.metrohub.media.sdp.RidDirection;
import org.metrohub.media.sdp.SdpParseException;
import org.metrohub.media.sdp.SdpParser;
import org.metrohub.media.sdp.SectionCodecs;
import org.metrohub.media.sdp.SessionDescription;
import org.metrohub.media.sdp.Simulcast;

/**
 * Reads a browser's offer and checks what the node requires before answering: everything bundled on one
 * transport (RFC 9143) with RTP/RTCP multiplexing (RFC 5761), one set of ICE credentials, a sha-256 DTLS
 * fingerprint, and a DTLS role that leaves the node passive. Every refusal is a {@link NegotiationException}
 * (or an {@link SdpParseException} for text that is not SDP); nothing else escapes for any input.
 */
public final class OfferReader {
  /**
   * Bounds on an offer.
   *
   * @param maxSections most media sections in one offer (each remote source adds one to a participant's offers)
   * @param sdp         text bounds for the parser, sized for {@code maxSections} Chromium video sections
   *                    (≈ 4.5 KiB and 140 lines each)
   */
  public record Limits(int maxSections, SdpParser.Limits sdp) {
    public static final Limits DEFAULT = new Limits(64, new SdpParser.Limits(512 * 1024, 12_000));

    public Limits {
      if (maxSections < 1) {
        throw new IllegalArgumentException("maxSections must be positive, got " + maxSections);
      }
    }
  }

  private static final String BUNDLE = "BUNDLE";
  private static final String BUNDLE_ONLY = "bundle-only";
  private static final String SHA_256 = "sha-256";

  private final Limits limits;

  public OfferReader() {
    this(Limits.DEFAULT);
  }

  public OfferReader(Limits limits) {
    this.limits = limits;
  }

  /** Parses and checks an offer. */
  public Offer read(String sdp) {
    return read(SdpParser.parse(sdp, limits.sdp()));
  }

  /** Checks a parsed offer. */
  public Offer read(SessionDescription sdp) {
    List<MediaDescription> media = sdp.media();
    if (media.isEmpty()) {
      throw new NegotiationException("the offer has no media sections");
    }
    if (media.size() > limits.maxSections()) {
      throw new NegotiationException("the offer has " + media.size() + " media sections; at most "
          + limits.maxSections() + " are accepted");
    }
    List<String> mids = mids(media);
    List<String> bundle = bundle(sdp, mids);
    List<MediaDescription> transport = new ArrayList<>();
    for (int i = 0; i < media.size(); i++) {
      MediaDescription m = media.get(i);
      boolean disabled = m.media().port() == 0 && !m.hasFlag(BUNDLE_ONLY);
      if (!disabled && !bundle.contains(mids.get(i))) {
        throw new NegotiationException("media section " + quote(mids.get(i))
            + " is outside the BUNDLE group; all media must share one transport (RFC 9143)");
      }
      if (!disabled) {
        transport.add(m);
      }
    }
    if (transport.isEmpty()) {
      throw new NegotiationException("every media section of the offer is disabled (port 0)");
    }
    List<String> ice = iceCredentials(sdp, transport);
    Attribute.Fingerprint fingerprint = fingerprint(sdp, transport);
    Attribute.Setup.Role setup = setup(sdp, transport);
    List<OfferedSection> sections = new ArrayList<>();
    for (int i = 0; i < media.size(); i++) {
      sections.add(section(sdp, media.get(i), i, mids.get(i)));
    }
    checkAcrossBundle(sections);
    return new Offer(sdp.origin(), ice.get(0), ice.get(1), fingerprint, setup, bundle, sdp.extmapAllowMixed(),
        sections);
  }

  private static List<String> mids(List<MediaDescription> media) {
    List<String> mids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < media.size(); i++) {
      List<Attribute.Mid> found = media.get(i).attributes(Attribute.Mid.class);
      if (found.size() != 1) {
        throw new NegotiationException("media section #" + (i + 1) + (found.isEmpty()
            ? " has no a=mid (RFC 9143 needs one per section)" : " has more than one a=mid"));
      }
      String mid = found.getFirst().id();
      if (!Syntax.isToken(mid, Syntax.MAX_TAG_LENGTH)) {
        throw new NegotiationException("mid " + quote(mid) + " of media section #" + (i + 1)
            + " is not 1 to 16 token characters");
      }
      if (!seen.add(mid)) {
        throw new NegotiationException("mid " + quote(mid) + " names more than one media section");
      }
      mids.add(mid);
    }
    return mids;
  }

  private static List<String> bundle(SessionDescription sdp, List<String> mids) {
    List<Attribute.Group> groups = sdp.attributes(Attribute.Group.class).stream()
        .filter(g -> g.semantics().equals(BUNDLE)).toList();
    if (groups.isEmpty()) {
      throw new NegotiationException("the offer has no a=group:BUNDLE; all media must share one transport (RFC 9143)");
    }
    if (groups.size() > 1) {
      throw new NegotiationException("the offer has more than one BUNDLE group; the node accepts one transport");
    }
    List<String> ids = groups.getFirst().ids();
    if (ids.isEmpty()) {
      throw new NegotiationException("the BUNDLE group of the offer is empty");
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!mids.contains(id)) {
        throw new NegotiationException("the BUNDLE group names mid " + quote(id) + ", which no media section has");
      }
      if (!seen.add(id)) {
        throw new NegotiationException("the BUNDLE group names mid " + quote(id) + " twice");
      }
    }
    return ids;
  }

  /** ufrag and password, media or session level, equal in every bundled section that carries them. */
  private static List<String> iceCredentials(SessionDescription sdp, List<MediaDescription> transport) {
    Optional<String> sessionUfrag = sdp.attribute(Attribute.IceUfrag.class).map(Attribute.IceUfrag::ufrag);
    Optional<String> sessionPwd = sdp.attribute(Attribute.IcePwd.class).map(Attribute.IcePwd::password);
    String ufrag = null;
    String pwd = null;
    for (MediaDescription m : transport) {
      Optional<String> u = m.iceUfrag().or(() -> sessionUfrag);
      Optional<String> p = m.icePwd().or(() -> sessionPwd);
      if (u.isEmpty() || p.isEmpty()) {
        if (m.hasFlag(BUNDLE_ONLY)) {
          continue; // bundle-only sections may leave transport attributes to the tagged section
        }
        throw new NegotiationException("media section " + mid(m) + " has no ICE credentials (a=ice-ufrag, a=ice-pwd)");
      }
      if (!Syntax.isIceChars(u.get(), 4) || !Syntax.isIceChars(p.get(), 22)) {
        throw new NegotiationException("media section " + mid(m)
            + " has malformed ICE credentials (RFC 8839 §5.4: ufrag 4+, password 22+ ice-chars)");
      }
      if (ufrag == null) {
        ufrag = u.get();
        pwd = p.get();
      } else if (!ufrag.equals(u.get()) || !pwd.equals(p.get())) {
        throw new NegotiationException("ICE credentials differ between bundled media sections; media section "
            + mid(m) + " must use those of the others");
      }
    }
    if (ufrag == null) {
      throw new NegotiationException("the offer has no ICE credentials (a=ice-ufrag, a=ice-pwd)");
    }
    return List.of(ufrag, pwd);
  }

  /** The sha-256 fingerprint, media or session level (Firefox writes it once for the session), equal everywhere. */
  private static Attribute.Fingerprint fingerprint(SessionDescription sdp, List<MediaDescription> transport) {
    List<Attribute.Fingerprint> session = sdp.attributes(Attribute.Fingerprint.class);
    Attribute.Fingerprint chosen = null;
    for (MediaDescription m : transport) {
      List<Attribute.Fingerprint> own = m.attributes(Attribute.Fingerprint.class);
      List<Attribute.Fingerprint> all = own.isEmpty() ? session : own;
      if (all.isEmpty()) {
        if (m.hasFlag(BUNDLE_ONLY)) {
          continue;
        }
        throw new NegotiationException("media section " + mid(m) + " has no DTLS fingerprint (a=fingerprint)");
      }
      Attribute.Fingerprint sha256 = all.stream().filter(f -> f.algorithm().equalsIgnoreCase(SHA_256)).findFirst()
          .orElseThrow(() -> new NegotiationException("unsupported DTLS fingerprint algorithm "
              + quote(all.getFirst().algorithm()) + " in media section " + mid(m) + "; only sha-256 is accepted"));
      if (sha256.hex().length() != 32 * 3 - 1) {
        throw new NegotiationException("the sha-256 fingerprint of media section " + mid(m) + " is not 32 bytes");
      }
      if (chosen == null) {
        chosen = new Attribute.Fingerprint(SHA_256, sha256.hex());
      } else if (!chosen.hex().equalsIgnoreCase(sha256.hex())) {
        throw new NegotiationException("DTLS fingerprints differ between bundled media sections; media section "
            + mid(m) + " must use that of the others");
      }
    }
    if (chosen == null) {
      throw new NegotiationException("the offer has no DTLS fingerprint (a=fingerprint)");
    }
    return chosen;
  }

  /** The browser's DTLS role: {@code actpass} or {@code active}; absent means active (RFC 4145 §4). */
  private static Attribute.Setup.Role setup(SessionDescription sdp, List<MediaDescription> transport) {
    Optional<Attribute.Setup.Role> session = sdp.attribute(Attribute.Setup.class).map(Attribute.Setup::role);
    Attribute.Setup.Role chosen = null;
    for (MediaDescription m : transport) {
      Optional<Attribute.Setup.Role> role = m.setup().or(() -> session);
      if (role.isEmpty()) {
        continue;
      }
      switch (role.get()) {
        case PASSIVE -> throw new NegotiationException("media section " + mid(m) + " offers a=setup:passive, but the"
            + " node answers passive (DTLS server); offer a=setup:actpass or a=setup:active (RFC 5763 §5)");
        case HOLDCONN -> throw new NegotiationException("media section " + mid(m)
            + " offers a=setup:holdconn; offer a=setup:actpass or a=setup:active");
        default -> {
        }
      }
      if (chosen == null) {
        chosen = role.get();
      } else if (chosen != role.get()) {
        throw new NegotiationException("DTLS roles (a=setup) differ between bundled media sections");
      }
    }
    return chosen == null ? Attribute.Setup.Role.ACTIVE : chosen;
  }

  private static OfferedSection section(SessionDescription sdp, MediaDescription m, int index, String mid) {
    MediaKind kind = MediaKind.of(m.kind());
    boolean bundleOnly = m.hasFlag(BUNDLE_ONLY);
    boolean disabled = m.media().port() == 0 && !bundleOnly;
    boolean rtp = m.media().isRtp();
    if (!disabled && rtp && (kind == MediaKind.AUDIO || kind == MediaKind.VIDEO) && !m.rtcpMux() && !bundleOnly) {
      throw new NegotiationException("media section " + quote(mid)
          + " has no a=rtcp-mux; RTP and RTCP must share the transport (RFC 5761, RFC 8834 §5.1.3)");
    }
    // RFC 8866 §6.7: a session-level direction applies to sections without their own (Firefox writes one).
    Direction direction = m.attribute(Direction.class).or(() -> sdp.attribute(Direction.class))
        .orElse(Direction.SENDRECV);
    List<OfferedCodec> codecs = rtp ? codecs(m, mid) : List.of();
    List<Attribute.ExtMap> extensions = m.extMaps();
    Map<Integer, String> uriById = new HashMap<>();
    for (Attribute.ExtMap e : extensions) {
      String before = uriById.putIfAbsent(e.id(), e.uri());
      if (before != null && !before.equals(e.uri())) {
        throw new NegotiationException("header extension id " + e.id() + " names two extensions in media section "
            + quote(mid));
      }
    }
    List<String> rids = rids(m, mid);
    List<Simulcast.SimulcastRid> simulcast = simulcast(m, mid, rids);
    return new OfferedSection(index, mid, kind, m.media(), bundleOnly,
        direction, codecs, extensions, rids, simulcast, ssrcs(m), m.ssrcGroups(), m.msid(), m.rtcpMux(),
        m.rtcpRsize(), m.hasFlag(Attribute.EXTMAP_ALLOW_MIXED),
        m.candidates().stream().filter(c -> c.component() == 1).toList(),
        m.endOfCandidates() || sdp.hasFlag(Attribute.END_OF_CANDIDATES));
  }

  /** Primary codecs in {@code m=} order with their RTX payload types; RTX entries themselves are not listed. */
  private static List<OfferedCodec> codecs(MediaDescription m, String mid) {
    Set<Integer> listed = new HashSet<>();
    for (int pt : m.media().payloadTypes()) {
      if (!listed.add(pt)) {
        throw new NegotiationException("payload type " + pt + " is listed twice on the m= line of media section "
            + quote(mid));
      }
    }
    Set<Integer> mapped = new HashSet<>();
    for (Attribute.RtpMap map : m.rtpMaps()) {
      if (!mapped.add(map.payloadType())) {
        throw new NegotiationException("payload type " + map.payloadType()
            + " has more than one a=rtpmap in media section " + quote(mid));
      }
    }
    SectionCodecs all = SectionCodecs.of(m);
    List<OfferedCodec> codecs = new ArrayList<>();
    for (Codec c : all.all()) {
      if (c.is(Codec.RTX)) {
        continue;
      }
      Optional<String> fmtp = m.fmtps().stream().filter(f -> f.payloadType() == c.payloadType()).findFirst()
          .map(Attribute.Fmtp::parameters);
      codecs.add(new OfferedCodec(c, fmtp, all.rtxFor(c.payloadType())));
    }
    return codecs;
  }

  private static List<String> rids(MediaDescription m, String mid) {
    List<String> rids = new ArrayList<>();
    for (Attribute.Rid rid : m.rids()) {
      if (rid.direction() != RidDirection.SEND) {
        continue;
      }
      if (!Syntax.isRid(rid.id())) {
        throw new NegotiationException("rid " + quote(rid.id()) + " in media section " + quote(mid)
            + " is not 1 to 16 letters, digits, '-' or '_' (RFC 8851 §10)");
      }
      if (rids.contains(rid.id())) {
        throw new NegotiationException("rid " + quote(rid.id()) + " is declared twice in media section " + quote(mid));
      }
      rids.add(rid.id());
    }
    return rids;
  }

  /** The send list's first alternatives; each must be a declared send rid (RFC 8853 §5.1). */
  private static List<Simulcast.SimulcastRid> simulcast(MediaDescription m, String mid, List<String> rids) {
    List<Simulcast.SimulcastRid> layers = new ArrayList<>();
    List<Simulcast> lines = m.attributes(Simulcast.class);
    if (lines.size() > 1) {
      throw new NegotiationException("media section " + quote(mid) + " has more than one a=simulcast");
    }
    for (Simulcast s : lines) {
      List<Simulcast.StreamList> send = s.lists().stream().filter(l -> l.direction() == RidDirection.SEND).toList();
      if (send.size() > 1) {
        throw new NegotiationException("a=simulcast of media section " + quote(mid) + " has two send lists");
      }
      for (Simulcast.StreamList list : send) {
        for (List<Simulcast.SimulcastRid> stream : list.streams()) {
          for (Simulcast.SimulcastRid alternative : stream) {
            if (!rids.contains(alternative.rid())) {
              throw new NegotiationException("a=simulcast of media section " + quote(mid) + " names rid "
                  + quote(alternative.rid()) + " without an a=rid send line");
            }
          }
          Simulcast.SimulcastRid first = stream.getFirst();
          if (layers.stream().anyMatch(l -> l.rid().equals(first.rid()))) {
            throw new NegotiationException("a=simulcast of media section " + quote(mid) + " names rid "
                + quote(first.rid()) + " twice");
          }
          layers.add(first);
        }
      }
    }
    return layers;
  }

  private static List<OfferedSsrc> ssrcs(MediaDescription m) {
    Map<Long, Optional<String>> cnames = new LinkedHashMap<>();
    Map<Long, Optional<Attribute.Msid>> msids = new HashMap<>();
    for (Attribute.Ssrc line : m.ssrcs()) {
      cnames.putIfAbsent(line.ssrc(), Optional.empty());
      msids.putIfAbsent(line.ssrc(), Optional.empty());
      if (line.attribute().equals("cname") && line.value().isPresent()) {
        cnames.put(line.ssrc(), line.value());
      } else if (line.attribute().equals("msid") && line.value().isPresent()) {
        msids.put(line.ssrc(), msid(line.value().get()));
      }
    }
    List<OfferedSsrc> ssrcs = new ArrayList<>();
    cnames.forEach((ssrc, cname) -> ssrcs.add(new OfferedSsrc(ssrc, cname, msids.get(ssrc))));
    return ssrcs;
  }

  private static Optional<Attribute.Msid> msid(String value) {
    String[] words = value.split(" ", -1);
    if (words.length > 2 || words[0].isEmpty() || words.length == 2 && words[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Attribute.Msid(words[0], words.length == 2 ? Optional.of(words[1]) : Optional.empty()));
  }

  /**
   * What the router demultiplexes on for the whole bundled transport: one SSRC belongs to one section, one
   * header extension id means one extension (a BUNDLE group is one RTP session).
   */
  private static void checkAcrossBundle(List<OfferedSection> sections) {
    Map<Long, String> ssrcOwner = new HashMap<>();
    Map<Integer, String> uriById = new HashMap<>();
    for (OfferedSection s : sections) {
      if (s.disabled()) {
        continue;
      }
      for (OfferedSsrc ssrc : s.ssrcs()) {
        String owner = ssrcOwner.putIfAbsent(ssrc.ssrc(), s.mid());
        if (owner != null) {
          throw new NegotiationException("SSRC " + ssrc.ssrc() + " is announced in media sections " + quote(owner)
              + " and " + quote(s.mid()));
        }
      }
      for (Attribute.ExtMap e : s.extensions()) {
        String uri = uriById.putIfAbsent(e.id(), e.uri());
        if (uri != null && !uri.equals(e.uri())) {
          throw new NegotiationException("header extension id " + e.id() + " names different extensions in bundled"
              + " media sections; media section " + quote(s.mid()) + " must use the ids of the others");
        }
      }
    }
  }

  private static String mid(MediaDescription m) {
    return quote(m.mid().orElse("?"));
  }
}
