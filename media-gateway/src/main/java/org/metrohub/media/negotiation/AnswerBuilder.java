package org.metrohub.media.negotiation;

import static org.metrohub.media.negotiation.internal.Syntax.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.metrohub.media.sdp.Attribute;
import org.metrohub.media.sdp.Direction;
import org.metrohub.media.sdp.MediaDescription;
import org.metrohub.media.sdp.MediaLine;
import org.metrohub.media.sdp.RidDirection;
import org.metrohub.media.sdp.SdpLine;
import org.metrohub.media.sdp.SessionDescription;
import org.metrohub.media.sdp.Simulcast;

/**
 * Answers a participant's offers (JSEP, RFC 8829 §5.3). One builder per PeerConnection: it keeps the
 * {@code o=} session id and raises the version with every answer. Not thread-safe; the participant's
 * signalling handler calls it.
 *
 * <p>The answer keeps the offer's sections, order and mids. An accepted section carries the node's ICE
 * credentials, its fingerprint and {@code a=setup:passive} (the browser is the DTLS client, RFC 5763 §5),
 * {@code a=rtcp-mux}, the codecs and header extensions {@link CodecPolicy} kept, and what flows: {@code recvonly}
 * for what the browser sends (with {@code a=rid:<id> recv} and {@code a=simulcast:recv} for rid simulcast,
 * RFC 8853), {@code sendonly}/{@code sendrecv} with {@code a=msid} and {@code a=ssrc} lines where an
 * {@link OutgoingTrack} is assigned, {@code inactive} for a receiving section without one. All bundled sections
 * get port 9 and {@code c=IN IP4 0.0.0.0} (one address for the group, RFC 9143 §7.3; the real ones are the
 * candidates), and the node's candidates with {@code a=end-of-candidates} go in the answerer-tagged section
 * only. A rejected section (data channel for now, other media, no common codec, disabled by the browser) gets
 * port 0 and leaves the BUNDLE group (RFC 9143 §7.3.3).
 */
public final class AnswerBuilder {
  private static final String ANY_ADDRESS = "0.0.0.0";
  private static final int DISCARD_PORT = 9;

  private final CodecPolicy policy;
  private final long sessionId;
  private long version;

  /** {@code sessionId}: a random positive number (JSEP §5.2.1: 62 random bits), the same for every answer. */
  public AnswerBuilder(CodecPolicy policy, long sessionId) {
    this.policy = Objects.requireNonNull(policy);
    if (sessionId <= 0) {
      throw new IllegalArgumentException("the o= session id must be positive, got " + sessionId);
    }
    this.sessionId = sessionId;
  }

  public long sessionId() {
    return sessionId;
  }

  /** The {@code o=} version of the last answer, 0 before the first. */
  public long version() {
    return version;
  }

  /**
   * Answers {@code offer}.
   *
   * @param tracks what the node sends, by mid of a section the browser receives in; a section the browser
   *               no longer receives in (re-offered {@code sendonly} or {@code inactive}) ignores its track
   * @throws NegotiationException when a track's kind differs from its section's, an offered SSRC is one the
   *                              node sends with, or no bundled section can be accepted
   * @throws IllegalArgumentException for a track on a mid the offer does not have, or two tracks with one SSRC
   */
  public Answer answer(Offer offer, LocalTransport local, Map<String, OutgoingTrack> tracks) {
    checkTracks(offer, tracks);
    List<Plan> plans = offer.sections().stream().map(s -> plan(s, Optional.ofNullable(tracks.get(s.mid())))).toList();
    List<String> bundle = offer.bundle().stream()
        .filter(mid -> plans.stream().anyMatch(p -> p.offered().mid().equals(mid) && p.rejection().isEmpty()))
        .toList();
    if (bundle.isEmpty()) {
      throw new NegotiationException("no media section of the BUNDLE group can be accepted: " + plans.stream()
          .filter(p -> p.rejection().isPresent())
          .map(p -> quote(p.offered().mid()) + " " + p.rejection().get())
          .collect(Collectors.joining("; ")));
    }
    String transportMid = bundle.getFirst();
    long nextVersion = version + 1;
    List<SdpLine> session = new ArrayList<>();
    session.add(new SdpLine.Origin("-", Long.toString(sessionId), Long.toString(nextVersion), "IN", "IP4",
        "127.0.0.1"));
    session.add(new SdpLine.SessionName("-"));
    session.add(new SdpLine.Timing(0, 0));
    session.add(new Attribute.Group("BUNDLE", bundle));
    if (offer.extmapAllowMixed()) {
      session.add(new Attribute.Flag(Attribute.EXTMAP_ALLOW_MIXED));
    }
    session.add(new Attribute.MsidSemantic("WMS", List.of("*"), true));
    List<MediaDescription> media = new ArrayList<>();
    List<Negotiated.Section> negotiated = new ArrayList<>();
    for (Plan plan : plans) {
      media.add(plan.rejection().isPresent() ? rejected(plan.offered())
          : accepted(plan, local, plan.offered().mid().equals(transportMid)));
      negotiated.add(plan.negotiated());
    }
    Answer answer = new Answer(new SessionDescription(session, media),
        new Negotiated(transportMid, bundle, negotiated));
    version = nextVersion;
    return answer;
  }

  private static void checkTracks(Offer offer, Map<String, OutgoingTrack> tracks) {
    Map<Long, String> sent = new HashMap<>();
    tracks.forEach((mid, track) -> {
      OfferedSection section = offer.section(mid).orElseThrow(
          () -> new IllegalArgumentException("a track is assigned to mid " + mid + ", which the offer lacks"));
      if (section.kind() != track.kind()) {
        throw new NegotiationException("media section " + quote(mid) + " is " + section.kind().token()
            + " but carries a " + track.kind().token() + " source; a mid keeps its media type");
      }
      List<Long> ssrcs = new ArrayList<>(List.of(track.ssrc()));
      track.rtxSsrc().ifPresent(ssrcs::add);
      for (long ssrc : ssrcs) {
        String other = sent.putIfAbsent(ssrc, mid);
        if (other != null) {
          throw new IllegalArgumentException("SSRC " + ssrc + " is assigned to mids " + other + " and " + mid);
        }
      }
    });
    for (OfferedSection s : offer.sections()) {
      for (OfferedSsrc offered : s.ssrcs()) {
        if (!s.disabled() && sent.containsKey(offered.ssrc())) {
          throw new NegotiationException("media section " + quote(s.mid()) + " announces SSRC " + offered.ssrc()
              + ", which the node sends with; choose another");
        }
      }
    }
  }

  /** The decisions for one section; {@link #negotiated()} is what the router learns. */
  private record Plan(OfferedSection offered, Optional<String> rejection, List<NegotiatedCodec> codecs,
                      List<Attribute.ExtMap> extensions, NodeDirection direction, Optional<OutgoingTrack> track) {
    Negotiated.Section negotiated() {
      Map<String, Integer> ids = new LinkedHashMap<>();
      extensions.forEach(e -> ids.put(e.uri(), e.id()));
      List<String> rids = direction.receives() ? receivedRids(offered) : List.of();
      return new Negotiated.Section(offered.mid(), offered.index(), offered.kind(), direction, rejection, codecs,
          ids, rids, direction.receives() ? offered.ssrcs() : List.of(),
          direction.receives() ? offered.ssrcGroups() : List.of(), track);
    }
  }

  private Plan plan(OfferedSection s, Optional<OutgoingTrack> track) {
    Optional<String> rejection = Optional.empty();
    List<NegotiatedCodec> codecs = List.of();
    if (s.disabled()) {
      rejection = Optional.of("is disabled by the offer (port 0)");
    } else if (s.kind() == MediaKind.APPLICATION) {
      rejection = Optional.of("is a data channel, which the node does not carry yet");
    } else if (s.kind() == MediaKind.OTHER || !s.isSecureRtp()) {
      rejection = Optional.of("is neither audio nor video over UDP/TLS/RTP/SAVPF");
    } else {
      codecs = policy.codecs(s);
      if (codecs.isEmpty()) {
        rejection = Optional.of("offers no codec the node forwards");
      }
    }
    if (rejection.isPresent()) {
      return new Plan(s, rejection, List.of(), List.of(), NodeDirection.INACTIVE, Optional.empty());
    }
    boolean receives = s.browserSends();
    Optional<OutgoingTrack> sent = s.browserReceives() ? track : Optional.empty();
    NodeDirection direction = receives
        ? sent.isPresent() ? NodeDirection.SEND_RECEIVE : NodeDirection.RECEIVE
        : sent.isPresent() ? NodeDirection.SEND : NodeDirection.INACTIVE;
    return new Plan(s, rejection, codecs, policy.headerExtensions(s), direction, sent);
  }

  /** Rids the node receives: the simulcast send list, or the declared send rids without one (RFC 8851). */
  private static List<String> receivedRids(OfferedSection s) {
    return s.simulcast().isEmpty() ? s.rids() : s.simulcast().stream().map(Simulcast.SimulcastRid::rid).toList();
  }

  private static MediaDescription rejected(OfferedSection s) {
    MediaLine m = s.line();
    List<SdpLine> lines = List.of(new SdpLine.Connection("IN", "IP4", ANY_ADDRESS), new Attribute.Mid(s.mid()));
    return new MediaDescription(new MediaLine(m.kind(), 0, OptionalInt.empty(), m.proto(), m.formats()), lines);
  }

  private static MediaDescription accepted(Plan plan, LocalTransport local, boolean tagged) {
    OfferedSection s = plan.offered();
    List<String> formats = new ArrayList<>();
    for (NegotiatedCodec c : plan.codecs()) {
      formats.add(Integer.toString(c.payloadType()));
      c.rtxPayloadType().ifPresent(rtx -> formats.add(Integer.toString(rtx)));
    }
    List<SdpLine> lines = new ArrayList<>();
    lines.add(new SdpLine.Connection("IN", "IP4", ANY_ADDRESS));
    if (tagged) {
      lines.addAll(local.candidates());
      if (local.endOfCandidates()) {
        lines.add(new Attribute.Flag(Attribute.END_OF_CANDIDATES));
      }
    }
    lines.add(new Attribute.IceUfrag(local.iceUfrag()));
    lines.add(new Attribute.IcePwd(local.icePwd()));
    // The node takes the browser's trickled candidates; it sends all its own in this answer.
    lines.add(new Attribute.IceOptions(List.of("trickle")));
    lines.add(local.fingerprint());
    lines.add(new Attribute.Setup(Attribute.Setup.Role.PASSIVE));
    lines.add(new Attribute.Mid(s.mid()));
    if (s.extmapAllowMixed()) {
      lines.add(new Attribute.Flag(Attribute.EXTMAP_ALLOW_MIXED));
    }
    for (Attribute.ExtMap e : plan.extensions()) {
      lines.add(new Attribute.ExtMap(e.id(), e.direction().map(AnswerBuilder::reverse), e.uri(), Optional.empty()));
    }
    lines.add(direction(plan.direction()));
    plan.track().ifPresent(t -> lines.add(new Attribute.Msid(t.streamId(), Optional.of(t.trackId()))));
    lines.add(new Attribute.Flag(Attribute.RTCP_MUX));
    if (s.rtcpRsize()) {
      lines.add(new Attribute.Flag(Attribute.RTCP_RSIZE));
    }
    for (NegotiatedCodec c : plan.codecs()) {
      lines.add(new Attribute.RtpMap(c.payloadType(), c.name(), c.clockRate(), c.codec().channels()));
      lines.addAll(c.feedback());
      c.fmtp().ifPresent(f -> lines.add(new Attribute.Fmtp(c.payloadType(), f)));
      c.rtxPayloadType().ifPresent(rtx -> {
        lines.add(new Attribute.RtpMap(rtx, "rtx", c.clockRate(), OptionalInt.empty()));
        lines.add(new Attribute.Fmtp(rtx, "apt=" + c.payloadType()));
      });
    }
    if (plan.direction().receives()) {
      simulcast(s, lines);
    }
    plan.track().ifPresent(t -> ssrcLines(t, plan.codecs(), lines));
    return new MediaDescription(new MediaLine(s.line().kind(), DISCARD_PORT, OptionalInt.empty(), s.protocol(),
        formats), lines);
  }

  private static void simulcast(OfferedSection s, List<SdpLine> lines) {
    for (String rid : receivedRids(s)) {
      lines.add(new Attribute.Rid(rid, RidDirection.RECV, Optional.empty()));
    }
    if (!s.simulcast().isEmpty()) {
      List<List<Simulcast.SimulcastRid>> streams = s.simulcast().stream().map(List::of).toList();
      lines.add(new Simulcast(List.of(new Simulcast.StreamList(RidDirection.RECV, streams))));
    }
  }

  /** RFC 5576 source attributes; the FID group (RFC 4588 §8.2) only when RTX is negotiated for a codec. */
  private static void ssrcLines(OutgoingTrack t, List<NegotiatedCodec> codecs, List<SdpLine> lines) {
    boolean rtx = t.rtxSsrc().isPresent() && codecs.stream().anyMatch(c -> c.rtxPayloadType().isPresent());
    String msid = t.streamId() + " " + t.trackId();
    if (rtx) {
      lines.add(new Attribute.SsrcGroup(Attribute.SsrcGroup.FID, List.of(t.ssrc(), t.rtxSsrc().getAsLong())));
    }
    List<Long> ssrcs = rtx ? List.of(t.ssrc(), t.rtxSsrc().getAsLong()) : List.of(t.ssrc());
    for (long ssrc : ssrcs) {
      lines.add(new Attribute.Ssrc(ssrc, "cname", Optional.of(t.cname())));
      lines.add(new Attribute.Ssrc(ssrc, "msid", Optional.of(msid)));
    }
  }

  private static Direction direction(NodeDirection d) {
    return switch (d) {
      case RECEIVE -> Direction.RECVONLY;
      case SEND -> Direction.SENDONLY;
      case SEND_RECEIVE -> Direction.SENDRECV;
      case INACTIVE -> Direction.INACTIVE;
    };
  }

  /** An answer's extension direction is the offer's seen from the other side (RFC 8285 §6). */
  private static Direction reverse(Direction offered) {
    return switch (offered) {
      case SENDONLY -> Direction.RECVONLY;
      case RECVONLY -> Direction.SENDONLY;
      default -> offered;
    };
  }
}
