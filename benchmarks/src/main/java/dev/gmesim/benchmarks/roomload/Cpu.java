package dev.gmesim.benchmarks.roomload;

import java.lang.management.ManagementFactory;

/**
 * This JVM's CPU time. On a shared or virtual machine throughput swings with what the neighbours do,
 * while the CPU a round trip costs barely moves, so the table reports both.
 */
final class Cpu {
  private Cpu() {}

  /** CPU time of every thread of this process so far, in nanoseconds; -1 where the JVM does not offer it. */
  static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
