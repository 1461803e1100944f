/**
 * SCTP wire formats (RFC 9260 §3): the common header and CRC32c checksum, one record per chunk type with a
 * symmetric codec, INIT parameters, error causes and RE-CONFIG parameters (RFC 6525). Parsers throw only
 * {@link io.jrtc.sctp.wire.SctpParseException}.
 */
package io.jrtc.sctp.wire;
