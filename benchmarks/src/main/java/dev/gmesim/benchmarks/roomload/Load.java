package dev.gmesim.benchmarks.roomload;

/** One way of loading a server with {@link Run#clients()} clients. */
interface Load extends AutoCloseable {
  /** Connects every client and brings it to the state where it can loop (inited). */
  void connect() throws Exception;

  /** Starts every client's loop. */
  void start();

  @Override
  void close();
}
