package dev.gmesim.cli;

import picocli.CommandLine.Option;

/**
 * {@code --admin-token} (env {@code GMESIM_ADMIN_TOKEN}) for the subcommands that call a running
 * simulator's control API, shared through {@code @Mixin}.
 */
final class AdminTokenOption {

  @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:GMESIM_ADMIN_TOKEN}",
      description = "Bearer token of the remote control API (env GMESIM_ADMIN_TOKEN); health itself needs none.")
  String value;

  /** Returns the token, stripped, or null when none was given. */
  String token() {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
