package dev.gmesim.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.Operation;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArgsCodecTest {

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) MessageCodec.mapper().readTree(text);
  }

  @Nested
  class Registry {
    @Test
    void everyRoomAndDeviceOperationHasAnArgumentsRecord() {
      // The gateway answers an op without a record with 1006: a new room operation needs its record.
      assertThat(ArgsCodec.ops()).containsAll(Arrays.stream(Operation.values())
          .filter(o -> o.channel() == Operation.Channel.ROOM || o.channel() == Operation.Channel.LOCAL)
          .map(Operation::name).toList());
      assertThat(ArgsCodec.ops()).contains(Ops.HELLO, Ops.PING, Ops.ADVANCE, Ops.CANCEL_ENTER, Ops.PTT_CANCEL_RECORDING);
    }

    @Test
    void aRecordKnowsItsOp() {
      assertThat(new RoomArgs.EnterRoom("lobby", 1, "").op()).isEqualTo("ENTER_ROOM");
      assertThat(Message.Request.of(7, new RoomArgs.Advance(10)).op()).isEqualTo(Ops.ADVANCE);
    }
  }

  @Nested
  class Wire {
    @Test
    void writesTheDocumentedFieldNames() {
      assertThat(ArgsCodec.write(new RoomArgs.EnterRoom("lobby", 1, "YQ==")))
          .hasToString("{\"roomId\":\"lobby\",\"roomType\":1,\"authBuffer\":\"YQ==\"}");
      assertThat(ArgsCodec.write(new RoomArgs.Hello(1, "java", null, null, null, null, null)))
          .hasToString("{\"version\":1,\"sdk\":\"java\"}");
    }

    @Test
    void readsWhatItWrites() {
      RoomArgs.PttStartRecording rec = new RoomArgs.PttStartRecording("/tmp/a.wav", 2000, true);
      assertThat(ArgsCodec.read(rec.op(), ArgsCodec.write(rec))).contains(rec);
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() throws Exception {
      assertThat(ArgsCodec.read("ENTER_ROOM", json("{\"roomId\":\"lobby\",\"roomType\":2}")))
          .contains(new RoomArgs.EnterRoom("lobby", 2, ""));
      assertThat(ArgsCodec.read("HELLO", json("{}")))
          .contains(new RoomArgs.Hello(1, null, null, null, null, null, null));
      assertThat(ArgsCodec.read("HELLO", json("{\"tag\":null}")).orElseThrow())
          .extracting(a -> ((RoomArgs.Hello) a).tag()).isNull();
    }

    @Test
    void aStreamingStartWithoutLanguagesTakesGmesDefaultAndPauseTakesNothing() throws Exception {
      assertThat(ArgsCodec.read("PTT_START_RECORDING", json("{\"filePath\":\"/tmp/s.wav\",\"streaming\":true}")))
          .contains(new RoomArgs.PttStartRecording("/tmp/s.wav", 0, true, VoiceHttp.DEFAULT_LANGUAGE, null));
      assertThatThrownBy(() -> ArgsCodec.read("PTT_PAUSE_RECORDING", json("{\"paused\":true}")))
          .isInstanceOf(ArgumentException.class)
          .hasMessageContaining("PTT_PAUSE_RECORDING takes no arguments");
    }

    @Test
    void anOpWithoutRecordReadsAsEmpty() throws Exception {
      assertThat(ArgsCodec.read("FLY_TO_MOON", json("{\"x\":1}"))).isEmpty();
    }
  }

  @Nested
  class BadInput {
    @Test
    void aNumberOutsideTheRangeOfItsFieldIsNamed() throws Exception {
      assertThatThrownBy(() -> ArgsCodec.read("CHANGE_ROOM_TYPE", json("{\"roomType\":4294967296}")))
          .isInstanceOf(ArgumentException.class)
          .hasMessage("CHANGE_ROOM_TYPE args.roomType must be a whole number (32-bit); got 4294967296")
          .extracting(e -> ((ArgumentException) e).field()).isEqualTo("roomType");
    }

    @Test
    void aStringIsNotABoolean() throws Exception {
      assertThatThrownBy(() -> ArgsCodec.read("ENABLE_MIC", json("{\"enable\":\"yes\"}")))
          .hasMessage("ENABLE_MIC args.enable must be true or false; got \"yes\"");
    }

    @Test
    void replyDataIgnoresFieldsItDoesNotKnowButNotWrongTypes() throws Exception {
      assertThat(ArgsCodec.readData(RoomData.Held.class, json("{\"id\":4,\"until\":10000,\"extra\":1}"), "HELD"))
          .isEqualTo(new RoomData.Held(4, 10000L));
      assertThatThrownBy(() -> ArgsCodec.readData(RoomData.Held.class, json("{}"), "HELD"))
          .hasMessage("HELD needs data.id (a whole number); got none");
    }
  }
}
