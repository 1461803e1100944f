/**
 * jrtc: a WebRTC stack in plain Java. Protocol packages are sans-IO state machines; {@code io.jrtc.net} is the
 * only place that touches sockets, and {@code io.jrtc.pc} wires the machines into the W3C-shaped API.
 */
package io.jrtc;
