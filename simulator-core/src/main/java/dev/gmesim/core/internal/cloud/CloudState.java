package dev.gmesim.core.internal.cloud;

import dev.gmesim.core.cloud.CloudSecret;
import dev.gmesim.core.internal.server.SessionClocks;
import java.util.List;

/**
 * What the server API keeps beside the world: API keys, entry and exit times, recording tasks and
 * moderation tasks. One per simulator.
 */
public final class CloudState {
  private final Signatures signatures;
  private final PresenceLog presence;
  private final Recordings recordings = new Recordings();
  private final Moderation moderation = new Moderation();

  /** Creates the state with the builder's keys; signature skew is judged on {@code clock} (the wall clock by default). */
  public CloudState(List<CloudSecret> secrets, SessionClocks clocks, java.time.Clock clock) {
    this.signatures = new Signatures(secrets, () -> clock.millis() / 1000);
    this.presence = new PresenceLog(clocks);
  }

  /** Returns the API keys and the signature check. */
  public Signatures signatures() {
    return signatures;
  }

  /** Returns the entry and exit times, which the world feeds. */
  public PresenceLog presence() {
    return presence;
  }

  /** Returns the recording tasks. */
  public Recordings recordings() {
    return recordings;
  }

  /** Returns the moderation tasks and the verdicts tests set. */
  public Moderation moderation() {
    return moderation;
  }

  /** Forgets entry and exit times, recording and moderation tasks; keys stay (they are configuration). */
  public void reset() {
    presence.clear();
    recordings.clear();
    moderation.clear();
  }
}
