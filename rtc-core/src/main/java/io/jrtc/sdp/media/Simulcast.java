package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast:send <streams> [recv <streams>]} (RFC 8853 §5.1), parsed and kept. Each direction is a list
 * of streams separated by ";", each stream a list of alternative rid ids separated by ","; a paused rid keeps its
 * "~" prefix. An absent direction is an empty list.
 */
public record Simulcast(List<List<String>> send, List<List<String>> receive) {
    public static final String NAME = "simulcast";

    public Simulcast {
        send = copy(send);
        receive = copy(receive);
        if (send.isEmpty() && receive.isEmpty()) {
            throw new IllegalArgumentException("simulcast needs send or recv streams");
        }
    }

    private static List<List<String>> copy(List<List<String>> streams) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> alternatives : streams) {
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a simulcast stream needs at least one rid");
            }
            for (String rid : alternatives) {
                if (!Rid.validId(rid.startsWith("~") ? rid.substring(1) : rid)) {
                    throw new IllegalArgumentException("not a simulcast rid: '" + rid + "'");
                }
            }
            result.add(List.copyOf(alternatives));
        }
        return List.copyOf(result);
    }

    public static Simulcast parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length != 2 && f.length != 4) {
            throw AttributeText.error(NAME, value, "needs send|recv <streams> [recv|send <streams>]");
        }
        List<List<String>> send = List.of();
        List<List<String>> receive = List.of();
        for (int i = 0; i < f.length; i += 2) {
            List<List<String>> streams = streams(value, f[i + 1]);
            if (f[i].equals("send") && send.isEmpty()) {
                send = streams;
            } else if (f[i].equals("recv") && receive.isEmpty()) {
                receive = streams;
            } else {
                throw AttributeText.error(NAME, value, "needs send and recv at most once each");
            }
        }
        return new Simulcast(send, receive);
    }

    private static List<List<String>> streams(String value, String text) throws SdpParseException {
        List<List<String>> streams = new ArrayList<>();
        for (String stream : text.split(";", -1)) {
            List<String> alternatives = List.of(stream.split(",", -1));
            for (String rid : alternatives) {
                if (!Rid.validId(rid.startsWith("~") ? rid.substring(1) : rid)) {
                    throw AttributeText.error(NAME, value, "has a malformed rid '" + rid + "'");
                }
            }
            streams.add(alternatives);
        }
        return streams;
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder();
        if (!send.isEmpty()) {
            sb.append("send ").append(format(send));
        }
        if (!receive.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append("recv ").append(format(receive));
        }
        return sb.toString();
    }

    private static String format(List<List<String>> streams) {
        List<String> parts = new ArrayList<>();
        streams.forEach(alternatives -> parts.add(String.join(",", alternatives)));
        return String.join(";", parts);
    }
}
