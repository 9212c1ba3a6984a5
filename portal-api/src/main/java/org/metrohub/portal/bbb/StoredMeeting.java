package org.metrohub.portal.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A row of {@code bbb_meeting}: an LMS meeting and the room behind it. Times in milliseconds since the epoch. */
record StoredMeeting(String tenant, String meetingId, UUID roomId, String name, String attendeePw, String moderatorPw,
                     long createTime, String voiceBridge, String dialNumber, int duration, int maxUsers,
                     boolean record, Map<String, String> meta, long startTime, long endTime, boolean ended) {

    StoredMeeting {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** Keeps the passwords out of logs. */
    @Override
    public String toString() {
        return "StoredMeeting[tenant=" + tenant + ", meetingId=" + meetingId + ", roomId=" + roomId + ", ended=" + ended
                + "]";
    }
}
