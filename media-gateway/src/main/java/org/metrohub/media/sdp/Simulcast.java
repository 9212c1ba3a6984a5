package org.metrohub.media.sdp;

import java.util.List;
import java.util.Objects;

/**
 * {@code a=simulcast:send q;h;f recv a,b} (RFC 8853): per direction, a list of streams separated by {@code ;},
 * each a list of alternative rids separated by {@code ,}; a rid written {@code ~x} starts paused.
 */
public record Simulcast(List<StreamList> lists) implements Attribute {
  public Simulcast {
    lists = List.copyOf(lists);
  }

  /** The streams of one direction. */
  public record StreamList(RidDirection direction, List<List<SimulcastRid>> streams) {
    public StreamList {
      Objects.requireNonNull(direction);
      streams = streams.stream().map(List::copyOf).toList();
    }
  }

  /** One rid in a simulcast stream list. */
  public record SimulcastRid(String rid, boolean paused) {
    public SimulcastRid {
      Objects.requireNonNull(rid);
    }
  }
}
