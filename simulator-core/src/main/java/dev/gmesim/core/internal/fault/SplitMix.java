package dev.gmesim.core.internal.fault;

/**
 * Counter-based random bits: the bits for call {@code n} of a rule depend only on the seed, the
 * stream and {@code n}, so a seeded drill repeats exactly whatever the threads' interleaving.
 */
public final class SplitMix {

  /** Stream for the "does this call fire" draw. */
  public static final long PROBABILITY = 0x5DEECE66DL;
  /** Stream for the delay draw, independent of the probability draw. */
  public static final long DELAY = 0x2545F4914F6CDD1DL;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private SplitMix() {}

  /** Returns 64 well-mixed bits for the n-th matching call of a rule with this seed, on this stream. */
  public static long bits(long seed, long n, long stream) {
    return mix(mix(seed ^ stream) + GOLDEN * (n + 1));
  }

  /** SplitMix64's finaliser (Steele, Lea, Flood 2014). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Maps bits to a double in [0, 1) using the top 53 bits, the precision of a double. */
  public static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
