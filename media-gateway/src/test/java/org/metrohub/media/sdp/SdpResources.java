package org.metrohub.media.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads the browser offers under {@code src/test/resources/sdp}, minus their {@code #} provenance header. */
public final class SdpResources {
  private SdpResources() {
  }

  public static List<String> names() {
    try (Stream<Path> files = Files.list(Path.of(SdpResources.class.getResource("/sdp").toURI()))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sdp")).sorted().toList();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SDP bytes exactly as the browser wrote them. */
  public static String load(String name) {
    try (var in = SdpResources.class.getResourceAsStream("/sdp/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.startsWith("#")).map(l -> l + "\r\n").collect(Collectors.joining());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
