package org.metrohub.portal.rooms;

import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a room's moderators decided about who may come in, in Redis next to presence: whether the room is
 * locked (no new participants) and who was removed from it (refused until a moderator lets them back). Keys:
 * {@code mh:room:{roomId}:locked} and {@code mh:room:{roomId}:bans} (see docs/redis-keys.md), with a TTL of
 * {@link #TTL}, longer than any meeting, so a forgotten lock does not outlive the day.
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

    RoomModeration(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    static String lockKey(UUID roomId) {
        return "mh:room:" + roomId + ":locked";
    }

    static String bansKey(UUID roomId) {
        return "mh:room:" + roomId + ":bans";
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
}
