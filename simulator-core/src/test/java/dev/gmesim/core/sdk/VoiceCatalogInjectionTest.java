package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.PttDriver.Prepared;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code GME raises on a voice-message operation (the 38 PTT codes, plus 1101 on
 * ApplyPTTAuthbuffer, 1003 on PauseRecording and ResumeRecording, and 1006 on streaming
 * recognition), injected on that operation, reaches the game: on the operation's event, or as the
 * return value of the calls that have none; recording and playback over the room connection, the
 * rest over HTTP.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VoiceCatalogInjectionTest {
  static final EnumSet<Operation.Channel> VOICE_CHANNELS = EnumSet.of(Operation.Channel.HTTP, Operation.Channel.LOCAL);
  static SimFixture f;

  @BeforeAll
  static void start() {
    f = new SimFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static Stream<Arguments> codesAndOperations() {
    return Stream.of(GmeErrorCode.values())
        .flatMap(c -> c.operations().stream()
            .filter(op -> VOICE_CHANNELS.contains(op.channel()))
            .map(op -> Arguments.of(c, op)));
  }

  @Test
  void everyVoiceMessageCodeIsCovered() {
    assertThat(codesAndOperations().map(a -> (GmeErrorCode) a.get()[0]).distinct()
        .filter(c -> c.category() == ErrorCategory.VOICE_MESSAGE)).hasSize(38)
        .containsExactlyInAnyOrderElementsOf(GmeErrorCode.inCategory(ErrorCategory.VOICE_MESSAGE));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("codesAndOperations")
  void injectedCodeReachesTheListenerOnTheOperationsEvent(GmeErrorCode code, Operation op, @TempDir Path dir) {
    Prepared p = PttDriver.ready(f, op, dir);
    // Scoped to this client's openId, so earlier cases' leftovers cannot match.
    FaultRule rule = f.sim.addFault(FaultRule.on(op).error(code).openId(p.client().openId()).build());
    try {
      GmeEvent e = PttDriver.performEvent(p, op);
      assertThat(e.result()).as("%s on %s: %s", code.label(), op, e).isEqualTo(code.value());
      if (op.event().isPresent()) {
        assertThat(e.type()).isEqualTo(op.event().orElseThrow());
        assertThat(e.errorInfo()).startsWith(code.name());
      }
      assertThat(f.sim.fault(rule.id()).orElseThrow().fired()).isEqualTo(1);
    } finally {
      f.sim.removeFault(rule.id());
      p.client().gme().close();
    }
  }
}
