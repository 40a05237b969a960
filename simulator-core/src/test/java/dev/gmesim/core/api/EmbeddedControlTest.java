package dev.gmesim.core.api;

import dev.gmesim.core.server.GmeSimulator;

/** The control contract against the embedded simulator in this JVM. */
class EmbeddedControlTest extends ControlContract {
  private GmeSimulator simulator;

  @Override
  GmeSimulatorControl start() {
    simulator = GmeSimulator.builder().timeScale(TIME_SCALE).start();
    return simulator;
  }

  @Override
  void stop() {
    simulator.close();
  }
}
