package io.jrtc.mdns;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * One question (RFC 1035 §4.1.2). In mDNS the top bit of the class asks for a unicast response (the QU bit,
 * RFC 6762 §5.4); {@code qclass} keeps all 16 bits.
 */
public record DnsQuestion(String name, int type, int qclass) {
    public DnsQuestion {
        Objects.requireNonNull(name, "name");
        DnsRecord.requireU16(type, "type");
        DnsRecord.requireU16(qclass, "qclass");
    }

    public boolean unicastResponse() {
        return (qclass & DnsRecord.CLASS_TOP_BIT) != 0;
    }

    static DnsQuestion read(DnsReader reader) throws DnsParseException {
        String name = DnsName.read(reader);
        return new DnsQuestion(name, reader.u16(), reader.u16());
    }

    void write(ByteArrayOutputStream out) {
        DnsName.write(out, name);
        DnsMessage.writeU16(out, type);
        DnsMessage.writeU16(out, qclass);
    }
}
