package dev.gmesim.core.auth;

import java.util.Optional;

/**
 * The verdict on one auth buffer: accepted, or refused with the {@link AuthField} that was wrong
 * and a reason naming both values ({@code auth buffer is for room 'lobby-2', EnterRoom asked for 'lobby'}).
 *
 * <pre>{@code
 * AuthCheck c = AuthBufferChecker.check(buffer, key, expected, now);
 * if (!c.accepted()) System.out.println(c.field().wireName() + ": " + c.reason());
 * }</pre>
 *
 * @param field the wrong part, or null when accepted
 * @param reason why it was refused, or empty when accepted
 * @param content what the buffer said, when it could be read
 * @since 0.1
 */
public record AuthCheck(AuthField field, String reason, Optional<AuthBufferContent> content) {

  /** An accepted buffer with its content. */
  public static AuthCheck accepted(AuthBufferContent content) {
    return new AuthCheck(null, "", Optional.of(content));
  }

  /** A refused buffer. */
  public static AuthCheck refused(AuthField field, String reason, AuthBufferContent content) {
    return new AuthCheck(field, reason, Optional.ofNullable(content));
  }

  /** Returns whether the buffer was accepted. */
  public boolean accepted() {
    return field == null;
  }
}
