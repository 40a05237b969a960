package dev.gmesim.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.internal.protocol.VoiceHttp.Route;
import dev.gmesim.core.sdk.internal.Wav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code wiremock-mappings} files are what {@link MappingsGenerator} makes from the
 * catalog today; after a catalog change, regenerate them with
 * {@code ./mvnw -pl simulator-core test -Dtest=MappingsMatchCatalogTest -Dgmesim.regenerateMappings=true}.
 */
class MappingsMatchCatalogTest {
  private static final String FIX = "; regenerate with ./mvnw -B -pl wiremock-mappings,simulator-core test "
      + "-Dtest=MappingsMatchCatalogTest -Dsurefire.failIfNoSpecifiedTests=false -Dgmesim.regenerateMappings=true";

  @Test
  void generatedMappingsMatchTheCatalog() throws IOException {
    if (Boolean.getBoolean("gmesim.regenerateMappings")) {
      MappingsGenerator.main(new String[0]);
    }
    Map<String, String> expected = MappingsGenerator.generate();
    List<String> present;
    try (Stream<Path> files = Files.list(MappingsGenerator.SOURCE_DIR)) {
      present = files.map(p -> p.getFileName().toString()).filter(MappingsGenerator::isGenerated)
          .sorted().collect(Collectors.toList());
    }
    assertThat(present).as("generated mapping files" + FIX).containsExactlyElementsOf(expected.keySet());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String actual = Files.readString(MappingsGenerator.SOURCE_DIR.resolve(e.getKey()), StandardCharsets.UTF_8);
      assertThat(actual).as(e.getKey() + " is out of date" + FIX).isEqualTo(e.getValue());
    }
  }

  @Test
  void everyDocumentedCodeOfEveryHttpRouteHasItsOwnMapping() {
    Map<String, String> files = MappingsGenerator.generate();
    for (Route route : Route.values()) {
      assertThat(MappingsGenerator.codesOf(route)).as("codes of %s", route).isNotEmpty()
          .allSatisfy(code -> assertThat(files).containsKey(
              "error-" + MappingsGenerator.slug(route) + "-" + code.value() + ".json"));
    }
    long codes = Stream.of(Route.values()).mapToLong(r -> MappingsGenerator.codesOf(r).size()).sum();
    assertThat(files.keySet().stream().filter(n -> n.startsWith("error-") && !n.endsWith("-undocumented.json")))
        .hasSize((int) codes);
  }

  @Test
  void theSampleAudioIsTheSdksOneSecondRecording() throws IOException {
    assertThat(Files.readAllBytes(MappingsGenerator.SAMPLE_WAV)).as("gme-ptt-sample.wav" + FIX)
        .isEqualTo(Wav.tone(1000));
    assertThat(Wav.durationMs(MappingsGenerator.SAMPLE_WAV)).isEqualTo(1000);
  }
}
