/**
 * GME auth buffers: {@link dev.gmesim.core.auth.AuthBufferGenerator} mints them from an app's
 * permission key as a game's backend does, {@link dev.gmesim.core.auth.AuthBufferChecker} decrypts
 * and checks them as GME's server does. Written from the documented format
 * (docs/gme-fidelity-notes.md A.8); depends on nothing but the JDK.
 *
 * <pre>{@code
 * AppKey key = AppKey.of("0123456789abcdef");
 * byte[] buffer = AuthBufferGenerator.roomBuffer(1400000000L, "lobby", "10001", key, Instant.now().plusSeconds(300));
 * AuthCheck c = AuthBufferChecker.check(buffer, key,
 *     AuthExpectation.room(1400000000L, "10001", "lobby", "EnterRoom"), Instant.now());
 * assert c.accepted();
 * }</pre>
 */
package dev.gmesim.core.auth;
