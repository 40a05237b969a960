package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.ErrorCategory;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.sdk.SimFixture.Client;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every general, client and server code, injected on every room operation where GME raises it,
 * reaches the client as that code: on the operation's GME event, or as the call's return value.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CatalogInjectionTest {
  static final EnumSet<ErrorCategory> ROOM_SECTIONS =
      EnumSet.of(ErrorCategory.GENERAL, ErrorCategory.CLIENT, ErrorCategory.SERVER);
  static final AtomicInteger ROOMS = new AtomicInteger();
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
        .filter(c -> ROOM_SECTIONS.contains(c.category()))
        .flatMap(c -> c.operations().stream()
            .filter(op -> op.channel() == Operation.Channel.ROOM)
            .map(op -> Arguments.of(c, op)));
  }

  @Test
  void everyCodeOfTheRoomSectionsIsCovered() {
    assertThat(codesAndOperations().map(a -> a.get()[0]).distinct()).hasSize(48);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("codesAndOperations")
  void injectedCodeReachesTheClient(GmeErrorCode code, Operation op) {
    String room = "room-" + ROOMS.incrementAndGet();
    Client c = OperationDriver.ready(f, op, () -> room);
    // Scoped to this client's openId, so earlier cases' leftovers cannot match.
    FaultRule rule = f.sim.addFault(FaultRule.on(op).error(code).openId(c.openId()).build());
    try {
      assertThat(OperationDriver.perform(c, op)).as("%s on %s", code.label(), op).isEqualTo(code.value());
      assertThat(f.sim.fault(rule.id()).orElseThrow().fired()).isEqualTo(1);
    } finally {
      f.sim.removeFault(rule.id());
      c.gme().close();
    }
  }
}
