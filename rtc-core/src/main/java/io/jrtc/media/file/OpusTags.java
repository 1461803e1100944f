package io.jrtc.media.file;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ogg Opus comment header (RFC 7845 §5.2): "OpusTags", a UTF-8 vendor string and a list of UTF-8
 * "NAME=value" comments, each behind a 32-bit little-endian length.
 */
public record OpusTags(String vendor, List<String> comments) {
    public OpusTags {
        comments = List.copyOf(comments);
    }

    public static OpusTags parse(byte[] b) throws MediaFileFormatException {
        MediaFileFormatException.require(b.length >= 16 && new String(b, 0, 8, StandardCharsets.ISO_8859_1)
                .equals("OpusTags"), "not an OpusTags packet");
        int[] at = {8};
        String vendor = string(b, at);
        long count = length(b, at);
        List<String> comments = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            comments.add(string(b, at));
        }
        return new OpusTags(vendor, comments);
    }

    public byte[] encode() {
        List<byte[]> strings = new ArrayList<>();
        strings.add(vendor.getBytes(StandardCharsets.UTF_8));
        comments.forEach(c -> strings.add(c.getBytes(StandardCharsets.UTF_8)));
        int total = 8 + 4 + 4 * strings.size();
        for (byte[] s : strings) {
            total += s.length;
        }
        byte[] b = new byte[total];
        WavWriter.ascii(b, 0, "OpusTags");
        int at = 8;
        for (int i = 0; i < strings.size(); i++) {
            if (i == 1) {
                LittleEndianInput.putU32(b, at, comments.size());
                at += 4;
            }
            byte[] s = strings.get(i);
            LittleEndianInput.putU32(b, at, s.length);
            System.arraycopy(s, 0, b, at + 4, s.length);
            at += 4 + s.length;
        }
        if (strings.size() == 1) {
            LittleEndianInput.putU32(b, at, 0);
        }
        return b;
    }

    private static long length(byte[] b, int[] at) throws MediaFileFormatException {
        MediaFileFormatException.require(b.length - at[0] >= 4, "OpusTags cut short");
        long length = LittleEndianInput.u32(b, at[0]);
        at[0] += 4;
        return length;
    }

    private static String string(byte[] b, int[] at) throws MediaFileFormatException {
        long length = length(b, at);
        MediaFileFormatException.require(length <= b.length - at[0], "OpusTags string runs past the packet");
        String s = new String(b, at[0], (int) length, StandardCharsets.UTF_8);
        at[0] += (int) length;
        return s;
    }
}
