package io.jrtc.mdns;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One resource record (RFC 1035 §4.1.3). The rdata is kept as bytes; {@link #address()} reads A (RFC 1035 §3.4.1)
 * and AAAA (RFC 3596 §2.2) rdata. In mDNS responses the top bit of the class is the cache-flush bit (RFC 6762
 * §10.2); {@code rrclass} keeps all 16 bits.
 */
public record DnsRecord(String name, int type, int rrclass, long ttl, byte[] rdata) {
    public static final int TYPE_A = 1;
    public static final int TYPE_AAAA = 28;
    public static final int CLASS_IN = 1;
    static final int CLASS_TOP_BIT = 0x8000;

    public DnsRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rdata, "rdata");
        requireU16(type, "type");
        requireU16(rrclass, "rrclass");
        if (ttl < 0 || ttl > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ttl must be a 32-bit unsigned value: " + ttl);
        }
        if (rdata.length > 0xFFFF) {
            throw new IllegalArgumentException("rdata longer than 65535 octets");
        }
        rdata = rdata.clone();
    }

    /** An A or AAAA record of {@code address}, class IN with the given cache-flush bit. */
    public static DnsRecord address(String name, InetAddress address, boolean cacheFlush, long ttl) {
        byte[] bytes = address.getAddress();
        return new DnsRecord(name, bytes.length == 4 ? TYPE_A : TYPE_AAAA,
                CLASS_IN | (cacheFlush ? CLASS_TOP_BIT : 0), ttl, bytes);
    }

    @Override
    public byte[] rdata() {
        return rdata.clone();
    }

    public boolean cacheFlush() {
        return (rrclass & CLASS_TOP_BIT) != 0;
    }

    /** The address of an IN-class A or AAAA record with rdata of the right size, else null. */
    public InetAddress address() {
        if ((rrclass & ~CLASS_TOP_BIT) != CLASS_IN) {
            return null;
        }
        boolean fits = (type == TYPE_A && rdata.length == 4) || (type == TYPE_AAAA && rdata.length == 16);
        if (!fits) {
            return null;
        }
        try {
            return InetAddress.getByAddress(rdata);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    static DnsRecord read(DnsReader reader) throws DnsParseException {
        String name = DnsName.read(reader);
        int type = reader.u16();
        int rrclass = reader.u16();
        long ttl = reader.u32();
        int length = reader.u16();
        return new DnsRecord(name, type, rrclass, ttl, reader.bytes(length));
    }

    void write(ByteArrayOutputStream out) {
        DnsName.write(out, name);
        DnsMessage.writeU16(out, type);
        DnsMessage.writeU16(out, rrclass);
        DnsMessage.writeU16(out, (int) (ttl >>> 16));
        DnsMessage.writeU16(out, (int) ttl & 0xFFFF);
        DnsMessage.writeU16(out, rdata.length);
        out.write(rdata, 0, rdata.length);
    }

    static void requireU16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " must be 16 bits: " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsRecord other && name.equals(other.name) && type == other.type
                && rrclass == other.rrclass && ttl == other.ttl && Arrays.equals(rdata, other.rdata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, rrclass, ttl, Arrays.hashCode(rdata));
    }

    @Override
    public String toString() {
        return "DnsRecord[" + name + " type " + type + " class " + Integer.toHexString(rrclass) + " ttl " + ttl
                + " rdata " + HexFormat.of().formatHex(rdata) + "]";
    }
}
