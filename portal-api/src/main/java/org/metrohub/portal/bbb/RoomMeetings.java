package org.metrohub.portal.bbb;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.metrohub.elearning.bbb.BbbApi;
import org.metrohub.elearning.bbb.BbbApiException;
import org.metrohub.elearning.bbb.BbbAttendee;
import org.metrohub.elearning.bbb.BbbError;
import org.metrohub.elearning.bbb.BbbMeeting;
import org.metrohub.elearning.bbb.BbbRole;
import org.metrohub.elearning.bbb.CreateMeetingRequest;
import org.metrohub.elearning.bbb.JoinMeetingRequest;
import org.metrohub.portal.identity.CurrentUser;
import org.metrohub.portal.identity.IssuedToken;
import org.metrohub.portal.identity.Role;
import org.metrohub.portal.identity.TokenIssuer;
import org.metrohub.portal.identity.UserDirectory;
import org.metrohub.portal.rooms.CreateRoomRequest;
import org.metrohub.portal.rooms.Participant;
import org.metrohub.portal.rooms.Room;
import org.metrohub.portal.rooms.RoomService;
import org.metrohub.portal.rooms.RoomStatus;
import org.metrohub.portal.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link BbbApi} over MetroHub rooms: a meeting is a room of the configured tenant and kind, created and closed by
 * the configured technical user, and mapped by {@link BbbMeetingStore}; who is in it comes from the rooms'
 * presence. A {@code join} yields a guest ticket for that room ({@link TokenIssuer#guestTicket}). Blocking: the
 * dispatcher calls it on {@code boundedElastic}, never on an event loop.
 */
@Component
class RoomMeetings implements BbbApi {

    private static final Logger log = LoggerFactory.getLogger(RoomMeetings.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int NAME_MAX = 120;
    private static final int DEFAULT_CAPACITY = 100;
    private static final int MAX_CAPACITY = 500;

    private final BbbMeetingStore store;
    private final RoomService rooms;
    private final UserDirectory users;
    private final TokenIssuer tokens;
    private final BbbProperties properties;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    RoomMeetings(BbbMeetingStore store, RoomService rooms, UserDirectory users, TokenIssuer tokens,
                 BbbProperties properties, InstantSource clock) {
        this.store = store;
        this.rooms = rooms;
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Created create(CreateMeetingRequest request) {
        CurrentUser creator = creator();
        Optional<StoredMeeting> existing = stored(request.meetingID());
        if (existing.isPresent() && !ended(existing.get(), room(creator, existing.get()))) {
            return new Created(meeting(creator, existing.get()), false);
        }
        int capacity = request.maxParticipants() > 0 ? Math.min(request.maxParticipants(), MAX_CAPACITY)
                : DEFAULT_CAPACITY;
        String name = request.name().length() > NAME_MAX ? request.name().substring(0, NAME_MAX) : request.name();
        Room room = rooms.create(creator, new CreateRoomRequest(properties.roomKind().name(), name,
                "BigBlueButton meeting " + request.meetingID(), capacity)).block(TIMEOUT);
        StoredMeeting meeting = new StoredMeeting(properties.tenant(), request.meetingID(), room.id(), request.name(),
                request.attendeePW(), request.moderatorPW(), clock.millis(), voiceBridge(request),
                request.dialNumber(), request.duration(), request.maxParticipants(), request.record(),
                request.metadata(), 0, 0, false);
        boolean written = existing.isEmpty() ? store.insert(meeting).block(TIMEOUT)
                : store.replace(meeting, existing.get().roomId()).block(TIMEOUT);
        if (!written) {
            // another request created this meeting meanwhile: theirs stands, this room goes
            closeQuietly(creator, room.id());
            StoredMeeting winner = stored(request.meetingID()).orElseThrow();
            return new Created(meeting(creator, winner), false);
        }
        log.atInfo().addKeyValue("meetingId", request.meetingID()).addKeyValue("roomId", room.id())
                .log("BigBlueButton meeting {} created as room {}", request.meetingID(), room.id());
        return new Created(meeting(creator, meeting), true);
    }

    @Override
    public Optional<BbbMeeting> findMeeting(String meetingID) {
        CurrentUser creator = creator();
        return stored(meetingID).map(m -> meeting(creator, m));
    }

    @Override
    public JoinOutcome join(BbbMeeting meeting, JoinMeetingRequest request, BbbRole role) {
        StoredMeeting stored = stored(meeting.meetingID())
                .orElseThrow(() -> new BbbApiException(BbbError.NO_SUCH_MEETING_TO_JOIN));
        if (meeting.maxUsers() > 0 && meeting.participantCount() >= meeting.maxUsers()) {
            return new Refused(BbbError.MAX_PARTICIPANTS_REACHED);
        }
        // An LMS user keeps one id per room (joining twice is one participant); it cannot be any real user's id.
        String guestId = request.userID()
                .map(lmsUser -> UUID.nameUUIDFromBytes(("metrohub-bbb:" + stored.roomId() + ":" + lmsUser)
                        .getBytes(StandardCharsets.UTF_8)))
                .orElseGet(UUID::randomUUID).toString();
        String roomRole = role == BbbRole.MODERATOR ? CurrentUser.RoomScope.MODERATOR : CurrentUser.RoomScope.PARTICIPANT;
        CurrentUser guest = new CurrentUser(guestId, "guest:" + guestId, request.fullName(), properties.tenant(),
                Set.of(Role.GUEST), new CurrentUser.RoomScope(stored.roomId(), roomRole));
        IssuedToken ticket = tokens.guestTicket(guest, properties.ticketTtl());
        store.markStarted(stored.tenant(), stored.meetingId(), stored.roomId(), clock.millis()).block(TIMEOUT);
        log.atInfo().addKeyValue("meetingId", stored.meetingId()).addKeyValue("roomId", stored.roomId())
                .addKeyValue("userId", guestId)
                .log("BigBlueButton join to {} as {} ({})", stored.meetingId(), roomRole, guestId);
        return new Joined(properties.portalUrl() + "/#/join/" + ticket.value(), guestId, ticket.id(),
                UUID.randomUUID().toString());
    }

    @Override
    public void end(BbbMeeting meeting) {
        CurrentUser creator = creator();
        StoredMeeting stored = stored(meeting.meetingID())
                .orElseThrow(() -> new BbbApiException(BbbError.NOT_FOUND));
        closeQuietly(creator, stored.roomId());
        store.markEnded(stored.tenant(), stored.meetingId(), stored.roomId(), clock.millis()).block(TIMEOUT);
        log.atInfo().addKeyValue("meetingId", stored.meetingId()).addKeyValue("roomId", stored.roomId())
                .log("BigBlueButton meeting {} ended, room {} closed", stored.meetingId(), stored.roomId());
    }

    @Override
    public List<BbbMeeting> meetings() {
        CurrentUser creator = creator();
        List<StoredMeeting> all = store.list(properties.tenant()).collectList().block(TIMEOUT);
        return all.stream().map(m -> meeting(creator, m)).toList();
    }

    private BbbMeeting meeting(CurrentUser creator, StoredMeeting m) {
        Room room = room(creator, m);
        boolean ended = ended(m, room);
        List<Participant> present = ended ? List.of() : rooms.participants(creator, m.roomId()).block(TIMEOUT);
        List<BbbAttendee> attendees = present.stream()
                .map(p -> new BbbAttendee(p.userId(), p.displayName(),
                        "MODERATOR".equals(p.role()) ? BbbRole.MODERATOR : BbbRole.VIEWER,
                        false, false, false, false, "HTML5", Map.of()))
                .toList();
        long endTime = m.endTime() > 0 ? m.endTime()
                : room.status() == RoomStatus.CLOSED ? room.updatedAt().toEpochMilli() : 0;
        return new BbbMeeting(m.name(), m.meetingId(), BbbMeeting.internalMeetingId(m.meetingId(), m.createTime()),
                BbbMeeting.NO_PARENT, m.attendeePw(), m.moderatorPw(), m.createTime(), m.voiceBridge(),
                m.dialNumber(), !ended && !attendees.isEmpty(), m.duration(), m.startTime() > 0 || !attendees.isEmpty(),
                false, ended, m.startTime(), endTime, m.maxUsers(), attendees, m.meta());
    }

    /** Ended by {@code end}, or its room closed in MetroHub. */
    private static boolean ended(StoredMeeting m, Room room) {
        return m.ended() || room.status() == RoomStatus.CLOSED;
    }

    private Room room(CurrentUser creator, StoredMeeting m) {
        return rooms.get(creator, m.roomId()).block(TIMEOUT);
    }

    private Optional<StoredMeeting> stored(String meetingId) {
        return store.find(properties.tenant(), meetingId).blockOptional(TIMEOUT);
    }

    private void closeQuietly(CurrentUser creator, UUID roomId) {
        try {
            rooms.close(creator, roomId).block(TIMEOUT);
        } catch (ApiException alreadyClosed) {
            log.debug("Room {} was closed already: {}", roomId, alreadyClosed.getMessage());
        }
    }

    private String voiceBridge(CreateMeetingRequest request) {
        return request.voiceBridge().isPresent() ? Integer.toString(request.voiceBridge().getAsInt())
                : Integer.toString(10_000 + random.nextInt(90_000));
    }

    private CurrentUser creator() {
        String username = properties.creatorUsername();
        CurrentUser creator = users.findCaller(username).blockOptional(TIMEOUT).orElseThrow(() ->
                new IllegalStateException("metrohub.bbb.creator: no user " + username + " to create rooms as"));
        if (!creator.tenant().equals(properties.tenant())) {
            throw new IllegalStateException("metrohub.bbb.creator: " + username + " is not of tenant "
                    + properties.tenant());
        }
        return creator;
    }
}
