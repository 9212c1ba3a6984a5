package org.metrohub.media.sfu.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Last-N: which endpoints' video each receiver of a room gets. For receiver R the candidates are the room's
 * video senders except R, ranked: first R's pinned (on-stage) endpoints in R's order, then by the speaker
 * history (most recent dominant speaker first, as {@link ActiveSpeakerDetector#speakerHistory} gives it),
 * then the remaining senders in the order given. R gets the first N ({@code -1} = all, 0 = none); pinned
 * endpoints count towards N. Control plane: {@link #update} returns only the receivers whose set changed,
 * as add/remove sets, and remembers the result for the next call. Not thread-safe: one control thread.
 */
public final class LastN {
    public static final int UNLIMITED = -1;

    private int n;
    private final Map<String, List<String>> pinned = new HashMap<>();
    private final Map<String, List<String>> forwarded = new HashMap<>();

    public LastN(int n) {
        setN(n);
    }

    public int n() {
        return n;
    }

    /** Changes N; takes effect at the next {@link #update}. */
    public void setN(int n) {
        if (n < UNLIMITED) {
            throw new IllegalArgumentException("last-N must be -1 (unlimited) or >= 0: " + n);
        }
        this.n = n;
    }

    /** {@code receiverId}'s pinned/on-stage endpoints, in priority order (empty to clear). */
    public void setPinned(String receiverId, List<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            pinned.remove(receiverId);
        } else {
            pinned.put(receiverId, List.copyOf(endpointIds));
        }
    }

    /** Forgets a receiver that left (its pins and its last selection). */
    public void removeReceiver(String receiverId) {
        pinned.remove(receiverId);
        forwarded.remove(receiverId);
    }

    /**
     * Recomputes every receiver's selection.
     *
     * @param receivers      the room's receivers
     * @param videoSenders   endpoints sending video, in a stable order (e.g. join order)
     * @param speakerHistory most recent dominant speaker first; may name endpoints without video
     * @return one change per receiver whose forwarded set or order changed (a new receiver always)
     */
    public List<LastNChange> update(List<String> receivers, List<String> videoSenders, List<String> speakerHistory) {
        Set<String> senders = new LinkedHashSet<>(videoSenders);
        List<LastNChange> changes = new ArrayList<>();
        for (String receiver : receivers) {
            List<String> next = select(receiver, senders, speakerHistory);
            List<String> previous = forwarded.get(receiver);
            if (previous != null && previous.equals(next)) {
                continue;
            }
            Set<String> added = new LinkedHashSet<>(next);
            Set<String> removed = new LinkedHashSet<>();
            if (previous != null) {
                previous.forEach(added::remove);
                removed.addAll(previous);
                next.forEach(removed::remove);
            }
            forwarded.put(receiver, next);
            changes.add(new LastNChange(receiver, next, added, removed));
        }
        forwarded.keySet().retainAll(new java.util.HashSet<>(receivers));
        return changes;
    }

    /** The receiver's current selection (empty before its first {@link #update}). */
    public List<String> forwarded(String receiverId) {
        return forwarded.getOrDefault(receiverId, List.of());
    }

    private List<String> select(String receiver, Set<String> senders, List<String> speakerHistory) {
        Set<String> ranked = new LinkedHashSet<>();
        for (String id : pinned.getOrDefault(receiver, List.of())) {
            if (senders.contains(id)) {
                ranked.add(id);
            }
        }
        for (String id : speakerHistory) {
            if (senders.contains(id)) {
                ranked.add(id);
            }
        }
        ranked.addAll(senders);
        ranked.remove(receiver);
        List<String> result = new ArrayList<>(ranked);
        return n == UNLIMITED || result.size() <= n ? List.copyOf(result) : List.copyOf(result.subList(0, n));
    }
}
