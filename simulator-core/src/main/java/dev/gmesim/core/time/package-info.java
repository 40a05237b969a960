/** The scaled clock shared by the simulator and the simulated SDK; depends on nothing else. */
package dev.gmesim.core.time;
