package dev.gmesim.core.fault;

import dev.gmesim.core.catalog.Operation;
import java.util.Objects;

/**
 * One SDK call as the fault plan sees it: the operation and whatever is known of its scope.
 *
 * <p>Any string may be {@code null}, meaning unknown; a rule scoped to that field then does not
 * match. {@code tag} is the connection's tag, such as the JUnit test that owns the SDK context.
 *
 * @param operation the SDK call; never null
 * @param appId the GME AppID, or null
 * @param openId the user's OpenID, or null
 * @param roomId the room, or null
 * @param tag the connection's tag, or null
 * @since 0.1
 */
public record Call(Operation operation, String appId, String openId, String roomId, String tag) {

  /** Checks that the operation is present. */
  public Call {
    Objects.requireNonNull(operation, "Call: operation is null; pass one of Operation.values()");
  }

  /** Returns a call of this operation with every scope field unknown. */
  public static Call of(Operation operation) {
    return new Call(operation, null, null, null, null);
  }
}
