package dev.gmesim.junit5;

/**
 * How widely one embedded simulator is shared. Faults never leak between tests either way (every
 * test's rules are scoped to its own SDK connections); room state is shared, so tests that run in
 * parallel should use their own room ids.
 *
 * @since 0.1
 */
public enum SimulatorScope {
  /** One simulator for the test class and its {@code @Nested} classes, closed after the class. */
  CLASS,
  /** One simulator for every class with the same settings in the whole run, closed at the end of the run. */
  RUN
}
