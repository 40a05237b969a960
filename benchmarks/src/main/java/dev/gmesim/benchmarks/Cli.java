package dev.gmesim.benchmarks;

import dev.gmesim.core.fault.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command-line plumbing every benchmark driver shares: picocli with {@code -h}/{@code --help},
 * exit status 2 and a message naming the flag, the value and the fix on bad input, and converters
 * for the value types the drivers take.
 *
 * <pre>
 * public static void main(String[] args) {
 *   Cli.run(new CloudApiLoad(), args);
 * }
 * </pre>
 */
public final class Cli {
  private Cli() {}

  /**
   * A driver's {@code main}: runs {@code command} on {@code args} with standard output and error, and
   * ends the JVM with the status when it is not 0 (picocli has printed why); a run that succeeds
   * returns, so the JVM ends as any program does.
   */
  public static void run(Object command, String[] args) {
    int status = execute(command, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (status != 0) {
      // The status is the drivers' contract with scripts (2: bad flags, 1: the run failed), and only
      // an exit returns it without a stack trace; this is the one exit of the benchmarks.
      System.exit(status);
    }
  }

  /**
   * Parses {@code args} into {@code command} (a picocli {@code @Command} that is a {@code Runnable}
   * or {@code Callable}), runs it, and returns the exit status: 0 when it ran, 2 for bad flags, 1
   * when the run threw.
   */
  public static int execute(Object command, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(command);
    // Added here rather than with mixinStandardHelpOptions, which would also add a --version the
    // drivers have nothing to say for.
    cli.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
        .usageHelp(true).description("Show this help and exit.").build());
    cli.getCommandSpec().exitCodeOnInvalidInput(2);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  /** Converts a positive {@code int}, such as a client count or a number of rounds. */
  public static final class PositiveInt implements ITypeConverter<Integer> {
    /** Returns the number, or refuses anything that is not an integer of 1 or more. */
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.strip());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // Worded below, the same for "abc" and for "0".
      }
      throw new TypeConversionException("'" + value + "' is not a positive integer; use 1 or more");
    }
  }

  /**
   * Converts a duration in the project's one grammar ({@link Durations#parse}: {@code 500ms},
   * {@code 10s}, {@code PT10S}), refusing negative ones; a zero is allowed, e.g. for no warm-up.
   */
  public static final class NonNegativeDuration implements ITypeConverter<Duration> {
    /** Returns the duration, or refuses text outside the grammar and negative durations. */
    @Override
    public Duration convert(String value) {
      return duration(value, true);
    }
  }

  /** Converts a positive duration in the project's one grammar, such as a measured period. */
  public static final class PositiveDuration implements ITypeConverter<Duration> {
    /** Returns the duration, or refuses text outside the grammar and durations that are not positive. */
    @Override
    public Duration convert(String value) {
      return duration(value, false);
    }
  }

  private static Duration duration(String value, boolean zeroAllowed) {
    Duration d;
    try {
      d = Durations.parse(value);
    } catch (IllegalArgumentException e) {
      // Durations words it already: the text and the accepted forms; picocli prefixes the flag.
      throw new TypeConversionException(e.getMessage());
    }
    if (d.isNegative() || d.isZero() && !zeroAllowed) {
      throw new TypeConversionException("'" + value + "' is " + (d.isZero() ? "zero" : "negative") + "; use a "
          + (zeroAllowed ? "non-negative" : "positive") + " duration such as 500ms or 10s");
    }
    return d;
  }
}
