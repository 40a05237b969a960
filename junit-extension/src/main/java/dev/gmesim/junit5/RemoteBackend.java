package dev.gmesim.junit5;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Remote mode: the same tests against a simulator running in another process or container, set
 * by {@code gmesim.url} / {@code GMESIM_URL}. It needs the control-API client
 * ({@code dev.gmesim.core.remote.GmeSimulatorClient}), which this build does not include yet, so
 * asking for it fails with a message that says how to run the tests today.
 */
final class RemoteBackend {
  private RemoteBackend() {}

  /** Connects to the remote simulator and returns it as a {@link Backend}. */
  static Backend connect(RemoteTarget target) {
    // The one place remote mode plugs in: wrap GmeSimulatorClient (addFault, removeFault, faults,
    // journal filtered by tag, rooms, health for the room address and time scale) in a Backend
    // whose close() releases the client but leaves the simulator running.
    throw new ExtensionConfigurationException(RemoteTarget.URL_PROPERTY + " / " + RemoteTarget.URL_ENV + " is set to "
        + target + ", but remote mode needs the control-API client, which this version of the extension does not"
        + " have yet; unset " + RemoteTarget.URL_PROPERTY + " and " + RemoteTarget.URL_ENV
        + " to run against an embedded simulator");
  }
}
