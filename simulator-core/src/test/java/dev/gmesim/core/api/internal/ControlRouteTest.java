package dev.gmesim.core.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The route table fills in paths for the client and tells the server which paths guard themselves. */
class ControlRouteTest {

  @Test
  void aPathHasItsParametersEncodedInOrder() {
    assertThat(ControlRoute.GET_FAULT.path("r 1/2")).isEqualTo("faults/r%201%2F2");
    assertThat(ControlRoute.DRILL_SUMMARY.path("brownout")).isEqualTo("drills/brownout/summary");
    assertThat(ControlRoute.LIST_FAULTS.path()).isEqualTo("faults");
    assertThat(ControlRoute.GET_FAULT.adminTemplate()).isEqualTo("/gme/faults/{id}");
  }

  @Test
  void aPathWithTheWrongNumberOfParametersIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> ControlRoute.GET_FAULT.path());
    assertThatIllegalArgumentException().isThrownBy(() -> ControlRoute.LIST_FAULTS.path("x"));
  }

  @Test
  void onlyTheTablesPathsWithUnreservedSegmentsGuardThemselves() {
    assertThat(ControlRoute.serves("/gme/faults")).isTrue();
    assertThat(ControlRoute.serves("/gme/faults/r1")).isTrue();
    assertThat(ControlRoute.serves("/gme/drills/brownout/summary")).isTrue();
    assertThat(ControlRoute.serves("/gme/health")).isTrue();
    assertThat(ControlRoute.serves("/gme/faults/..")).isFalse();
    assertThat(ControlRoute.serves("/gme/faults/a%20b")).isFalse();
    assertThat(ControlRoute.serves("/gme/faults/r1/x")).isFalse();
    assertThat(ControlRoute.serves("/gme/voice-messages")).isFalse();
    assertThat(ControlRoute.serves("/mappings")).isFalse();
  }
}
