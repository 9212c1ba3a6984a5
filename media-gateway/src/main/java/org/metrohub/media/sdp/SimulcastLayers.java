package org.metrohub.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The simulcast layers a media section declares. */
public final class SimulcastLayers {
  private SimulcastLayers() {
  }

  /** One layer: its rid, direction, whether it starts paused. */
  public record Layer(String rid, RidDirection direction, boolean paused) {
    public Layer {
      Objects.requireNonNull(rid);
      Objects.requireNonNull(direction);
    }
  }

  /**
   * The layers in {@code a=simulcast} order (the first alternative of each stream); with no {@code a=simulcast},
   * none: rids alone do not make simulcast (RFC 8853 §5.1).
   */
  public static List<Layer> of(MediaDescription section) {
    List<Layer> layers = new ArrayList<>();
    section.simulcast().ifPresent(s -> {
      for (Simulcast.StreamList list : s.lists()) {
        for (List<Simulcast.SimulcastRid> stream : list.streams()) {
          Simulcast.SimulcastRid first = stream.getFirst();
          layers.add(new Layer(first.rid(), list.direction(), first.paused()));
        }
      }
    });
    return List.copyOf(layers);
  }
}
