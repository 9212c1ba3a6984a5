package org.metrohub.portal.rooms;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.metrohub.portal.events.EventOutbox;
import org.metrohub.portal.events.RoomEventType;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.IssuedToken;
import org.metrohub.portal.identity.TokenIssuer;
import org.metrohub.portal.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rooms use cases. A change to a room and its event are written in one transaction (the outbox);
 * presence lives in Redis. Every call checks tenant and role through {@link RoomPolicy}; joining also
 * consults the {@link RoomAccessPolicy} beans other features provide, and what moderators decided
 * ({@link RoomModeration}: a locked room admits only those present and moderators; a removed user is refused).
 */
@Service
public class RoomService {

    private static final int DEFAULT_CAPACITY = 50;

    private final RoomRepository rooms;
    private final PresenceStore presence;
    private final EventOutbox outbox;
    private final TransactionalOperator tx;
    private final TokenIssuer tokens;
    private final RoomsProperties properties;
    private final InstantSource clock;
    private final List<RoomAccessPolicy> accessPolicies;
    private final RoomModeration moderation;

    public RoomService(RoomRepository rooms, PresenceStore presence, EventOutbox outbox, TransactionalOperator tx,
                       TokenIssuer tokens, RoomsProperties properties, InstantSource clock,
                       ObjectProvider<RoomAccessPolicy> accessPolicies, RoomModeration moderation) {
        this.rooms = rooms;
        this.presence = presence;
        this.outbox = outbox;
        this.tx = tx;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.accessPolicies = accessPolicies.orderedStream().toList();
        this.moderation = moderation;
    }

    public Mono<Room> create(CurrentUser user, CreateRoomRequest request) {
        RoomKind kind = parse(RoomKind.class, "kind", request.kind());
        RoomPolicy.checkCreate(user, kind);
        Instant now = now();
        Room room = new Room(UUID.randomUUID(), user.tenant(), kind, request.name().strip(),
                request.description() == null ? "" : request.description().strip(),
                request.capacity() == null ? DEFAULT_CAPACITY : request.capacity(),
                RoomStatus.OPEN, user.id(), now, now, 0);
        return withEvent(rooms.insert(room), RoomEventType.ROOM_CREATED);
    }

    public Mono<Room> get(CurrentUser user, UUID id) {
        return find(id).doOnNext(room -> RoomPolicy.checkTenant(user, room));
    }

    public Mono<RoomPage> list(CurrentUser user, String kind, String status, String q, int page, int size) {
        if (page < 0 || page > 10_000) {
            throw ApiException.badRequest("page must be between 0 and 10000.");
        }
        if (size < 1 || size > 100) {
            throw ApiException.badRequest("size must be between 1 and 100.");
        }
        if (q != null && q.length() > 120) {
            throw ApiException.badRequest("q must be at most 120 characters.");
        }
        RoomQuery query = new RoomQuery(user.tenant(),
                kind == null || kind.isBlank() ? null : parse(RoomKind.class, "kind", kind),
                status == null || status.isBlank() ? null : parse(RoomStatus.class, "status", status),
                q == null || q.isBlank() ? null : q.strip(), page, size);
        return rooms.list(query);
    }

    public Mono<Room> update(CurrentUser user, UUID id, UpdateRoomRequest request) {
        return find(id).flatMap(room -> {
            RoomPolicy.checkManage(user, room);
            requireOpen(room);
            Room changed = new Room(room.id(), room.tenant(), room.kind(),
                    request.name() == null ? room.name() : request.name().strip(),
                    request.description() == null ? room.description() : request.description().strip(),
                    request.capacity() == null ? room.capacity() : request.capacity(),
                    room.status(), room.createdBy(), room.createdAt(), now(), room.version());
            return withEvent(saved(rooms.update(changed)), RoomEventType.ROOM_UPDATED);
        });
    }

    public Mono<Room> close(CurrentUser user, UUID id) {
        return find(id).flatMap(room -> {
            RoomPolicy.checkManage(user, room);
            requireOpen(room);
            Room closed = new Room(room.id(), room.tenant(), room.kind(), room.name(), room.description(),
                    room.capacity(), RoomStatus.CLOSED, room.createdBy(), room.createdAt(), now(), room.version());
            return withEvent(saved(rooms.update(closed)), RoomEventType.ROOM_CLOSED);
        });
    }

    public Mono<JoinTicket> join(CurrentUser user, UUID id) {
        return find(id).flatMap(room -> {
            RoomPolicy.checkTenant(user, room);
            requireOpen(room);
            String role = RoomPolicy.roleInRoom(user, room);
            return checkAccess(user, room).then(Mono.defer(() -> admit(user, room, role)));
        });
    }

    private Mono<Void> checkAccess(CurrentUser user, Room room) {
        return Flux.fromIterable(accessPolicies).concatMap(policy -> policy.checkJoin(user, room)).then();
    }

    private Mono<JoinTicket> admit(CurrentUser user, Room room, String role) {
        Participant participant = new Participant(user.id(), user.displayName(), role, now());
        boolean moderator = role.equals("MODERATOR");
        return Mono.zip(presence.list(room.id()), moderation.locked(room.id()),
                        moderator ? Mono.just(false) : moderation.banned(room.id(), user.id()))
                .flatMap(state -> {
                    List<Participant> present = state.getT1();
                    boolean inside = present.stream().anyMatch(p -> p.userId().equals(user.id()));
                    if (state.getT3()) {
                        return Mono.error(ApiException.forbidden("A moderator removed you from this room."));
                    }
                    if (state.getT2() && !inside && !moderator) {
                        return Mono.error(ApiException.conflict("The room is locked."));
                    }
                    if (!inside && present.size() >= room.capacity()) {
                        return Mono.error(ApiException.conflict("The room is full (capacity " + room.capacity() + ")."));
                    }
                    return presence.enter(room.id(), participant);
                })
                .flatMap(isNew -> isNew ? participantEvent(RoomEventType.PARTICIPANT_JOINED, room, participant) : Mono.empty())
                .then(Mono.fromSupplier(() -> ticket(user, room, role)));
    }

    public Mono<Void> leave(CurrentUser user, UUID id) {
        return find(id).flatMap(room -> {
            RoomPolicy.checkTenant(user, room);
            return presence.leave(room.id(), user.id())
                    .flatMap(wasThere -> wasThere
                            ? participantEvent(RoomEventType.PARTICIPANT_LEFT, room,
                                    new Participant(user.id(), user.displayName(), RoomPolicy.roleInRoom(user, room), now()))
                            : Mono.empty());
        });
    }

    /**
     * Keeps a participant listed while their media connection lives (the signalling session calls this well
     * within the presence TTL). If the entry had expired meanwhile, they are listed again with a joined event.
     */
    public Mono<Void> renewPresence(CurrentUser user, UUID id) {
        return find(id).flatMap(room -> {
            RoomPolicy.checkTenant(user, room);
            Participant participant = new Participant(user.id(), user.displayName(), RoomPolicy.roleInRoom(user, room),
                    now());
            return presence.enter(room.id(), participant)
                    .flatMap(isNew -> isNew ? participantEvent(RoomEventType.PARTICIPANT_JOINED, room, participant)
                            : Mono.empty());
        });
    }

    public Mono<List<Participant>> participants(CurrentUser user, UUID id) {
        return get(user, id).flatMap(room -> presence.list(room.id()));
    }

    private JoinTicket ticket(CurrentUser user, Room room, String role) {
        IssuedToken token = tokens.roomToken(user, room.id(), role);
        long expiresIn = token.expiresAt().getEpochSecond() - clock.instant().getEpochSecond();
        return new JoinTicket(room.id(), token.value(), expiresIn, role,
                properties.signallingUrl().replace("{roomId}", room.id().toString()));
    }

    private Mono<Void> participantEvent(RoomEventType type, Room room, Participant participant) {
        return outbox.appendRoomEvent(type, room.id(), room.tenant(), new ParticipantEvent(room.id(), room.name(),
                        participant.userId(), participant.displayName(), participant.role(), participant.joinedAt()))
                .doOnSuccess(e -> outbox.wakeRelay())
                .then();
    }

    /** The data of a participant event: the room's id and name, and who. */
    record ParticipantEvent(UUID roomId, String roomName, String userId, String displayName, String role,
                            Instant joinedAt) {
    }

    private Mono<Room> withEvent(Mono<Room> change, RoomEventType type) {
        return tx.transactional(change.flatMap(room ->
                        outbox.appendRoomEvent(type, room.id(), room.tenant(), room).thenReturn(room)))
                .doOnSuccess(room -> outbox.wakeRelay());
    }

    private Mono<Room> saved(Mono<Room> update) {
        return update.switchIfEmpty(Mono.error(ApiException.conflict("The room was changed by someone else; reload and try again.")));
    }

    private Mono<Room> find(UUID id) {
        return rooms.find(id).switchIfEmpty(Mono.error(ApiException.notFound("No room " + id + ".")));
    }

    private static void requireOpen(Room room) {
        if (room.status() == RoomStatus.CLOSED) {
            throw ApiException.conflict("The room is closed.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + "; got '" + abbreviate(value) + "'.");
        }
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
