package dev.gmesim.core.sdk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the SDK test classes that need a fresh simulator (virtual clocks) for every test. */
abstract class SimulatorPerTest {
  SimFixture f;

  @BeforeEach
  void startSimulator() {
    f = new SimFixture();
  }

  @AfterEach
  void stopSimulator() {
    f.close();
  }
}
