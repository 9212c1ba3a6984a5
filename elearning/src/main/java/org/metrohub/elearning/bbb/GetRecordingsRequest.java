package org.metrohub.elearning.bbb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code getRecordings}; every filter is optional and an empty one matches everything.
 *
 * @param meetingIDs {@code meetingID}, comma-separated in the query
 * @param recordIDs {@code recordID}, comma-separated; a prefix without the {@code -<time>} part is allowed by BBB
 * @param states {@code state}, comma-separated ({@code published}, {@code unpublished}, … or {@code any})
 * @param metadata {@code meta_<name>} filters, names lower-cased without the prefix
 * @param offset {@code offset} (BBB 2.6 pagination)
 * @param limit {@code limit} (BBB 2.6 pagination)
 */
public record GetRecordingsRequest(List<String> meetingIDs, List<String> recordIDs, List<String> states,
                                   Map<String, String> metadata, OptionalInt offset, OptionalInt limit)
    implements BbbRequest {
  public GetRecordingsRequest {
    meetingIDs = List.copyOf(meetingIDs);
    recordIDs = List.copyOf(recordIDs);
    states = List.copyOf(states);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    Objects.requireNonNull(offset);
    Objects.requireNonNull(limit);
  }

  @Override
  public String callName() {
    return "getRecordings";
  }
}
