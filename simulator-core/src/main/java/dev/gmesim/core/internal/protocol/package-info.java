/** The room protocol's frames and messages, shared by the Netty room gateway and the simulated SDK. */
package dev.gmesim.core.internal.protocol;
