package io.jrtc.sctp;

import io.jrtc.sctp.wire.NetworkBytes;
import io.jrtc.sctp.wire.ReConfigChunk;
import io.jrtc.sctp.wire.ReConfigParameter;
import io.jrtc.sctp.wire.ReConfigParameter.IncomingSsnResetRequest;
import io.jrtc.sctp.wire.ReConfigParameter.OutgoingSsnResetRequest;
import io.jrtc.sctp.wire.ReConfigParameter.ReconfigurationResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Stream reset (RFC 6525) in both directions.
 * <p>
 * Outgoing (§5.1.2): a stream asked to reset first sends what was queued before the call, then pauses; paused
 * streams go out in one Outgoing SSN Reset Request carrying the Sender's Last Assigned TSN. One request is in
 * flight at a time, retransmitted with the same sequence number on timeout. "In progress" answers are retried
 * after an RTO with a new sequence number (as dcSCTP expects). Success resets the streams' SSN to 0.
 * <p>
 * Incoming (§5.2.2): requests are taken in sequence-number order; a retransmitted one gets the previous answer.
 * When the peer's last assigned TSN has not arrived yet the answer is "In progress", and the reset happens when
 * the request is repeated after the data arrived.
 */
final class StreamResetHandler {
    private final DataSender sender;
    private final DataReceiver receiver;
    private final RtoEstimator rto;
    private final Consumer<SctpEvent> events;
    private final TreeSet<Integer> pending = new TreeSet<>();
    private final ArrayDeque<ReconfigurationResponse> responses = new ArrayDeque<>();
    private boolean peerSupportsReconfig;
    private int nextRequestSequence;
    private OutgoingSsnResetRequest inFlight;
    private boolean requestDue;
    private boolean retryWithNewSequence;
    private long deadline = Long.MAX_VALUE;
    private int lastPeerSequence;
    private int lastPeerResult;
    private OutgoingSsnResetRequest deferred;

    StreamResetHandler(DataSender sender, DataReceiver receiver, RtoEstimator rto, Consumer<SctpEvent> events) {
        this.sender = sender;
        this.receiver = receiver;
        this.rto = rto;
        this.events = events;
    }

    /** Request sequence numbers start at each side's initial TSN (RFC 6525 §4.1). */
    void start(int localInitialTsn, int peerInitialTsn, boolean peerSupportsReconfig) {
        this.nextRequestSequence = localInitialTsn;
        this.lastPeerSequence = peerInitialTsn - 1;
        this.lastPeerResult = ReConfigParameter.RESULT_SUCCESS_NOTHING_TO_DO;
        this.peerSupportsReconfig = peerSupportsReconfig;
    }

    long deadline() {
        return deadline;
    }

    void request(int[] streamIds) {
        if (!peerSupportsReconfig) {
            events.accept(new SctpEvent.StreamResetFailed(streamIds.clone(), "peer does not support RE-CONFIG"));
            return;
        }
        for (int id : streamIds) {
            OutboundStream s = sender.queue.stream(id);
            if (!s.resetRequested) {
                sender.queue.requestReset(s);
                pending.add(id);
            }
        }
    }

    /** The RE-CONFIG chunk to send now (a new or repeated request and/or answers), or null. */
    ReConfigChunk poll(long now) {
        if (inFlight == null && !pending.isEmpty()) {
            prepareRequest(now);
        }
        if (!(requestDue && inFlight != null) && responses.isEmpty()) {
            return null;
        }
        List<ReConfigParameter> params = new ArrayList<>(2);
        if (requestDue && inFlight != null) {
            requestDue = false;
            params.add(inFlight);
        }
        while (params.size() < 2 && !responses.isEmpty()) {
            params.add(responses.poll());
        }
        return params.isEmpty() ? null : new ReConfigChunk(params);
    }

    private void prepareRequest(long now) {
        List<Integer> ready = new ArrayList<>();
        for (int id : pending) {
            if (sender.queue.stream(id).paused) {
                ready.add(id);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        pending.removeAll(ready);
        int[] ids = ready.stream().mapToInt(Integer::intValue).toArray();
        inFlight = new OutgoingSsnResetRequest(nextRequestSequence++, lastPeerSequence, sender.lastAssignedTsn(),
                ids);
        requestDue = true;
        retryWithNewSequence = false;
        deadline = now + rto.rto();
    }

    /** Returns true when the expiry counts against the association's error counter (an unanswered request). */
    boolean onTimeout(long now) {
        if (now < deadline || inFlight == null) {
            return false;
        }
        boolean unanswered = !retryWithNewSequence;
        if (retryWithNewSequence) {
            inFlight = new OutgoingSsnResetRequest(nextRequestSequence++, lastPeerSequence,
                    inFlight.senderLastAssignedTsn(), inFlight.streamIds());
            retryWithNewSequence = false;
        } else {
            rto.backOff();
        }
        requestDue = true;
        deadline = now + rto.rto();
        return unanswered;
    }

    void onReConfig(long now, ReConfigChunk chunk) {
        for (ReConfigParameter p : chunk.parameters()) {
            if (p instanceof OutgoingSsnResetRequest r) {
                onPeerOutgoingReset(r);
            } else if (p instanceof IncomingSsnResetRequest r) {
                onPeerIncomingReset(r);
            } else if (p instanceof ReconfigurationResponse r) {
                onResponse(now, r);
            } else if (p instanceof ReConfigParameter.Other o && o.value().length >= 4) {
                // SSN/TSN reset and stream additions are not offered; refuse them in sequence.
                int seq = NetworkBytes.i32(o.value(), 0);
                if (acceptSequence(seq)) {
                    answer(seq, ReConfigParameter.RESULT_DENIED);
                }
            }
        }
    }

    private void onPeerOutgoingReset(OutgoingSsnResetRequest r) {
        int seq = r.requestSequenceNumber();
        if (seq == lastPeerSequence) {
            if (lastPeerResult == ReConfigParameter.RESULT_IN_PROGRESS && deferred != null && reached(deferred)) {
                perform(deferred.streamIds());
                deferred = null;
                lastPeerResult = ReConfigParameter.RESULT_SUCCESS_PERFORMED;
            }
            responses.add(new ReconfigurationResponse(seq, lastPeerResult));
            return;
        }
        if (!acceptSequence(seq)) {
            return;
        }
        if (reached(r)) {
            deferred = null;
            perform(r.streamIds());
            answer(seq, ReConfigParameter.RESULT_SUCCESS_PERFORMED);
        } else {
            deferred = r;
            answer(seq, ReConfigParameter.RESULT_IN_PROGRESS);
        }
    }

    /** We never have pending resets the peer could ask for beyond what it will get anyway: nothing to do. */
    private void onPeerIncomingReset(IncomingSsnResetRequest r) {
        int seq = r.requestSequenceNumber();
        if (seq == lastPeerSequence) {
            responses.add(new ReconfigurationResponse(seq, lastPeerResult));
        } else if (acceptSequence(seq)) {
            answer(seq, ReConfigParameter.RESULT_SUCCESS_NOTHING_TO_DO);
        }
    }

    /** True for the next expected request; otherwise answers "bad sequence number" and returns false. */
    private boolean acceptSequence(int seq) {
        if (seq != lastPeerSequence + 1) {
            responses.add(new ReconfigurationResponse(seq, ReConfigParameter.RESULT_ERROR_BAD_SEQUENCE_NUMBER));
            return false;
        }
        return true;
    }

    private void answer(int seq, int result) {
        lastPeerSequence = seq;
        lastPeerResult = result;
        responses.add(new ReconfigurationResponse(seq, result));
    }

    private boolean reached(OutgoingSsnResetRequest r) {
        long cum = receiver.cumulativeTsn();
        return SerialNumbers.unwrapTsn(cum, r.senderLastAssignedTsn()) <= cum;
    }

    private void perform(int[] streamIds) {
        receiver.resetStreams(streamIds);
        events.accept(new SctpEvent.IncomingStreamsReset(streamIds.clone()));
    }

    private void onResponse(long now, ReconfigurationResponse r) {
        if (inFlight == null || r.responseSequenceNumber() != inFlight.requestSequenceNumber()) {
            return;
        }
        int[] ids = inFlight.streamIds();
        switch (r.result()) {
            case ReConfigParameter.RESULT_SUCCESS_PERFORMED, ReConfigParameter.RESULT_SUCCESS_NOTHING_TO_DO -> {
                finish(ids, true);
                events.accept(new SctpEvent.OutgoingStreamsReset(ids.clone()));
            }
            case ReConfigParameter.RESULT_IN_PROGRESS -> {
                retryWithNewSequence = true;
                requestDue = false;
                deadline = now + rto.rto();
            }
            default -> {
                finish(ids, false);
                events.accept(new SctpEvent.StreamResetFailed(ids.clone(), "peer answered " + r.result()));
            }
        }
    }

    private void finish(int[] ids, boolean success) {
        for (int id : ids) {
            sender.queue.completeReset(sender.queue.stream(id), success);
        }
        inFlight = null;
        requestDue = false;
        deadline = Long.MAX_VALUE;
    }
}
