package io.jrtc.interop;

import io.jrtc.media.AudioMeasurements;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelInit;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Our own stack behind the interop harness's API, so the same scenarios run jrtc against each real peer. */
public final class JrtcPeer implements InteropPeer {
    private static final long HIGH_WATER = 1 << 20;
    private static final long LOW_WATER = 256 * 1024;

    private final RtcEngine engine;
    private final RTCPeerConnection pc;
    private final Map<String, RTCDataChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, LinkedBlockingQueue<ReceivedMessage>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, BulkReceiver> bulks = new ConcurrentHashMap<>();
    private final Map<String, Boolean> echoing = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Double> audioFrequency = new CompletableFuture<>();
    private final MediaRelay relay = new MediaRelay();
    private volatile RTCRtpTransceiver videoEcho;

    public JrtcPeer() {
        this(new RTCConfiguration());
    }

    public JrtcPeer(RTCConfiguration configuration) {
        this(configuration, RtcEngineSettings.defaults());
    }

    /** A peer on an engine of these settings (ICE-lite, say). */
    public JrtcPeer(RTCConfiguration configuration, RtcEngineSettings settings) {
        engine = RtcEngine.create(settings);
        pc = engine.newPeerConnection(configuration);
        pc.onConnectionStateChange(state -> log.add("connectionState " + state));
        pc.onIceConnectionStateChange(state -> log.add("iceConnectionState " + state));
        pc.onDataChannel(this::track);
        pc.onTrack(event -> {
            log.add("remote track " + event.track().getKind() + " " + event.track().getId());
            if (event.track().getKind() == MediaKind.AUDIO) {
                CompletableFuture.runAsync(() -> measureAudio(event.track()));
            } else if (videoEcho != null && event.transceiver() == videoEcho) {
                // Send the received video straight back, as a relay would; the viewer needs a keyframe first.
                MediaStreamTrack copy = relay.subscribe(event.track());
                videoEcho.getSender().replaceTrack(copy);
                copy.requestKeyframe();
            }
        });
    }

    /** The ICE role our agent took (a lite one stays controlled, RFC 8445 §6.1.1). */
    public io.jrtc.pc.RTCIceRole iceRole() {
        return pc.getSctp().getTransport().getTransport().getRole();
    }

    private void measureAudio(MediaStreamTrack track) {
        try {
            double frequency = AudioMeasurements.dominantFrequency(track);
            log.add(String.format("remote audio: %.1f Hz", frequency));
            audioFrequency.complete(frequency);
        } catch (Exception e) {
            log.add("audio measurement failed: " + e);
            audioFrequency.completeExceptionally(e);
        }
    }

    public RTCPeerConnection peerConnection() {
        return pc;
    }

    @Override
    public String name() {
        return "jrtc";
    }

    @Override
    public void createDataChannel(String label, boolean ordered, Integer maxRetransmits, Integer maxPacketLifeTime,
                                  boolean negotiated, Integer id) {
        RTCDataChannelInit init = new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, "",
                negotiated, id);
        track(pc.createDataChannel(label, init));
    }

    @Override
    public String createOffer() {
        await(pc.setLocalDescription());
        await(pc.gatheringComplete());
        return pc.getLocalDescription().sdp();
    }

    @Override
    public String acceptOffer(String offerSdp) {
        await(pc.setRemoteDescription(new RTCSessionDescription(offerSdp, RTCSdpType.OFFER)));
        await(pc.setLocalDescription());
        await(pc.gatheringComplete());
        return pc.getLocalDescription().sdp();
    }

    @Override
    public void acceptAnswer(String answerSdp) {
        await(pc.setRemoteDescription(new RTCSessionDescription(answerSdp, RTCSdpType.ANSWER)));
    }

    @Override
    public void awaitChannelOpen(String label, Duration timeout) {
        waitFor("channel " + label + " open", timeout, () -> {
            RTCDataChannel channel = channels.get(label);
            return channel != null && channel.getReadyState() == RTCDataChannelState.OPEN;
        });
    }

    @Override
    public void sendText(String label, String text) {
        channel(label).send(text);
    }

    @Override
    public void sendBinary(String label, byte[] data) {
        channel(label).send(data);
    }

    @Override
    public ReceivedMessage awaitMessage(String label, Duration timeout) {
        try {
            ReceivedMessage message = inbox(label).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw failure("no message on " + label + " within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    @Override
    public String sendBulk(String label, long totalBytes, int chunkSize, Duration timeout) {
        RTCDataChannel channel = channel(label);
        Semaphore low = new Semaphore(0);
        channel.setBufferedAmountLowThreshold(LOW_WATER);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var ignored = channel.onBufferedAmountLow(low::release)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Random random = new Random(totalBytes);
            for (long sent = 0; sent < totalBytes; ) {
                while (channel.getBufferedAmount() >= HIGH_WATER) {
                    if (System.nanoTime() > deadline) {
                        throw failure("bulk send on " + label + " timed out after " + sent + " bytes");
                    }
                    low.tryAcquire(20, TimeUnit.MILLISECONDS);
                }
                byte[] data = new byte[(int) Math.min(chunkSize, totalBytes - sent)];
                random.nextBytes(data);
                digest.update(data);
                channel.send(data);
                sent += data.length;
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } catch (java.security.GeneralSecurityException e) {
            throw failure("no SHA-256: " + e);
        }
    }

    @Override
    public void expectBulk(String label, long totalBytes) {
        bulks.put(label, new BulkReceiver(totalBytes));
    }

    @Override
    public String awaitBulk(String label, Duration timeout) {
        BulkReceiver bulk = bulks.get(label);
        if (bulk == null) {
            throw failure("expectBulk was not called for " + label);
        }
        try {
            return bulk.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw failure("bulk receive on " + label + " got " + bulk.received + " of " + bulk.total + " bytes");
        }
    }

    @Override
    public void enableEcho(String label) {
        echoing.put(label, true);
    }

    @Override
    public void closeChannel(String label) {
        channel(label).close();
    }

    @Override
    public void awaitChannelClosed(String label, Duration timeout) {
        waitFor("channel " + label + " closed", timeout,
                () -> channel(label).getReadyState() == RTCDataChannelState.CLOSED);
    }

    /**
     * Sends back on the same connection, coded as they came, the video frames the remote sends us; in this codec
     * only (e.g. "video/H264"), or any when null.
     */
    public void echoVideo(String mimeType) {
        // addTrack, so that a remote offer's video m-line takes this transceiver (RFC 8829 §5.10)
        pc.addTrack(new BufferedTrack(MediaKind.VIDEO, 1));
        RTCRtpTransceiver transceiver = pc.getTransceivers().get(pc.getTransceivers().size() - 1);
        if (mimeType != null) {
            transceiver.setCodecPreferences(RTCRtpSender.getCapabilities("video").codecs().stream()
                    .filter(c -> c.mimeType().equalsIgnoreCase(mimeType)).toList());
        }
        videoEcho = transceiver;
    }

    @Override
    public void addToneTrack(double frequency) {
        pc.addTrack(new ToneAudioTrack(frequency, 8000));
    }

    @Override
    public double awaitAudioFrequency(Duration timeout) {
        try {
            return audioFrequency.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new InteropPeerException("jrtc: no remote audio measured: " + e, e);
        }
    }

    @Override
    public String connectionState() {
        return pc.getConnectionState().toString();
    }

    @Override
    public void awaitConnectionState(String state, Duration timeout) {
        waitFor("connectionState " + state, timeout, () -> connectionState().equals(state));
    }

    @Override
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        try {
            pc.close().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.add("close: " + e);
        }
        engine.close();
    }

    private void track(RTCDataChannel channel) {
        String label = channel.getLabel();
        channels.put(label, channel);
        channel.onOpen(() -> log.add("channel " + label + " open, id " + channel.getId()));
        channel.onClose(() -> log.add("channel " + label + " closed"));
        channel.onMessage(message -> onMessage(channel, message));
    }

    private void onMessage(RTCDataChannel channel, RTCDataChannelMessage message) {
        String label = channel.getLabel();
        BulkReceiver bulk = bulks.get(label);
        if (bulk != null && !bulk.done.isDone()) {
            bulk.accept(message.data());
        } else if (echoing.containsKey(label)) {
            if (message.binary()) {
                channel.send(message.data());
            } else {
                channel.send(message.text());
            }
        } else {
            inbox(label).add(new ReceivedMessage(message.binary(), message.data()));
        }
    }

    private LinkedBlockingQueue<ReceivedMessage> inbox(String label) {
        return inboxes.computeIfAbsent(label, l -> new LinkedBlockingQueue<>());
    }

    private RTCDataChannel channel(String label) {
        RTCDataChannel channel = channels.get(label);
        if (channel == null) {
            throw failure("no channel labelled " + label);
        }
        return channel;
    }

    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new InteropPeerException("jrtc: " + e + " | log: " + log(), e);
        }
    }

    private void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw failure("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted");
            }
        }
    }

    private InteropPeerException failure(String message) {
        return new InteropPeerException("jrtc: " + message + " | log: " + log());
    }

    private static final class BulkReceiver {
        final long total;
        final CompletableFuture<String> done = new CompletableFuture<>();
        final MessageDigest digest;
        long received;

        BulkReceiver(long total) {
            this.total = total;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            if (total == 0) {
                done.complete(HexFormat.of().formatHex(digest.digest()));
            }
        }

        void accept(byte[] data) {
            digest.update(data);
            received += data.length;
            if (received >= total) {
                done.complete(HexFormat.of().formatHex(digest.digest()));
            }
        }
    }
}
