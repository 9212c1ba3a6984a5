package org.metrohub.elearning.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code <recording>} of {@code getRecordings}.
 *
 * @param state {@code processing}, {@code processed}, {@code published}, {@code unpublished} or {@code deleted}
 * @param startTime milliseconds since the epoch
 * @param endTime milliseconds since the epoch
 * @param metadata the meeting's {@code meta_*} values and BigBlueButton's own ({@code meetingName}, …), in order
 */
public record BbbRecording(String recordID, String meetingID, String internalMeetingID, String name,
                           boolean breakout, boolean published, String state, long startTime, long endTime,
                           int participants, Map<String, String> metadata, List<Playback> playback) {
  public BbbRecording {
    Objects.requireNonNull(recordID);
    Objects.requireNonNull(meetingID);
    Objects.requireNonNull(internalMeetingID);
    Objects.requireNonNull(name);
    Objects.requireNonNull(state);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    playback = List.copyOf(playback);
  }

  /**
   * One {@code <format>}: {@code type} such as {@code presentation}, {@code video} or {@code podcast}, its URL,
   * processing time in milliseconds and length in minutes.
   */
  public record Playback(String type, String url, long processingTime, long length) {
    public Playback {
      Objects.requireNonNull(type);
      Objects.requireNonNull(url);
    }
  }
}
