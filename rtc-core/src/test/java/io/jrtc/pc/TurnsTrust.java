package io.jrtc.pc;

import io.jrtc.net.TlsClientSettings;
import io.jrtc.pc.internal.transport.TurnRelays;
import io.jrtc.turn.CoturnServer;
import java.util.function.Function;

/**
 * For tests outside this package: while open, {@code turns:} connections of every peer connection trust the test
 * coturn's self-signed certificate (hostname verification stays on); closing restores the system trust store.
 */
public final class TurnsTrust implements AutoCloseable {
    private final Function<String, TlsClientSettings> previous;

    private TurnsTrust(Function<String, TlsClientSettings> previous) {
        this.previous = previous;
    }

    public static TurnsTrust coturn(CoturnServer coturn) {
        TurnsTrust trust = new TurnsTrust(TurnRelays.tlsSettings());
        TurnRelays.useTlsSettings(host -> TlsClientSettings.trusting(host, coturn.certificate()));
        return trust;
    }

    @Override
    public void close() {
        TurnRelays.useTlsSettings(previous);
    }
}
