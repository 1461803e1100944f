/**
 * Not API: the wiring behind the W3C classes of {@link io.jrtc.pc}. Its classes are public only because Java
 * packages leave no other way for {@code io.jrtc.pc} to reach them; they change without notice. Sub-packages:
 * {@code loop} (each connection's event loop, its pump and the engine's shared resources), {@code config} (the
 * engine's settings turned into the protocol machines' configurations), {@code jsep} (offer/answer negotiation),
 * {@code transport} (ICE, DTLS, SCTP, data channels) and {@code media} (RTP senders, receivers and transceivers).
 * None of them depends on the stateful classes of {@code io.jrtc.pc}; {@code io.jrtc.architecture.ApiBoundaryTest}
 * says so.
 */
package io.jrtc.pc.internal;
