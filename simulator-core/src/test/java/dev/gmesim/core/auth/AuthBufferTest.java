package dev.gmesim.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Generate and check: round trips over random inputs, each refusal, and bad input. */
class AuthBufferTest {
  static final AppKey KEY = AppKey.of("0123456789abcdef");
  static final long APP = 1400000000L;
  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  static final Instant LATER = NOW.plusSeconds(300);
  static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@#中文é";

  static String randomString(Random r, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  static AppKey randomKey(Random r) {
    byte[] b = new byte[16];
    r.nextBytes(b);
    return AppKey.of(b);
  }

  @RepeatedTest(20)
  void randomInputsRoundTrip() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    for (int i = 0; i < 100; i++) {
      AppKey key = randomKey(r);
      String openId = "p" + randomString(r, 126);
      String roomId = randomString(r, 127);
      long appId = r.nextLong() & AppCredentials.MAX_APP_ID;
      Instant expiry = Instant.ofEpochSecond(r.nextLong() & AppCredentials.MAX_APP_ID);
      AuthBufferContent content = new AuthBufferContent(appId, roomId, openId, expiry);
      byte[] buffer = new AuthBufferGenerator(r).generate(content, key);

      assertThat(buffer.length % 8).as("seed %d", seed).isZero();
      assertThat(AuthBufferChecker.decrypt(buffer, key)).as("seed %d", seed).isEqualTo(content);
      AuthCheck check = AuthBufferChecker.check(buffer, key, AuthExpectation.room(appId, openId, roomId, "EnterRoom"),
          expiry.minusSeconds(1));
      assertThat(check.accepted()).as("seed %d: %s", seed, check.reason()).isTrue();
      // Another key never reads it as a valid buffer of the same content.
      AuthCheck other = AuthBufferChecker.check(buffer, randomKey(r),
          AuthExpectation.room(appId, openId, roomId, "EnterRoom"), expiry.minusSeconds(1));
      assertThat(other.accepted()).as("seed %d", seed).isFalse();
    }
  }

  @Test
  void theSameSeedGivesTheSameBytesAndTheLayoutIsDocumented() {
    AuthBufferContent c = new AuthBufferContent(APP, "lobby", "10001", LATER);
    byte[] a = new AuthBufferGenerator(new Random(7)).generate(c, KEY);
    byte[] b = new AuthBufferGenerator(new Random(7)).generate(c, KEY);
    assertThat(a).isEqualTo(b);
    // 1 + 2 + 5 (openId) + 5 * 4 + 2 + 5 (roomId) = 35 bytes of body; + header byte, salt and zeros = 45, padded to 48.
    assertThat(AuthBufferGenerator.plaintext(c)).hasSize(35);
    assertThat(a).hasSize(48);
  }

  @Test
  void aCorrectBufferIsAccepted() {
    byte[] buffer = AuthBufferGenerator.roomBuffer(APP, "lobby", "10001", KEY, LATER);
    AuthCheck c = AuthBufferChecker.check(buffer, KEY, AuthExpectation.room(APP, "10001", "lobby", "EnterRoom"), NOW);
    assertThat(c.accepted()).isTrue();
    assertThat(c.content()).contains(new AuthBufferContent(APP, "lobby", "10001", LATER));
  }

  @Test
  void anotherRoomIsRefusedNamingBothRooms() {
    byte[] buffer = AuthBufferGenerator.roomBuffer(APP, "lobby-2", "10001", KEY, LATER);
    AuthCheck c = AuthBufferChecker.check(buffer, KEY, AuthExpectation.room(APP, "10001", "lobby", "EnterRoom"), NOW);
    assertThat(c.field()).isEqualTo(AuthField.ROOM_ID);
    assertThat(c.reason()).startsWith("auth buffer is for room 'lobby-2', EnterRoom asked for 'lobby'");
  }

  @Test
  void anotherOpenIdIsRefused() {
    byte[] buffer = AuthBufferGenerator.roomBuffer(APP, "lobby", "10002", KEY, LATER);
    AuthCheck c = AuthBufferChecker.check(buffer, KEY, AuthExpectation.room(APP, "10001", "lobby", "EnterRoom"), NOW);
    assertThat(c.field()).isEqualTo(AuthField.OPEN_ID);
    assertThat(c.reason()).startsWith("auth buffer is for OpenID '10002', Init was called with '10001'");
  }

  @Test
  void anotherAppIdIsRefused() {
    byte[] buffer = AuthBufferGenerator.roomBuffer(1400000001L, "lobby", "10001", KEY, LATER);
    AuthCheck c = AuthBufferChecker.check(buffer, KEY, AuthExpectation.room(APP, "10001", "lobby", "EnterRoom"), NOW);
    assertThat(c.field()).isEqualTo(AuthField.APP_ID);
    assertThat(c.reason()).startsWith("auth buffer is for AppID 1400000001, Init was called with 1400000000");
  }

  @Test
  void anExpiredBufferIsRefusedOnTheGivenClock() {
    byte[] buffer = AuthBufferGenerator.roomBuffer(APP, "lobby", "10001", KEY, NOW);
    AuthExpectation e = AuthExpectation.room(APP, "10001", "lobby", "EnterRoom");
    assertThat(AuthBufferChecker.check(buffer, KEY, e, NOW.minusSeconds(1)).accepted()).isTrue();
    AuthCheck c = AuthBufferChecker.check(buffer, KEY, e, NOW.plusSeconds(35));
    assertThat(c.field()).isEqualTo(AuthField.EXPIRY);
    assertThat(c.reason()).contains("expired at 2023-11-14T22:13:20Z, 35 s before now");
  }

  @Test
  void anotherKeyIsRefusedWithoutNamingEitherKey() {
    byte[] buffer = AuthBufferGenerator.roomBuffer(APP, "lobby", "10001", AppKey.of("fedcba9876543210"), LATER);
    AuthCheck c = AuthBufferChecker.check(buffer, KEY, AuthExpectation.room(APP, "10001", "lobby", "EnterRoom"), NOW);
    assertThat(c.field()).isEqualTo(AuthField.BUFFER);
    assertThat(c.reason()).contains("does not decrypt").doesNotContain("0123456789abcdef", "fedcba9876543210");
  }

  @Test
  void aVoiceMessageBufferAcceptsAnyRoomButChecksTheOpenId() {
    byte[] buffer = AuthBufferGenerator.voiceMessageBuffer(APP, "10001", KEY, LATER);
    assertThat(AuthBufferChecker.check(buffer, KEY, AuthExpectation.voiceMessage(APP, "10001", "UploadRecordedFile"),
        NOW).accepted()).isTrue();
    assertThat(AuthBufferChecker.check(buffer, KEY, AuthExpectation.voiceMessage(APP, "10002", "UploadRecordedFile"),
        NOW).field()).isEqualTo(AuthField.OPEN_ID);
  }

  @Test
  void aBufferTooShortForAHeaderIsRefusedNamingItsLength() {
    assertThatThrownBy(() -> AuthBufferChecker.decrypt(new byte[] {1, 2, 3, 4, 5}, KEY))
        .isInstanceOf(InvalidAuthBufferException.class)
        .hasMessageContaining("5 bytes, too short to hold a header");
    assertThatThrownBy(() -> AuthBufferChecker.decrypt(new byte[20], KEY))
        .hasMessageContaining("20 bytes, not a multiple of 8");
    AuthCheck c = AuthBufferChecker.check("auth".getBytes(), KEY,
        AuthExpectation.room(APP, "10001", "lobby", "EnterRoom"), NOW);
    assertThat(c.field()).isEqualTo(AuthField.BUFFER);
  }

  @Test
  void aKeyThatIsNot16BytesIsRefusedNamingItsLengthNotItsValue() {
    assertThatThrownBy(() -> AppKey.of("short-secret"))
        .hasMessageContaining("12 bytes")
        .hasMessageContaining("exactly 16 bytes")
        .hasMessageNotContaining("short-secret");
    assertThatThrownBy(() -> AppCredentials.parse("1400000000:short-secret"))
        .hasMessageStartingWith("AppID 1400000000: ")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void anAppIdThatIsNotANumberIsRefusedNamingIt() {
    assertThatThrownBy(() -> AppCredentials.parse("my-game:0123456789abcdef"))
        .hasMessageContaining("AppID 'my-game' is not a number")
        .hasMessageNotContaining("0123456789abcdef");
    assertThatThrownBy(() -> AppCredentials.parse("0123456789abcdef"))
        .hasMessageContaining("has no ':'")
        .hasMessageNotContaining("0123456789abcdef");
  }

  @Test
  void keysNeverShowInStrings() {
    AppCredentials app = AppCredentials.parse("1400000000:0123456789abcdef");
    assertThat(app.toString()).doesNotContain("0123456789abcdef").contains("1400000000");
    assertThat(KEY.toString()).doesNotContain("0123456789abcdef");
    assertThat(app.key()).isEqualTo(KEY);
    assertThat(app.key().reveal()).isEqualTo("0123456789abcdef");
  }
}
