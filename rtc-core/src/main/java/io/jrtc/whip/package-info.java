/**
 * WHIP (RFC 9725) and WHEP clients: publish tracks to, or play a stream from, any WHIP or WHEP endpoint over the
 * JDK's HTTP client. The session resource the endpoint creates takes trickled candidates, ICE restarts and the
 * final DELETE ({@link io.jrtc.whip.SignalingSession}).
 */
package io.jrtc.whip;
