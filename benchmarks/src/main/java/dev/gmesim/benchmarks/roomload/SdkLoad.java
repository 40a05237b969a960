package dev.gmesim.benchmarks.roomload;

import dev.gmesim.core.sdk.GmeContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients on the simulated SDK: each one's delegate answers ENTER_ROOM with exitRoom() and
 * EXIT_ROOM with the next enterRoom(), so no thread waits per client and the SDK's own threads
 * carry the whole load, as they would in a game.
 */
final class SdkLoad implements Load {
  private final Run run;
  private final InetSocketAddress address;
  private final boolean sharedRoom;
  private final List<GmeContext> contexts = new ArrayList<>();
  private final List<SdkClient> clients = new ArrayList<>();

  SdkLoad(Run run, InetSocketAddress address, boolean sharedRoom) {
    this.run = run;
    this.address = address;
    this.sharedRoom = sharedRoom;
  }

  @Override
  public void connect() {
    for (int i = 0; i < run.clients(); i++) {
      SdkClient c = new SdkClient(run, i, sharedRoom ? "load" : "load-" + i);
      GmeContext gme = GmeContext.builder().room(address).sdkName("RoomLoad").delegate(c).build();
      contexts.add(gme);
      c.gme = gme;
      int r = gme.init(RoomLoad.APP_ID, String.valueOf(100_000 + i));
      if (r != 0) {
        throw new IllegalStateException("Init of client " + i + " failed with " + r);
      }
      clients.add(c);
    }
  }

  @Override
  public void start() {
    clients.forEach(SdkClient::enter);
  }

  @Override
  public void close() {
    contexts.forEach(GmeContext::close);
  }
}
