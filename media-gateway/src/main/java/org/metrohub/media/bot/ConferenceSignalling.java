package org.metrohub.media.bot;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.metrohub.media.sfu.Conference;
import org.metrohub.media.sfu.ConnectionState;
import org.metrohub.media.sfu.Endpoint;
import org.metrohub.media.sfu.EndpointListener;

/**
 * In-process signalling for a bot: joins a {@link Conference} as one endpoint, answers the bot's offers with
 * {@link Conference#answer}, and on {@code renegotiationNeeded} has the bot offer again on {@code renegotiations}
 * (never on the conference's calling thread), as the page does on the signalling event (docs/media-signalling.md).
 * With a null executor the requests are only counted and the caller renegotiates.
 */
public final class ConferenceSignalling implements Signalling, EndpointListener {

    private static final System.Logger LOG = System.getLogger(ConferenceSignalling.class.getName());

    private final Conference conference;
    private final Executor renegotiations;
    private final AtomicInteger renegotiationRequests = new AtomicInteger();
    private final AtomicInteger renegotiationFailures = new AtomicInteger();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile Endpoint endpoint;
    private volatile BotParticipant bot;
    private volatile ConnectionState state = ConnectionState.NEW;

    private ConferenceSignalling(Conference conference, Executor renegotiations) {
        this.conference = Objects.requireNonNull(conference, "conference");
        this.renegotiations = renegotiations;
    }

    /** Joins {@code conference} as {@code endpointId}; {@code renegotiations} may be null (see the class comment). */
    public static ConferenceSignalling join(Conference conference, String endpointId, String displayName,
                                            Executor renegotiations) {
        ConferenceSignalling s = new ConferenceSignalling(conference, renegotiations);
        s.endpoint = conference.join(endpointId, displayName, s);
        return s;
    }

    /** Joins, makes a bot and connects it; the bot renegotiates on {@code renegotiations}. */
    public static BotParticipant connectBot(Conference conference, String endpointId, BotSettings settings,
                                            org.metrohub.media.transport.dtls.DtlsCertificate certificate,
                                            Executor renegotiations) throws java.io.IOException {
        ConferenceSignalling s = join(conference, endpointId, endpointId, renegotiations);
        BotParticipant bot = new BotParticipant(endpointId, settings, certificate);
        s.bind(bot);
        try {
            bot.connect(s);
        } catch (java.io.IOException | RuntimeException e) {
            bot.close();
            s.leave("connect failed");
            throw e;
        }
        return bot;
    }

    /** The bot whose offers this answers (for automatic renegotiation). */
    public void bind(BotParticipant participant) {
        this.bot = participant;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Conference conference() {
        return conference;
    }

    /** Leaves the conference (the others are asked to renegotiate). */
    public void leave(String reason) {
        conference.leave(endpoint, reason);
    }

    @Override
    public String answer(String offerSdp) {
        return conference.answer(endpoint, offerSdp).sdp();
    }

    public int renegotiationRequests() {
        return renegotiationRequests.get();
    }

    /** Automatic renegotiations that threw. */
    public int renegotiationFailures() {
        return renegotiationFailures.get();
    }

    /** The endpoint's state as the node last reported it. */
    public ConnectionState state() {
        return state;
    }

    /** What the node told this endpoint, in order ("joined x", "left x", "muted x video true", ...). */
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void renegotiationNeeded(int audio, int video) {
        renegotiationRequests.incrementAndGet();
        BotParticipant b = bot;
        if (renegotiations == null || b == null) {
            return;
        }
        renegotiations.execute(() -> {
            try {
                b.renegotiate(audio, video);
            } catch (RuntimeException e) {
                renegotiationFailures.incrementAndGet();
                LOG.log(Level.WARNING, "bot " + b.name() + ": renegotiation failed", e);
            }
        });
    }

    @Override
    public void participantJoined(String participantId, String displayName) {
        events.add("joined " + participantId);
    }

    @Override
    public void participantLeft(String participantId) {
        events.add("left " + participantId);
    }

    @Override
    public void mutedChanged(String participantId, String kind, boolean muted) {
        events.add("muted " + participantId + " " + kind + " " + muted);
    }

    @Override
    public void forceMuted(String kind, boolean hold, String by) {
        events.add("force-muted " + kind + (hold ? " held" : "") + " by " + by);
    }

    @Override
    public void muteReleased(String kind, String by) {
        events.add("released " + kind + " by " + by);
    }

    @Override
    public void activeSpeakerChanged(String participantId) {
        events.add("speaker " + participantId);
    }

    @Override
    public void connectionStateChanged(ConnectionState now, String detail) {
        state = now;
    }

    @Override
    public void closed(String reason) {
        events.add("closed " + reason);
    }
}
