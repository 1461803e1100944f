package io.jrtc.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.datachannel.DataChannelEvent.ChannelOpenedByRemote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A peer cannot make the engine hold more than {@link DataChannelLimits} allows; past it, RFC 8831 §6.7 closes. */
class DataChannelLimitsTest {

    private static LinkedSctp link(DataChannelLimits serverLimits) {
        LinkedSctp link = new LinkedSctp(65535);
        link.server.engine = new DataChannelEngine(link.server, false, 65535, serverLimits);
        link.client.engine.onAssociationEstablished();
        link.server.engine.onAssociationEstablished();
        return link;
    }

    private static long openedByRemote(LinkedSctp.Side side) {
        return side.events().stream().filter(ChannelOpenedByRemote.class::isInstance).count();
    }

    @Test
    void theDefaultsAreOneThousandTwentyFourChannelsAndOneKibibyteOfLabelPlusProtocol() {
        assertThat(DataChannelLimits.defaults()).isEqualTo(new DataChannelLimits(1024, 1024));
    }

    @Test
    void theChannelPastTheRemoteLimitIsRefusedByAStreamResetAndClosesOnThePeer() {
        LinkedSctp link = link(DataChannelLimits.defaults());
        List<DataChannelHandle> opened = new ArrayList<>();
        for (int i = 0; i < 1025; i++) {
            opened.add(link.client.engine.open(DataChannelConfig.reliable("c" + i)));
        }
        link.deliverAll();

        assertThat(openedByRemote(link.server)).isEqualTo(1024);
        assertThat(link.server.engine.channels()).hasSize(1024);
        assertThat(link.server.engine.droppedMessages()).isEqualTo(1);
        assertThat(link.server.resets).singleElement().satisfies(ids -> assertThat(ids).containsExactly(2048));
        assertThat(opened.get(1024).state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(opened.get(1023).state()).isEqualTo(DataChannelState.OPEN);
    }

    @Test
    void closingARemoteChannelMakesRoomForAnother() {
        LinkedSctp link = link(new DataChannelLimits(2, 1024));
        DataChannelHandle first = link.client.engine.open(DataChannelConfig.reliable("a"));
        link.client.engine.open(DataChannelConfig.reliable("b"));
        link.deliverAll();
        link.client.engine.close(first);
        link.deliverAll();
        link.server.events();

        DataChannelHandle third = link.client.engine.open(DataChannelConfig.reliable("c"));
        link.deliverAll();

        assertThat(openedByRemote(link.server)).isEqualTo(1);
        assertThat(third.state()).isEqualTo(DataChannelState.OPEN);
    }

    @Test
    void aLabelPlusProtocolPastTheLimitIsRefusedAndOneAtTheLimitIsAccepted() {
        LinkedSctp link = link(DataChannelLimits.defaults());
        DataChannelHandle atLimit = link.client.engine.open(
                new DataChannelConfig("l".repeat(1000), true, null, null, "p".repeat(24), false, null));
        DataChannelHandle past = link.client.engine.open(
                new DataChannelConfig("l".repeat(1000), true, null, null, "p".repeat(25), false, null));
        link.deliverAll();

        assertThat(link.server.engine.channels()).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(atLimit.id()));
        assertThat(past.state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(atLimit.state()).isEqualTo(DataChannelState.OPEN);
    }

    @Test
    void aTooLongOpenOnAStreamInUseLeavesThatChannelAlone() {
        LinkedSctp link = link(DataChannelLimits.defaults());
        DataChannelHandle chat = link.client.engine.open(DataChannelConfig.reliable("chat"));
        link.deliverAll();
        byte[] hostile = new DcepOpen(DcepChannelType.RELIABLE, 256, 0, "x".repeat(5000), "").encode();

        link.server.engine.handleMessage(chat.id(), Ppid.DCEP, hostile);

        assertThat(link.server.engine.channel(chat.id()).state()).isEqualTo(DataChannelState.OPEN);
        assertThat(link.server.resets).isEmpty();
    }

    @Test
    void limitsOutsideTheirRangeAreRejected() {
        assertThatThrownBy(() -> new DataChannelLimits(-1, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataChannelLimits(1024, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
