package dev.gmesim.benchmarks;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one in-process {@link Cli#execute} printed and returned, for the drivers' flag tests. */
public record CliRun(int status, String out, String err) {

  /** Parses {@code args} into {@code command} through {@link Cli#execute}, with the output captured. */
  public static CliRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.execute(command, args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }

  /** Returns the first line of standard error, where picocli puts the reason for a refusal. */
  public String reason() {
    return err.lines().findFirst().orElse("");
  }
}
