/**
 * The stateful world behind the simulator: contexts, rooms and members, so that misuse of the SDK
 * yields GME's codes without any injected fault.
 */
package dev.gmesim.core.internal.world;
