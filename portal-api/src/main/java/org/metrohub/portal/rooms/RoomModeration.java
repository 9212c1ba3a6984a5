package org.metrohub.portal.rooms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a room's moderators decided about who may come in, in Redis next to presence: whether the room is
 * locked (no new participants), who was removed from it (refused until a moderator lets them back), and whose
 * hand is raised, in order. Keys: {@code mh:room:{roomId}:locked}, {@code mh:room:{roomId}:bans} and
 * {@code mh:room:{roomId}:hands} (see docs/redis-keys.md), with a TTL of {@link #TTL}, longer than any meeting,
 * so a forgotten lock does not outlive the day.
 *
 * <p>Live meeting state, not the room's record: a lock taken and lifted during a call is neither a change to
 * the room (no version bump that would make a concurrent edit of its name fail, no {@code room.updated} event)
 * nor something to keep once the call is over. {@link RoomService#join} enforces both.
 */
@Component
public class RoomModeration {

    /** How long a lock or a ban lasts at most (renewed whenever it is set again). */
    public static final Duration TTL = Duration.ofHours(12);

    private final ReactiveStringRedisTemplate redis;
    private final InstantSource clock;

    RoomModeration(ReactiveStringRedisTemplate redis, InstantSource clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** One raised hand: who, and since when (the queue is oldest first). */
    public record RaisedHand(String participantId, String displayName, Instant raisedAt) {
    }

    static String lockKey(UUID roomId) {
        return "mh:room:" + roomId + ":locked";
    }

    static String bansKey(UUID roomId) {
        return "mh:room:" + roomId + ":bans";
    }

    static String handsKey(UUID roomId) {
        return "mh:room:" + roomId + ":hands";
    }

    /** Locks or unlocks the room; true when that changed something. */
    public Mono<Boolean> lock(UUID roomId, boolean locked) {
        return locked
                ? redis.opsForValue().setIfAbsent(lockKey(roomId), "locked", TTL)
                : redis.delete(lockKey(roomId)).map(n -> n > 0);
    }

    public Mono<Boolean> locked(UUID roomId) {
        return redis.hasKey(lockKey(roomId));
    }

    /** Refuses {@code userId} the room from now on. */
    public Mono<Void> ban(UUID roomId, String userId) {
        return redis.opsForSet().add(bansKey(roomId), userId)
                .then(redis.expire(bansKey(roomId), TTL))
                .then();
    }

    /** Lets a removed participant back; true when they had been removed. */
    public Mono<Boolean> unban(UUID roomId, String userId) {
        return redis.opsForSet().remove(bansKey(roomId), userId).map(n -> n > 0);
    }

    public Mono<Boolean> banned(UUID roomId, String userId) {
        return redis.opsForSet().isMember(bansKey(roomId), userId);
    }

    /**
     * Raises {@code participantId}'s hand now, at the end of the queue; true when that changed the queue (a hand
     * already raised keeps its place). A hash field per participant, {@code <epoch micros> <display name>}: set
     * with {@code HSETNX}, so two instances raising the same hand agree on the first time.
     */
    public Mono<Boolean> raiseHand(UUID roomId, String participantId, String displayName) {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        return redis.opsForHash().putIfAbsent(handsKey(roomId), participantId, micros + " " + displayName)
                .flatMap(added -> redis.expire(handsKey(roomId), TTL).thenReturn(added));
    }

    /** Lowers {@code participantId}'s hand; true when it was raised. */
    public Mono<Boolean> lowerHand(UUID roomId, String participantId) {
        return redis.opsForHash().remove(handsKey(roomId), participantId).map(n -> n > 0);
    }

    /** The room's raised hands, oldest first (ties by participant id). */
    public Mono<List<RaisedHand>> hands(UUID roomId) {
        return redis.opsForHash().entries(handsKey(roomId)).collectList().map(entries -> {
            List<RaisedHand> queue = new ArrayList<>(entries.size());
            for (Map.Entry<Object, Object> e : entries) {
                String value = String.valueOf(e.getValue());
                int space = value.indexOf(' ');
                long micros;
                try {
                    micros = Long.parseLong(space < 0 ? value : value.substring(0, space));
                } catch (NumberFormatException bad) {
                    continue; // not written by raiseHand
                }
                queue.add(new RaisedHand(String.valueOf(e.getKey()), space < 0 ? "" : value.substring(space + 1),
                        Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                                Math.floorMod(micros, 1_000_000L) * 1_000L)));
            }
            queue.sort(Comparator.comparing(RaisedHand::raisedAt).thenComparing(RaisedHand::participantId));
            return queue;
        });
    }
}
