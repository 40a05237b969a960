package dev.gmesim.core.fault;

/**
 * The most a drill may fault, whatever its rules say: at most {@code maxFaultsPerSecond} faults
 * in any one-second window, and at most {@code maxFaultShare} of the calls in the drill's scope
 * (over the current and the previous second). A fault the guard rail refuses lets the call through
 * to the world and is counted as {@code guardRailed} in the drill's summary.
 *
 * <pre>{@code
 * GuardRail guard = new GuardRail(50, 0.3);   // never more than 50 faults/s or 30% of calls
 * }</pre>
 *
 * @param maxFaultsPerSecond the most faults per second, or null for no limit
 * @param maxFaultShare the largest share of calls in (0, 1] the drill may fault, or null for no limit
 * @since 0.1
 */
public record GuardRail(Integer maxFaultsPerSecond, Double maxFaultShare) {

  private static final GuardRail NONE = new GuardRail(null, null);

  /** Checks that each limit, when set, is positive (and a share at most 1); every bad one is named. */
  public GuardRail {
    FaultChecks c = new FaultChecks();
    if (maxFaultsPerSecond != null && maxFaultsPerSecond < 1) {
      c.refuse("maxFaultsPerSecond", maxFaultsPerSecond, "is less than 1", "pass e.g. 50, or leave it out for no limit");
    }
    if (maxFaultShare != null && !(maxFaultShare > 0 && maxFaultShare <= 1)) {
      c.refuse("maxFaultShare", maxFaultShare, "is outside (0, 1]",
          "pass e.g. 0.3 for at most 30% of calls, or leave it out for no limit");
    }
    c.done();
  }

  /** Returns the guard rail that limits nothing. */
  public static GuardRail none() {
    return NONE;
  }

  /** Returns true if no limit is set. */
  public boolean isNone() {
    return maxFaultsPerSecond == null && maxFaultShare == null;
  }
}
