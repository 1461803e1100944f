/**
 * TURN (RFC 8656) client over UDP as a sans-IO state machine: {@link io.jrtc.turn.TurnClient} keeps one
 * allocation on one TURN server, with the long-term credential mechanism (RFC 8489 §9.2), permissions, channels
 * and refreshes. It is fed datagrams from the server and the current time, and hands back datagrams for the server,
 * a timer deadline and {@link io.jrtc.turn.TurnEvent}s. The caller owns the socket.
 */
package io.jrtc.turn;
