package io.jrtc.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** In-band opens carry the W3C reliability settings to the peer (RFC 8832 §5.1) and into every send. */
class DataChannelReliabilityTest {

    @ParameterizedTest(name = "ordered={0} maxRetransmits={1} maxPacketLifeTime={2} -> {3}/{4}")
    @CsvSource({
            "true,  ,     ,      RELIABLE,                          0",
            "false, ,     ,      RELIABLE_UNORDERED,                0",
            "true,  3,    ,      PARTIAL_RELIABLE_REXMIT,           3",
            "false, 0,    ,      PARTIAL_RELIABLE_REXMIT_UNORDERED, 0",
            "true,  ,     1500,  PARTIAL_RELIABLE_TIMED,            1500",
            "false, ,     65535, PARTIAL_RELIABLE_TIMED_UNORDERED,  65535"})
    void everyChannelTypeReachesThePeer(boolean ordered, Integer maxRetransmits, Integer maxPacketLifeTime,
            DcepChannelType expectedType, long expectedParameter) throws Exception {
        LinkedSctp link = LinkedSctp.established();
        DataChannelConfig config = new DataChannelConfig("rel", ordered, maxPacketLifeTime, maxRetransmits, "",
                false, null);

        DataChannelHandle local = link.server.engine.open(config);
        DcepOpen announced = DcepOpen.parse(link.server.sent.get(0).data());
        link.deliverAll();
        List<DataChannelEvent> remoteEvents = link.client.events();
        DataChannelHandle remote = remoteEvents.get(0).handle();

        assertThat(announced.channelType()).isEqualTo(expectedType);
        assertThat(announced.reliabilityParameter()).isEqualTo(expectedParameter);
        assertThat(remote.ordered()).isEqualTo(ordered);
        assertThat(remote.maxRetransmits()).isEqualTo(maxRetransmits);
        assertThat(remote.maxPacketLifeTime()).isEqualTo(maxPacketLifeTime);
        assertThat(remote.config()).isEqualTo(config.withId(local.id()));

        link.server.sent.clear();
        link.client.sent.clear();
        link.server.engine.send(local, new byte[] {1}, true);
        link.client.engine.send(remote, new byte[] {2}, true);
        Long lifetime = maxPacketLifeTime == null ? null : maxPacketLifeTime.longValue();
        for (LinkedSctp.Sent sent : List.of(link.server.sent.get(0), link.client.sent.get(0))) {
            assertThat(sent.unordered()).isEqualTo(!ordered);
            assertThat(sent.maxRetransmits()).isEqualTo(maxRetransmits);
            assertThat(sent.maxLifetimeMillis()).isEqualTo(lifetime);
        }
    }

    @Test
    void labelAndProtocolSurviveAsUtf8() {
        LinkedSctp link = LinkedSctp.established();
        String label = "données 🚀 通道";
        String protocol = "chat.v1+ü";

        link.client.engine.open(new DataChannelConfig(label, true, null, null, protocol, false, null));
        link.deliverAll();

        DataChannelHandle remote = link.server.events().get(0).handle();
        assertThat(remote.label()).isEqualTo(label);
        assertThat(remote.protocol()).isEqualTo(protocol);
    }

    @Test
    void aHugeRemoteReliabilityParameterIsClamped() {
        LinkedSctp link = LinkedSctp.established();

        link.client.engine.handleMessage(1, Ppid.DCEP,
                new DcepOpen(DcepChannelType.PARTIAL_RELIABLE_REXMIT, 0, 0xFFFFFFFFL, "", "").encode());

        assertThat(link.client.events().get(0).handle().maxRetransmits()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void configValidation() {
        assertThatThrownBy(() -> new DataChannelConfig("x", true, 10, 2, "", false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataChannelConfig("x", true, null, null, "", true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataChannelConfig("x", true, null, -1, "", false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataChannelConfig("x", true, null, null, "", true, 65535))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DataChannelConfig("x", true, null, null, null, false, null).protocol()).isEmpty();
        assertThat(List.of(DataChannelState.values())).extracting(DataChannelState::toString)
                .containsExactly("connecting", "open", "closing", "closed");
    }
}
