package dev.gmesim.core.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.GmeEventType;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.internal.server.SimulatorInternals;
import dev.gmesim.core.internal.world.VoiceMessages;
import dev.gmesim.core.server.GmeSimulator;
import dev.gmesim.core.time.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 000 concurrent upload and download round trips of 1 KiB to 2 MiB through the simulated SDK
 * come back byte-identical while fault rules fail a share of the uploads (an injected 8195 and
 * reset connections); a failed upload stores nothing and is retried, and no file is lost or mixed
 * up with another.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VoiceIntegrityTest {
  static final int ROUND_TRIPS = 1_000;
  static final int IN_FLIGHT = 32;
  static final int CONTEXTS = 8;
  static final int MIN_BYTES = 1 << 10;
  static final int MAX_BYTES = 2 << 20;

  @TempDir
  Path dir;

  /** Routes each PTT event to the future waiting for its file path, so many transfers share one context. */
  static final class Router implements GmeDelegate {
    final Map<String, CompletableFuture<GmeEvent>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<GmeEvent> expect(GmeEventType type, String path) {
      CompletableFuture<GmeEvent> f = new CompletableFuture<>();
      waiting.put(type + " " + path, f);
      return f;
    }

    @Override
    public void onEvent(GmeEventType type, GmeEvent data) {
      CompletableFuture<GmeEvent> f = waiting.remove(type + " " + data.getStringExtra("file_path"));
      if (f != null) {
        f.complete(data);
      }
    }
  }

  record Trip(int index, int size, String fileId, int failedUploads) {}

  @Test
  void roundTripsComeBackByteIdenticalWhileUploadsFail() throws Exception {
    // Virtual clocks: the SDK's 30 s HTTP timeout is simulated time, so a 2 MiB transfer that is slow on a
    // busy machine is just late, never a timeout.
    try (SimFixture f = new SimFixture(GmeSimulator.builder().voiceStoreBytes(4L << 30))) {
      f.sim.addFault(FaultRule.on(Operation.PTT_UPLOAD).error(GmeErrorCode.QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL)
          .probability(0.10).seed(7).alias("10% of uploads fail with 8195").build());
      f.sim.addFault(FaultRule.on(Operation.PTT_UPLOAD).http(Fault.HttpFailure.CONNECTION_RESET)
          .probability(0.05).seed(11).alias("5% of uploads lose their connection").build());
      List<GmePtt> ptts = new ArrayList<>();
      List<Router> routers = new ArrayList<>();
      for (int i = 0; i < CONTEXTS; i++) {
        Router r = new Router();
        GmeContext gme = GmeContext.builder().room(f.sim.roomAddress()).delegate(r).build();
        assertThat(gme.init(SimFixture.APP, "2000" + i)).isZero();
        assertThat(gme.getPTT().applyPTTAuthbuffer(PttDriver.AUTH)).isZero();
        ptts.add(gme.getPTT());
        routers.add(r);
      }
      AtomicInteger failedUploads = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
      try {
        List<Future<Trip>> trips = new ArrayList<>();
        for (int i = 0; i < ROUND_TRIPS; i++) {
          int index = i;
          trips.add(pool.submit(() -> roundTrip(index, ptts.get(index % CONTEXTS), routers.get(index % CONTEXTS),
              failedUploads)));
        }
        Set<String> fileIds = ConcurrentHashMap.newKeySet();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (Future<Trip> t : trips) {
          Trip trip = t.get(240, TimeUnit.SECONDS);
          assertThat(fileIds.add(trip.fileId())).as("file id of trip %d is unique", trip.index()).isTrue();
          smallest = Math.min(smallest, trip.size());
          largest = Math.max(largest, trip.size());
        }
        assertThat(smallest).isEqualTo(MIN_BYTES);
        assertThat(largest).isEqualTo(MAX_BYTES);
        assertThat(failedUploads.get()).as("uploads the fault rules failed").isBetween(50, 400);
        // A failed upload stored nothing: the store holds exactly one file per round trip.
        assertThat(SimulatorInternals.voiceMessages(f.sim).fileCount()).isEqualTo(ROUND_TRIPS);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private Trip roundTrip(int index, GmePtt ptt, Router router, AtomicInteger failedUploads) throws Exception {
    Random random = new Random(index);
    // Log-uniform sizes, with both ends of the range taken exactly.
    int size = index == 0 ? MIN_BYTES : index == 1 ? MAX_BYTES
        : (int) Math.round(MIN_BYTES * Math.pow((double) MAX_BYTES / MIN_BYTES, random.nextDouble()));
    byte[] content = new byte[size];
    random.nextBytes(content);
    Path up = Files.write(dir.resolve("up-" + index + ".bin"), content);
    String fileId = null;
    int failures = 0;
    while (fileId == null) {
      CompletableFuture<GmeEvent> uploaded = router.expect(GmeEventType.PTT_UPLOAD_COMPLETE, up.toString());
      ptt.uploadRecordedFile(up.toString());
      GmeEvent e = uploaded.get(60, TimeUnit.SECONDS);
      if (e.result() == 0) {
        fileId = e.getStringExtra("file_id");
      } else {
        assertThat(e.result()).as("trip %d: %s", index, e).isEqualTo(8195);
        assertThat(e.getStringExtra("file_id")).isEmpty();
        failures++;
        failedUploads.incrementAndGet();
        assertThat(failures).as("trip %d failed %d times in a row", index, failures).isLessThan(8);
      }
    }
    Path down = dir.resolve("down-" + index + ".bin");
    CompletableFuture<GmeEvent> downloaded = router.expect(GmeEventType.PTT_DOWNLOAD_COMPLETE, down.toString());
    ptt.downloadRecordedFile(fileId, down.toString());
    GmeEvent d = downloaded.get(60, TimeUnit.SECONDS);
    assertThat(d.result()).as("trip %d: %s", index, d).isZero();
    assertThat(Files.readAllBytes(down)).as("trip %d (%d bytes, %s)", index, size, VoiceMessages.idOf(fileId))
        .isEqualTo(content);
    Files.delete(up);
    Files.delete(down);
    return new Trip(index, size, fileId, failures);
  }
}
