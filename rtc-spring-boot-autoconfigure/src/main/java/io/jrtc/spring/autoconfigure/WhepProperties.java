package io.jrtc.spring.autoconfigure;

/** {@code rtc.whep.*}: WHEP playback (draft-ietf-wish-whep): viewers POST an SDP offer to {@code {path}/{streamId}}. */
public class WhepProperties {

    /**
     * Path of the WHEP endpoints; a published stream is played at {path}/{streamId}.
     */
    private String path = "/whep";

    /**
     * Bearer token a viewer must present (Authorization: Bearer ...); none means anybody may play, as with
     * public HLS (protected mode does not cover playback).
     */
    private String token;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
