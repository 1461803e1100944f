package io.jrtc.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The part shared by the session level and each media description: an ordered list of {@code a=} lines, with the
 * ICE (RFC 8839 §5) and DTLS (RFC 8842 §5) attributes that JSEP allows at either level.
 */
public abstract sealed class SdpSection permits SessionDescription, MediaDescription {
    private final List<SdpAttribute> attributes = new ArrayList<>();

    SdpSection() {
    }

    /** All attributes in order, unmodifiable; change them through the methods below. */
    public List<SdpAttribute> attributes() {
        return Collections.unmodifiableList(attributes);
    }

    /** The value of the first attribute with this name, or null when absent or a flag. */
    public String attribute(String name) {
        for (SdpAttribute a : attributes) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    /** The values of every attribute with this name, in order (flags contribute nothing). */
    public List<String> attributeValues(String name) {
        List<String> values = new ArrayList<>();
        for (SdpAttribute a : attributes) {
            if (a.name().equals(name) && a.value() != null) {
                values.add(a.value());
            }
        }
        return values;
    }

    public boolean hasAttribute(String name) {
        for (SdpAttribute a : attributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code a=name} (value null) or {@code a=name:value}; throws IllegalArgumentException if invalid. */
    public void addAttribute(String name, String value) {
        addAttribute(new SdpAttribute(name, value));
    }

    public void addAttribute(SdpAttribute attribute) {
        Objects.requireNonNull(attribute, "attribute");
        AttributeRules.check(attribute);
        attributes.add(attribute);
    }

    public void removeAttributes(String name) {
        attributes.removeIf(a -> a.name().equals(name));
    }

    /** Replaces every attribute with this name by one, at the position of the first (or at the end). */
    public void setAttribute(String name, String value) {
        SdpAttribute replacement = new SdpAttribute(name, value);
        AttributeRules.check(replacement);
        int first = -1;
        for (int i = attributes.size() - 1; i >= 0; i--) {
            if (attributes.get(i).name().equals(name)) {
                attributes.remove(i);
                first = i;
            }
        }
        if (first < 0) {
            attributes.add(replacement);
        } else {
            attributes.add(first, replacement);
        }
    }

    /** Adds or removes a property attribute such as {@code a=rtcp-mux} or {@code a=ice-lite}. */
    public void setFlag(String name, boolean present) {
        if (present) {
            if (!hasAttribute(name)) {
                addAttribute(name, null);
            }
        } else {
            removeAttributes(name);
        }
    }

    /** {@code a=ice-ufrag} at this level (RFC 8839 §5.4). */
    public String iceUfrag() {
        return attribute("ice-ufrag");
    }

    /** {@code a=ice-pwd} at this level (RFC 8839 §5.4). */
    public String icePwd() {
        return attribute("ice-pwd");
    }

    /** Sets {@code a=ice-ufrag} and {@code a=ice-pwd}. */
    public void setIceCredentials(String ufrag, String pwd) {
        setAttribute("ice-ufrag", ufrag);
        setAttribute("ice-pwd", pwd);
    }

    /**
     * The options of every {@code a=ice-options} line at this level (RFC 8839 §5.6), e.g. "trickle". The grammar
     * separates them by spaces; some stacks write commas ("trickle,renomination"), which are read the same.
     */
    public List<String> iceOptions() {
        List<String> options = new ArrayList<>();
        for (String value : attributeValues("ice-options")) {
            for (String option : value.trim().split("[ \\t,]+")) {
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        }
        return options;
    }

    public void setIceOptions(List<String> options) {
        if (options.isEmpty()) {
            removeAttributes("ice-options");
        } else {
            setAttribute("ice-options", String.join(" ", options));
        }
    }

    /** Every {@code a=fingerprint} at this level (RFC 8122 §5); values were validated on entry. */
    public List<Fingerprint> fingerprints() {
        List<Fingerprint> result = new ArrayList<>();
        for (String value : attributeValues("fingerprint")) {
            result.add(Fingerprint.parse(value));
        }
        return result;
    }

    public void addFingerprint(Fingerprint fingerprint) {
        addAttribute("fingerprint", fingerprint.toString());
    }

    /** {@code a=setup} (RFC 4145 §4, RFC 8842 §5.1): active, passive, actpass or holdconn. */
    public String setup() {
        return attribute("setup");
    }

    public void setSetup(String role) {
        setAttribute("setup", role);
    }

    /** Attribute lists are equal element by element, order included. */
    final boolean sameAttributes(SdpSection other) {
        return attributes.equals(other.attributes);
    }

    final int attributesHash() {
        return attributes.hashCode();
    }

    final void copyAttributesFrom(SdpSection other) {
        attributes.addAll(other.attributes);
    }
}
