/**
 * A Java client for a GME simulator running as its own process (the jar or the Docker image),
 * over the control API; its calls read like the embedded {@code GmeSimulator}'s, so a test can
 * switch between the two. It knows only the wire: never the server's classes.
 */
package dev.gmesim.core.remote;
