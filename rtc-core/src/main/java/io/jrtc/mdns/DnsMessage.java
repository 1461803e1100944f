package io.jrtc.mdns;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A DNS message (RFC 1035 §4.1): the 12-byte header, then questions, answers, authority and additional records.
 * Parsing follows compression pointers; encoding writes names uncompressed (queries are small).
 */
public record DnsMessage(int id, int flags, List<DnsQuestion> questions, List<DnsRecord> answers,
                         List<DnsRecord> authorities, List<DnsRecord> additionals) {
    /** QR: the message is a response (RFC 1035 §4.1.1). */
    public static final int FLAG_RESPONSE = 0x8000;
    private static final int HEADER = 12;
    /** The smallest question is 5 bytes and the smallest record 11, so larger counts cannot fit a datagram. */
    private static final int MIN_ENTRY = 5;

    public DnsMessage {
        DnsRecord.requireU16(id, "id");
        DnsRecord.requireU16(flags, "flags");
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authorities = List.copyOf(authorities);
        additionals = List.copyOf(additionals);
        for (List<?> section : List.of(questions, answers, authorities, additionals)) {
            if (section.size() > 0xFFFF) {
                throw new IllegalArgumentException("more than 65535 entries in a section");
            }
        }
    }

    /** A query as mDNS sends it: id 0, no flags (RFC 6762 §18), the given questions. */
    public static DnsMessage query(List<DnsQuestion> questions) {
        return new DnsMessage(0, 0, questions, List.of(), List.of(), List.of());
    }

    public boolean isResponse() {
        return (flags & FLAG_RESPONSE) != 0;
    }

    public static DnsMessage parse(byte[] data, int offset, int length) throws DnsParseException {
        Objects.requireNonNull(data, "data");
        DnsReader reader = new DnsReader(data, offset, length);
        if (length < HEADER) {
            throw new DnsParseException("shorter than the 12-byte header: " + length);
        }
        int id = reader.u16();
        int flags = reader.u16();
        int questionCount = reader.u16();
        int answerCount = reader.u16();
        int authorityCount = reader.u16();
        int additionalCount = reader.u16();
        long entries = (long) questionCount + answerCount + authorityCount + additionalCount;
        if (entries * MIN_ENTRY > reader.remaining()) {
            throw new DnsParseException("section counts exceed the message length");
        }
        List<DnsQuestion> questions = new ArrayList<>(questionCount);
        for (int i = 0; i < questionCount; i++) {
            questions.add(DnsQuestion.read(reader));
        }
        return new DnsMessage(id, flags, questions, readRecords(reader, answerCount),
                readRecords(reader, authorityCount), readRecords(reader, additionalCount));
    }

    private static List<DnsRecord> readRecords(DnsReader reader, int count) throws DnsParseException {
        List<DnsRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(DnsRecord.read(reader));
        }
        return records;
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        writeU16(out, id);
        writeU16(out, flags);
        writeU16(out, questions.size());
        writeU16(out, answers.size());
        writeU16(out, authorities.size());
        writeU16(out, additionals.size());
        for (DnsQuestion question : questions) {
            question.write(out);
        }
        for (List<DnsRecord> section : List.of(answers, authorities, additionals)) {
            for (DnsRecord record : section) {
                record.write(out);
            }
        }
        return out.toByteArray();
    }

    static void writeU16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }
}
