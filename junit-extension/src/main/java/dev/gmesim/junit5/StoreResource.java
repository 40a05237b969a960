package dev.gmesim.junit5;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value JUnit closes when the store holding it is closed. It is both kinds of closeable on
 * purpose: JUnit before 5.13 closes only {@code CloseableResource}s, later versions prefer
 * {@code AutoCloseable} and deprecate the other; implementations make close idempotent, so a
 * version that honours both still releases everything once.
 */
@SuppressWarnings("deprecation")
interface StoreResource extends ExtensionContext.Store.CloseableResource, AutoCloseable {
  @Override
  void close();
}
