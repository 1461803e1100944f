package io.jrtc.pc;

import java.util.Locale;

/** Maps enum constants to the W3C strings they stand for: {@code HAVE_LOCAL_OFFER} is {@code "have-local-offer"}. */
final class W3cNames {
    private W3cNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + value);
    }
}
