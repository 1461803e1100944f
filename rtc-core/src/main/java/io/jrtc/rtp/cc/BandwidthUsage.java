package io.jrtc.rtp.cc;

/** What the overuse detector makes of the delay trend (draft-ietf-rmcat-gcc-02 §5.4). */
public enum BandwidthUsage {
    NORMAL, OVERUSING, UNDERUSING
}
