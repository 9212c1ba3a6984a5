package org.metrohub.elearning.bbb.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A decoded {@code application/x-www-form-urlencoded} query string, names in the order they first appear, each
 * with all its values. Names and values are sanitized as bbb-web's {@code ValidationService.sanitizeParams} does:
 * control characters removed, then surrounding white space trimmed.
 */
public final class QueryParams {
  /** Longer queries are refused; a GET line of this size is already far past what servlet containers accept. */
  public static final int MAX_QUERY_LENGTH = 256 * 1024;
  public static final int MAX_PARAMETERS = 1024;

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  private final Map<String, List<String>> values;
  private final Map<String, String> unsanitizedFirst;

  private QueryParams(Map<String, List<String>> values, Map<String, String> unsanitizedFirst) {
    this.values = values;
    this.unsanitizedFirst = unsanitizedFirst;
  }

  /**
   * Decodes {@code rawQuery} ({@code null} or empty gives no parameters); {@code +} is a space.
   *
   * @throws IllegalArgumentException on a malformed percent escape or a query over the limits
   */
  public static QueryParams parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, String> unsanitizedFirst = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParams(values, unsanitizedFirst);
    }
    if (rawQuery.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException("query string longer than " + MAX_QUERY_LENGTH + " characters");
    }
    int count = 0;
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      if (end > start) {
        if (++count > MAX_PARAMETERS) {
          throw new IllegalArgumentException("more than " + MAX_PARAMETERS + " parameters");
        }
        String pair = rawQuery.substring(start, end);
        int eq = pair.indexOf('=');
        String name = sanitize(decode(eq < 0 ? pair : pair.substring(0, eq)));
        String decoded = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(sanitize(decoded));
        unsanitizedFirst.putIfAbsent(name, decoded);
      }
      start = end + 1;
    }
    return new QueryParams(values, unsanitizedFirst);
  }

  /** bbb-web's {@code ParamsUtil.sanitizeString}: control characters removed, then trimmed. */
  public static String sanitize(String text) {
    return CONTROL.matcher(text).replaceAll("").strip();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed percent escape in \"" + abbreviate(text) + "\"", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** The first value of {@code name}, or {@code null} when absent. */
  public String first(String name) {
    List<String> list = values.get(name);
    return list == null ? null : list.getFirst();
  }

  /**
   * The first value of {@code name} as decoded, before sanitizing, or {@code null}: bbb-web's {@code create}
   * refuses a meeting ID that sanitizing would change.
   */
  public String unsanitizedFirst(String name) {
    return unsanitizedFirst.get(name);
  }

  /** All values of {@code name}, in order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Parameter names in the order they first appear. */
  public Iterable<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }
}
