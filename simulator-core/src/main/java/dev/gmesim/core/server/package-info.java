/**
 * The simulator's servers: {@link dev.gmesim.core.server.GmeSimulator}, the embedded entry point,
 * with its journal; the Netty room gateway lives in {@code internal}.
 */
package dev.gmesim.core.server;
