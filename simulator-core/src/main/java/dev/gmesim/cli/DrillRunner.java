package dev.gmesim.cli;

import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.fault.LatencyHistogram;
import dev.gmesim.core.sdk.GmeContext;
import dev.gmesim.core.sdk.GmeDelegate;
import dev.gmesim.core.sdk.GmeEvent;
import dev.gmesim.core.sdk.GmePtt;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives a simulator with N bots, each a simulated SDK client that enters a room, talks (mic on),
 * sends and fetches voice messages, switches rooms and leaves, over and over for a set time; prints a live progress line while it
 * runs and a table per operation at the end (calls, success rate, codes seen, p50/p99 latency).
 * Latency is what the bot saw: from the call to its result (the reply, or the event for
 * asynchronous calls).
 *
 * <pre>{@code
 * DrillRunner.Report report = new DrillRunner(new DrillRunner.Settings(sim.roomAddress(), 50,
 *     Duration.ofMinutes(1), "1400000000", 8, Duration.ofMillis(100), 0.3, 1)).run(new PrintWriter(System.err, true));
 * report.print(new PrintWriter(System.out, true));
 * }</pre>
 */
public final class DrillRunner {

  /**
   * What to drive and how hard.
   *
   * @param room the simulator's room gateway
   * @param bots how many simulated clients run at once
   * @param duration how long they run
   * @param appId the AppID the bots use
   * @param rooms how many rooms the bots spread over ({@code drill-room-0} ...)
   * @param talk how long a bot stays in a room with its mic on before moving on
   * @param voiceShare the share of room visits, in [0, 1], in which the bot uploads a voice message and
   *     downloads it again (it records one, at least 1 s, the first time)
   * @param seed seeds the bots' room choices
   */
  public record Settings(InetSocketAddress room, int bots, Duration duration, String appId, int rooms,
      Duration talk, double voiceShare, long seed) {
    /** Checks the settings. */
    public Settings {
      Objects.requireNonNull(room, "room");
      if (bots < 1) {
        throw new IllegalArgumentException("bots " + bots + " is less than 1; pass 1 or more");
      }
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration " + duration + " is not positive; pass e.g. PT1M");
      }
      if (rooms < 1) {
        throw new IllegalArgumentException("rooms " + rooms + " is less than 1; pass 1 or more");
      }
      if (!(voiceShare >= 0 && voiceShare <= 1)) {
        throw new IllegalArgumentException("voiceShare " + voiceShare + " is outside [0, 1]; pass e.g. 0.3");
      }
    }
  }

  /** One operation's counts as the bots saw them. */
  static final class OpStats {
    final LongAdder calls = new LongAdder();
    final LongAdder ok = new LongAdder();
    final ConcurrentHashMap<Integer, LongAdder> codes = new ConcurrentHashMap<>();
    final LatencyHistogram latency = new LatencyHistogram();

    void record(int code, long nanos) {
      calls.increment();
      if (code == 0) {
        ok.increment();
      }
      codes.computeIfAbsent(code, k -> new LongAdder()).increment();
      latency.record(Duration.ofNanos(nanos));
    }
  }

  /**
   * The outcome of a run: per operation, calls, successes, result codes and latency percentiles.
   *
   * @param elapsed how long the run took
   * @param rows one row per operation the bots called, in operation order
   */
  public record Report(Duration elapsed, List<Row> rows) {

    /** Returns the total number of calls. */
    public long calls() {
      return rows.stream().mapToLong(Row::calls).sum();
    }

    /** Returns the row of this operation, if the bots called it. */
    public java.util.Optional<Row> row(Operation op) {
      return rows.stream().filter(r -> r.operation() == op).findFirst();
    }

    /** Prints the table. */
    public void print(PrintWriter out) {
      out.printf(Locale.ROOT, "%-20s %9s %8s %9s %9s  %s%n", "operation", "calls", "success", "p50 ms", "p99 ms", "codes seen");
      for (Row r : rows) {
        out.printf(Locale.ROOT, "%-20s %9d %7.1f%% %9.1f %9.1f  %s%n", r.operation(), r.calls(),
            r.calls() == 0 ? 0.0 : 100.0 * r.ok() / r.calls(), millis(r.p50()), millis(r.p99()), r.codes());
      }
      double secs = Math.max(1e-3, elapsed.toNanos() / 1e9);
      out.printf(Locale.ROOT, "%d calls in %.1f s (%.0f calls/s)%n", calls(), secs, calls() / secs);
      out.flush();
    }

    private static double millis(Duration d) {
      return d == null ? 0 : d.toNanos() / 1e6;
    }
  }

  /**
   * One operation's line in the report.
   *
   * @param operation the SDK call
   * @param calls how many times the bots made it
   * @param ok how many returned 0
   * @param codes how often each result code came back (1005 for a timeout the SDK reported)
   * @param p50 median latency
   * @param p99 99th percentile latency
   */
  public record Row(Operation operation, long calls, long ok, Map<Integer, Long> codes, Duration p50, Duration p99) {}

  private final Settings settings;
  private final Map<Operation, OpStats> stats = new EnumMap<>(Operation.class);
  private final AtomicBoolean stop = new AtomicBoolean();
  private Path files;

  /** Creates a runner; nothing connects until {@link #run(PrintWriter)}. */
  public DrillRunner(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    for (Operation op : List.of(Operation.INIT, Operation.ENTER_ROOM, Operation.ENABLE_MIC, Operation.SWITCH_ROOM,
        Operation.EXIT_ROOM, Operation.UNINIT, Operation.PTT_APPLY_AUTH, Operation.PTT_START_RECORDING,
        Operation.PTT_UPLOAD, Operation.PTT_DOWNLOAD)) {
      stats.put(op, new OpStats());
    }
  }

  /** Runs the bots for the set duration, writing a progress line to {@code progress} every second (null for none). */
  public Report run(PrintWriter progress) throws InterruptedException {
    try {
      files = Files.createTempDirectory("gmesim-drill-");
    } catch (IOException e) {
      throw new UncheckedIOException("drill: cannot create a temporary folder for the bots' voice messages", e);
    }
    try {
      return runBots(progress);
    } finally {
      deleteFiles();
    }
  }

  private void deleteFiles() {
    try (var paths = Files.list(files)) {
      paths.forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the folder is under the system's temporary directory.
    }
    files.toFile().delete();
  }

  private Report runBots(PrintWriter progress) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + settings.duration().toNanos();
    CountDownLatch done = new CountDownLatch(settings.bots());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < settings.bots(); i++) {
      int id = i;
      Thread t = new Thread(() -> {
        try {
          bot(id, deadline);
        } finally {
          done.countDown();
        }
      }, "drill-bot-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long lastCalls = 0;
    long lastAt = start;
    while (!done.await(1, TimeUnit.SECONDS)) {
      if (System.nanoTime() - deadline > TimeUnit.SECONDS.toNanos(60)) {
        // Bots that still wait for a reply a minute past the end are abandoned, not waited for.
        stop.set(true);
        break;
      }
      if (progress != null) {
        long now = System.nanoTime();
        long calls = totalCalls();
        long ok = stats.values().stream().mapToLong(s -> s.ok.sum()).sum();
        double rate = (calls - lastCalls) / Math.max(1e-3, (now - lastAt) / 1e9);
        progress.printf(Locale.ROOT, "\r[%s/%s] bots %d  calls %d  %.0f/s  ok %.1f%%   ",
            clock(now - start), clock(settings.duration().toNanos()), settings.bots(), calls, rate,
            calls == 0 ? 100.0 : 100.0 * ok / calls);
        progress.flush();
        lastCalls = calls;
        lastAt = now;
      }
    }
    stop.set(true);
    if (progress != null) {
      progress.println();
      progress.flush();
    }
    List<Row> rows = new ArrayList<>();
    stats.forEach((op, s) -> {
      if (s.calls.sum() > 0) {
        Map<Integer, Long> codes = new TreeMap<>();
        s.codes.forEach((k, v) -> codes.put(k, v.sum()));
        rows.add(new Row(op, s.calls.sum(), s.ok.sum(), codes, s.latency.quantile(0.5), s.latency.quantile(0.99)));
      }
    });
    return new Report(Duration.ofNanos(System.nanoTime() - start), rows);
  }

  private long totalCalls() {
    return stats.values().stream().mapToLong(s -> s.calls.sum()).sum();
  }

  private static String clock(long nanos) {
    long s = nanos / 1_000_000_000L;
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  /** One bot: connects, then cycles enter, talk, switch, exit until the deadline; reconnects after a broken connection. */
  private void bot(int id, long deadline) {
    SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + id);
    String openId = "bot-" + id;
    while (!stop.get() && System.nanoTime() < deadline) {
      BlockingQueue<GmeEvent> events = new LinkedBlockingQueue<>();
      GmeDelegate delegate = (type, data) -> events.add(data);
      try (GmeContext gme = GmeContext.builder().room(settings.room()).tag("drill-bot").delegate(delegate).build()) {
        Duration wait = gme.timeScale().toWall(Duration.ofSeconds(40)).plusSeconds(5);
        if (timed(Operation.INIT, () -> gme.init(settings.appId(), openId)) != 0) {
          continue;
        }
        Voice voice = new Voice(gme.getPTT(), files.resolve(openId + ".wav"), files.resolve(openId + "-fetched.wav"));
        while (!stop.get() && System.nanoTime() < deadline && gme.isConnected()) {
          String room = "drill-room-" + random.nextInt(settings.rooms());
          int entered = async(Operation.ENTER_ROOM, GmeEventType.ENTER_ROOM, events, wait,
              () -> gme.enterRoom(room, GmeContext.ROOM_TYPE_FLUENCY, new byte[0]));
          if (entered != 0) {
            continue;
          }
          timed(Operation.ENABLE_MIC, () -> gme.enableMic(true));
          if (random.nextDouble() < settings.voiceShare()) {
            voice.sendAndFetch(events, wait);
          }
          pause(random);
          if (settings.rooms() > 1) {
            String other = "drill-room-" + random.nextInt(settings.rooms());
            if (!other.equals(room)) {
              async(Operation.SWITCH_ROOM, GmeEventType.SWITCH_ROOM, events, wait, () -> gme.switchRoom(other, new byte[0]));
              pause(random);
            }
          }
          if (gme.isRoomEntered()) {
            async(Operation.EXIT_ROOM, GmeEventType.EXIT_ROOM, events, wait, gme::exitRoom);
          }
        }
        if (gme.isConnected() && !gme.isRoomEntered()) {
          timed(Operation.UNINIT, gme::uninit);
        }
      } catch (RuntimeException e) {
        // A refused or broken connection is part of a drill; the bot starts over with a new context.
        stats.get(Operation.INIT).record(-1, 0);
        pause(random);
      }
    }
  }

  /** A bot's voice messages: it records one once, then uploads it and downloads it again on each visit that asks. */
  private final class Voice {
    private final GmePtt ptt;
    private final Path recorded;
    private final Path fetched;
    private boolean ready;

    Voice(GmePtt ptt, Path recorded, Path fetched) {
      this.ptt = ptt;
      this.recorded = recorded;
      this.fetched = fetched;
    }

    void sendAndFetch(BlockingQueue<GmeEvent> events, Duration wait) {
      if (!ready) {
        if (timed(Operation.PTT_APPLY_AUTH, () -> ptt.applyPTTAuthbuffer("drill".getBytes(java.nio.charset.StandardCharsets.UTF_8))) != 0) {
          return;
        }
        // Just over GME's 1000 ms minimum; the recording stops by itself at the maximum length.
        ptt.setMaxMessageLength(GmePtt.MIN_MESSAGE_LENGTH_MS + 1);
        GmeEvent rec = await(Operation.PTT_START_RECORDING, GmeEventType.PTT_RECORD_COMPLETE, events, wait,
            () -> ptt.startRecording(recorded.toString()));
        ready = rec != null && rec.result() == 0;
        if (!ready) {
          return;
        }
      }
      GmeEvent up = await(Operation.PTT_UPLOAD, GmeEventType.PTT_UPLOAD_COMPLETE, events, wait,
          () -> ptt.uploadRecordedFile(recorded.toString()));
      if (up == null || up.result() != 0) {
        return;
      }
      String fileId = up.getStringExtra("file_id");
      await(Operation.PTT_DOWNLOAD, GmeEventType.PTT_DOWNLOAD_COMPLETE, events, wait,
          () -> ptt.downloadRecordedFile(fileId, fetched.toString()));
    }
  }

  private void pause(SplittableRandom random) {
    long talk = settings.talk().toMillis();
    if (talk <= 0) {
      return;
    }
    try {
      // A bot's think time: this is a load driver, not a test, so it really waits.
      TimeUnit.MILLISECONDS.sleep(talk / 2 + random.nextLong(talk + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.set(true);
    }
  }

  private int timed(Operation op, java.util.function.IntSupplier call) {
    long t0 = System.nanoTime();
    int code = call.getAsInt();
    stats.get(op).record(code, System.nanoTime() - t0);
    return code;
  }

  /** Makes an asynchronous call and waits for its event; returns its result code. */
  private int async(Operation op, GmeEventType type, BlockingQueue<GmeEvent> events, Duration wait,
      java.util.function.IntSupplier call) {
    GmeEvent e = await(op, type, events, wait, call);
    return e == null ? -1 : e.result();
  }

  /**
   * Makes an asynchronous call, waits for its event and counts it; returns the event, or null when
   * the call was refused at once, no event came in time (counted as 1005), or the connection dropped.
   */
  private GmeEvent await(Operation op, GmeEventType type, BlockingQueue<GmeEvent> events, Duration wait,
      java.util.function.IntSupplier call) {
    long t0 = System.nanoTime();
    int sent = call.getAsInt();
    if (sent != 0) {
      stats.get(op).record(sent, System.nanoTime() - t0);
      return null;
    }
    long until = t0 + wait.toNanos();
    try {
      while (true) {
        long left = until - System.nanoTime();
        GmeEvent e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) {
          // No event at all: the SDK's own timer should have fired; count it as GME's timeout.
          stats.get(op).record(1005, System.nanoTime() - t0);
          return null;
        }
        if (e.type() == type) {
          stats.get(op).record(e.result(), System.nanoTime() - t0);
          return e;
        }
        if (e.type() == GmeEventType.ROOM_DISCONNECT) {
          stats.get(op).record(e.result() == 0 ? -1 : e.result(), System.nanoTime() - t0);
          return null;
        }
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      stop.set(true);
      return null;
    }
  }
}
