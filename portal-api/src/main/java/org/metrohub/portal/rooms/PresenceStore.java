package org.metrohub.portal.rooms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is in which room now, in Redis. One key per participant holds their presence with a TTL, so someone
 * who vanishes without leaving drops out by themselves; a per-room set indexes them and is pruned of expired
 * members when read. Keys: {@code mh:room:{roomId}:presence:{userId}} and {@code mh:room:{roomId}:participants}
 * (see docs/redis-keys.md).
 */
@Component
class PresenceStore {

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;

    PresenceStore(ReactiveStringRedisTemplate redis, JsonMapper json, RoomsProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.presenceTtl();
    }

    static String presenceKey(UUID roomId, String userId) {
        return "mh:room:" + roomId + ":presence:" + userId;
    }

    static String indexKey(UUID roomId) {
        return "mh:room:" + roomId + ":participants";
    }

    /** Records (or renews) a participant; true when they were not in the room before. */
    Mono<Boolean> enter(UUID roomId, Participant participant) {
        String key = presenceKey(roomId, participant.userId());
        String value = json.writeValueAsString(participant);
        return redis.opsForValue().setIfAbsent(key, value, ttl)
                .flatMap(isNew -> (isNew ? Mono.just(true) : redis.expire(key, ttl))
                        .then(redis.opsForSet().add(indexKey(roomId), participant.userId()))
                        .then(redis.expire(indexKey(roomId), ttl))
                        .thenReturn(isNew));
    }

    /** Removes a participant; true when they were there. */
    Mono<Boolean> leave(UUID roomId, String userId) {
        return redis.opsForSet().remove(indexKey(roomId), userId)
                .then(redis.delete(presenceKey(roomId, userId)))
                .map(n -> n > 0);
    }

    Mono<List<Participant>> list(UUID roomId) {
        return redis.opsForSet().members(indexKey(roomId)).collectList().flatMap(ids -> {
            if (ids.isEmpty()) {
                return Mono.just(List.<Participant>of());
            }
            List<String> keys = ids.stream().map(id -> presenceKey(roomId, id)).toList();
            return redis.opsForValue().multiGet(keys).flatMap(values -> {
                List<Participant> present = new ArrayList<>();
                List<String> expired = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    String value = values.get(i);
                    if (value == null) {
                        expired.add(ids.get(i));
                    } else {
                        present.add(json.readValue(value, Participant.class));
                    }
                }
                Mono<Long> prune = expired.isEmpty() ? Mono.just(0L)
                        : redis.opsForSet().remove(indexKey(roomId), expired.toArray());
                present.sort((a, b) -> a.joinedAt().compareTo(b.joinedAt()));
                return prune.thenReturn(List.copyOf(present));
            });
        });
    }
}
