package io.jrtc.ice;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.function.LongConsumer;

/**
 * Responses to our connectivity and consent checks (RFC 8445 §7.2.5): a success from the address checked makes
 * the pair valid and may nominate or select it (§7.2.5.3, §8.1); a 487 switches role and retries (§7.2.5.1); any
 * other error, or a success from elsewhere (§7.2.5.2.1), fails the pair. A success on the selected pair renews
 * consent (RFC 7675 §5.1).
 */
final class CheckResponses {
    private final Checks checks;
    private final Consent consent;
    private final Nomination nomination;
    private final AgentRole role;
    private final LocalCandidates locals;
    private final CheckList checkList;
    private final LongConsumer onSelected;

    CheckResponses(Checks checks, Consent consent, Nomination nomination, AgentRole role, LocalCandidates locals,
            CheckList checkList, LongConsumer onSelected) {
        this.checks = checks;
        this.consent = consent;
        this.nomination = nomination;
        this.role = role;
        this.locals = locals;
        this.checkList = checkList;
        this.onSelected = onSelected;
    }

    void handle(long now, int socketId, InetSocketAddress from, StunMessage response) {
        Check check = checks.take(response);
        if (check == null) {
            return;
        }
        IceCandidatePair pair = check.pair();
        pair.onResponseReceived(now, checks.roundTrip(check, now));
        if (check.consent() || pair == nomination.selected()) {
            if (response.messageClass() == StunClass.SUCCESS_RESPONSE) {
                consent.granted(now);
            }
            if (check.consent()) {
                return;
            }
        }
        if (response.messageClass() == StunClass.ERROR_RESPONSE) {
            onError(check, response);
        } else if (!pair.matches(socketId, from)) {
            pair.state(IceCandidatePairState.FAILED);
        } else {
            onSuccess(now, check, response);
        }
        if (check.useCandidate()) {
            nomination.onNominationCheckEnded(pair);
        }
    }

    private void onError(Check check, StunMessage response) {
        IceCandidatePair pair = check.pair();
        int code = response.errorCode() == null ? 0 : response.errorCode().code();
        if (code == 487) {
            role.switchTo(check.sentControlling() ? IceRole.CONTROLLED : IceRole.CONTROLLING);
            pair.state(IceCandidatePairState.WAITING);
            checkList.enqueueTriggered(pair, false);
        } else if (pair.state() != IceCandidatePairState.SUCCEEDED) {
            pair.state(IceCandidatePairState.FAILED);
        }
    }

    private void onSuccess(long now, Check check, StunMessage response) {
        IceCandidatePair pair = check.pair();
        InetSocketAddress mapped = response.xorMappedAddress();
        if (mapped != null) {
            locals.addPeerReflexive(locals.socket(pair.localSocketId()), mapped, check.sentPriority());
        }
        pair.state(IceCandidatePairState.SUCCEEDED);
        boolean nominatedNow = role.isControlling() ? check.useCandidate() : pair.nominateOnSuccess();
        if (nomination.onValid(now, pair, role.current(), nominatedNow)) {
            onSelected.accept(now);
        }
    }
}
