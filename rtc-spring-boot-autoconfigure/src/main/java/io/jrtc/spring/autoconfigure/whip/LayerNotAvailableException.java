package io.jrtc.spring.autoconfigure.whip;

/**
 * A layer selection the WHEP session cannot make (422): a RID the publisher does not send, a spatial layer or size
 * cap it cannot honour, a media id that is no video m-line. The message names what is available.
 */
public class LayerNotAvailableException extends WhipException {
    public LayerNotAvailableException(String message) {
        super(422, "layer-not-available", "Layer not available", message);
    }
}
