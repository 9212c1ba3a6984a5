package org.metrohub.media.negotiation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.metrohub.media.sdp.Attribute;

/**
 * What one offer/answer exchange settled, per mid, for the router: which way media flows, the browser's payload
 * types and header extension ids, the rids and SSRCs it sends, and the track the node sends.
 *
 * @param transportMid the offerer-tagged section (RFC 9143 §7.3.1): ICE uses the browser's candidates of
 *                     this section ({@link Offer#candidates(String)})
 * @param bundle       the answer's BUNDLE group: every accepted mid, {@code transportMid} first
 * @param sections     every offered section, in offer order, rejected ones included
 */
public record Negotiated(String transportMid, List<String> bundle, List<Section> sections) {
  public Negotiated {
    Objects.requireNonNull(transportMid);
    bundle = List.copyOf(bundle);
    sections = List.copyOf(sections);
  }

  public Optional<Section> section(String mid) {
    return sections.stream().filter(s -> s.mid().equals(mid)).findFirst();
  }

  /**
   * One section of the answer.
   *
   * @param rejection    why the node answered with port 0, or empty when accepted
   * @param codecs       agreed codecs in answer order (the first is what a browser sends with)
   * @param extensionIds agreed header extension ids by URI
   * @param rids         rids the node receives, in simulcast order (empty without rid-based sending)
   * @param ssrcs        SSRCs the browser announced for what it sends
   * @param track        what the node sends here, when {@link #direction()} sends
   */
  public record Section(String mid, int index, MediaKind kind, NodeDirection direction, Optional<String> rejection,
                        List<NegotiatedCodec> codecs, Map<String, Integer> extensionIds, List<String> rids,
                        List<OfferedSsrc> ssrcs, List<Attribute.SsrcGroup> ssrcGroups,
                        Optional<OutgoingTrack> track) {
    public Section {
      Objects.requireNonNull(mid);
      Objects.requireNonNull(kind);
      Objects.requireNonNull(direction);
      Objects.requireNonNull(rejection);
      codecs = List.copyOf(codecs);
      extensionIds = Map.copyOf(extensionIds);
      rids = List.copyOf(rids);
      ssrcs = List.copyOf(ssrcs);
      ssrcGroups = List.copyOf(ssrcGroups);
      Objects.requireNonNull(track);
    }

    public boolean accepted() {
      return rejection.isEmpty();
    }

    /**
     * This browser's payload type for media encoded as {@code key} (a sender's codec), empty when it cannot
     * receive it: the router rewrites the sender's payload type to this one.
     */
    public OptionalInt payloadTypeFor(CodecKey key) {
      return codecFor(key).map(c -> OptionalInt.of(c.payloadType())).orElse(OptionalInt.empty());
    }

    /** This browser's RTX payload type for retransmissions of {@code key}, if RTX was negotiated for it. */
    public OptionalInt rtxPayloadTypeFor(CodecKey key) {
      return codecFor(key).map(NegotiatedCodec::rtxPayloadType).orElse(OptionalInt.empty());
    }

    public Optional<NegotiatedCodec> codecFor(CodecKey key) {
      return codecs.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The codec with this primary payload type. */
    public Optional<NegotiatedCodec> codec(int payloadType) {
      return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }

    public OptionalInt extensionId(String uri) {
      Integer id = extensionIds.get(uri);
      return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }
  }
}
