package org.metrohub.media.sfu.speaker;

import java.util.List;
import java.util.Set;

/**
 * What changed in one receiver's forwarded video.
 *
 * @param receiverId the receiver
 * @param forwarded  the endpoints whose video it now gets, highest priority first
 * @param added      endpoints newly forwarded (start forwarding, ask for a keyframe)
 * @param removed    endpoints no longer forwarded (stop, tell the client)
 */
public record LastNChange(String receiverId, List<String> forwarded, Set<String> added, Set<String> removed) {
    public LastNChange {
        forwarded = List.copyOf(forwarded);
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
    }
}
