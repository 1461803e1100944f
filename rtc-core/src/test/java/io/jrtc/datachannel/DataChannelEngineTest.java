package io.jrtc.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.datachannel.DataChannelEvent.ChannelOpenedByRemote;
import io.jrtc.datachannel.DataChannelEvent.Closed;
import io.jrtc.datachannel.DataChannelEvent.Closing;
import io.jrtc.datachannel.DataChannelEvent.Message;
import io.jrtc.datachannel.DataChannelEvent.Opened;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataChannelEngineTest {
    private final LinkedSctp link = LinkedSctp.established();
    private final DataChannelEngine client = link.client.engine;
    private final DataChannelEngine server = link.server.engine;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private DataChannelHandle remoteCounterpart(LinkedSctp.Side side) {
        List<DataChannelEvent> events = side.events();
        assertThat(events).singleElement().isInstanceOf(ChannelOpenedByRemote.class);
        return events.get(0).handle();
    }

    @Test
    void theDtlsClientOpensEvenIdsAndTheChannelIsOpenOnceItsOpenIsSent() throws Exception {
        DataChannelHandle chat = client.open(DataChannelConfig.reliable("chat"));

        assertThat(chat.id()).isZero();
        assertThat(chat.state()).isEqualTo(DataChannelState.OPEN);
        assertThat(link.client.events()).containsExactly(new Opened(chat));
        assertThat(link.client.sent).singleElement().satisfies(s -> {
            assertThat(s.streamId()).isZero();
            assertThat(s.ppid()).isEqualTo(Ppid.DCEP);
            assertThat(s.unordered()).isFalse();
            assertThat(s.maxRetransmits()).isNull();
            assertThat(s.maxLifetimeMillis()).isNull();
            assertThat(DcepOpen.parse(s.data()))
                    .isEqualTo(new DcepOpen(DcepChannelType.RELIABLE, 256, 0, "chat", ""));
        });

        link.deliverAll();

        DataChannelHandle remote = remoteCounterpart(link.server);
        assertThat(remote.id()).isZero();
        assertThat(remote.state()).isEqualTo(DataChannelState.OPEN);
        assertThat(remote.label()).isEqualTo("chat");
        assertThat(remote.openedByRemote()).isTrue();
        assertThat(remote.negotiated()).isFalse();
        assertThat(remote.priority()).isEqualTo(256);
        assertThat(link.server.sent).singleElement()
                .satisfies(s -> assertThat(s.data()).containsExactly(DcepAck.MESSAGE_TYPE));
        assertThat(link.client.events()).isEmpty();
        assertThat(client.droppedMessages()).isZero();
        assertThat(client.open(DataChannelConfig.reliable("second")).id()).isEqualTo(2);
        assertThat(client.open(DataChannelConfig.reliable("third")).id()).isEqualTo(4);
    }

    @Test
    void anUnorderedChannelSendsOrderedUntilTheAckSoNothingOvertakesItsOpen() {
        DataChannelHandle fast = client.open(new DataChannelConfig("u", false, null, 0, "", false, null));
        client.send(fast, new byte[] {1}, true);
        link.deliverAll();
        client.send(fast, new byte[] {2}, true);

        assertThat(link.client.sent).extracting(LinkedSctp.Sent::unordered).containsExactly(false, false, true);
        assertThat(link.client.sent.get(1).maxRetransmits()).isZero();
        assertThat(remoteCounterpartMessages(link.server)).containsExactly(1);
    }

    private static List<Integer> remoteCounterpartMessages(LinkedSctp.Side side) {
        return side.events().stream().filter(Message.class::isInstance)
                .map(e -> (int) ((Message) e).data()[0]).toList();
    }

    @Test
    void theDtlsServerOpensOddIds() {
        DataChannelHandle first = server.open(DataChannelConfig.reliable("a"));
        DataChannelHandle second = server.open(DataChannelConfig.reliable("b"));
        link.deliverAll();

        assertThat(first.id()).isEqualTo(1);
        assertThat(second.id()).isEqualTo(3);
        assertThat(link.client.events()).extracting(e -> e.handle().id()).containsExactly(1, 3);
        assertThat(link.server.events()).containsExactly(new Opened(first), new Opened(second));
        assertThat(client.channels()).extracting(DataChannelHandle::label).containsExactly("a", "b");
    }

    @Test
    void channelsCreatedBeforeTheAssociationWaitForIt() {
        LinkedSctp fresh = new LinkedSctp(16);
        DataChannelHandle inBand = fresh.client.engine.open(DataChannelConfig.reliable("early"));
        DataChannelHandle negotiated = fresh.client.engine.open(DataChannelConfig.negotiated("n", 7));

        assertThat(fresh.client.sent).isEmpty();
        assertThat(fresh.client.events()).isEmpty();
        assertThat(inBand.state()).isEqualTo(DataChannelState.CONNECTING);
        assertThat(negotiated.state()).isEqualTo(DataChannelState.CONNECTING);

        fresh.server.engine.onAssociationEstablished();
        fresh.client.engine.onAssociationEstablished();
        fresh.client.engine.onAssociationEstablished();

        assertThat(fresh.client.sent).singleElement().satisfies(s -> assertThat(s.ppid()).isEqualTo(Ppid.DCEP));
        assertThat(fresh.client.events()).containsExactlyInAnyOrder(new Opened(inBand), new Opened(negotiated));
        fresh.deliverAll();
        assertThat(fresh.client.events()).isEmpty();
        assertThat(fresh.server.events()).singleElement().isInstanceOf(ChannelOpenedByRemote.class);
    }

    @Test
    void negotiatedChannelsOpenAtOnceWithoutDcep() {
        DataChannelHandle mine = client.open(new DataChannelConfig("n", false, null, 2, "p", true, 5));
        DataChannelHandle theirs = server.open(new DataChannelConfig("n", false, null, 2, "p", true, 5));

        assertThat(mine.state()).isEqualTo(DataChannelState.OPEN);
        assertThat(link.client.events()).containsExactly(new Opened(mine));
        assertThat(link.server.events()).containsExactly(new Opened(theirs));
        assertThat(link.client.sent).isEmpty();

        client.send(mine, utf8("hi"), false);
        server.send(theirs, new byte[] {1, 2}, true);
        link.deliverAll();

        assertThat(link.client.sent).singleElement().satisfies(s -> {
            assertThat(s.unordered()).isTrue();
            assertThat(s.maxRetransmits()).isEqualTo(2);
        });
        assertThat(link.server.events()).singleElement().isInstanceOfSatisfying(Message.class, m -> {
            assertThat(m.handle()).isSameAs(theirs);
            assertThat(m.binary()).isFalse();
            assertThat(m.data()).isEqualTo(utf8("hi"));
        });
        assertThat(link.client.events()).singleElement().isInstanceOfSatisfying(Message.class,
                m -> assertThat(m.data()).containsExactly(1, 2));
    }

    @Test
    void stringAndBinaryMessagesIncludingEmptyOnes() {
        DataChannelHandle chat = client.open(DataChannelConfig.reliable("chat"));
        link.deliverAll();
        DataChannelHandle remote = remoteCounterpart(link.server);
        link.client.events();
        link.client.sent.clear();

        client.sendText(chat, "héllo");
        client.send(chat, new byte[] {0, (byte) 0xFF}, true);
        client.send(chat, new byte[0], false);
        client.send(chat, new byte[0], true);
        link.deliverAll();

        assertThat(link.client.sent).extracting(LinkedSctp.Sent::ppid)
                .containsExactly(Ppid.STRING, Ppid.BINARY, Ppid.STRING_EMPTY, Ppid.BINARY_EMPTY);
        assertThat(link.client.sent.get(2).data()).containsExactly(0);
        assertThat(link.client.sent.get(3).data()).containsExactly(0);
        List<DataChannelEvent> received = link.server.events();
        assertThat(received).hasSize(4).allSatisfy(e -> assertThat(e.handle()).isSameAs(remote));
        assertThat(received).extracting(e -> ((Message) e).binary()).containsExactly(false, true, false, true);
        assertThat(received).extracting(e -> ((Message) e).data()).containsExactly(utf8("héllo"),
                new byte[] {0, (byte) 0xFF}, new byte[0], new byte[0]);
    }

    @Test
    void legacyPartialPpidsAreDeliveredAsWholeMessages() {
        DataChannelHandle negotiated = client.open(DataChannelConfig.negotiated("x", 9));
        link.client.events();

        client.handleMessage(9, Ppid.STRING_PARTIAL, utf8("s"));
        client.handleMessage(9, Ppid.BINARY_PARTIAL, new byte[] {7});

        assertThat(link.client.events()).extracting(e -> ((Message) e).binary()).containsExactly(false, true);
        assertThat(negotiated.state()).isEqualTo(DataChannelState.OPEN);
    }

    @Test
    void closeFromTheOpenerResetsBothDirections() {
        DataChannelHandle chat = client.open(DataChannelConfig.reliable("chat"));
        link.deliverAll();
        DataChannelHandle remote = remoteCounterpart(link.server);
        link.client.events();

        client.close(chat);

        assertThat(chat.state()).isEqualTo(DataChannelState.CLOSING);
        assertThat(link.client.events()).containsExactly(new Closing(chat));
        assertThat(link.client.resets).singleElement().satisfies(ids -> assertThat(ids).containsExactly(0));
        assertThatThrownBy(() -> client.send(chat, new byte[1], true)).isInstanceOf(IllegalStateException.class);
        client.close(chat);
        assertThat(link.client.resets).hasSize(1);

        link.deliverAll();

        assertThat(link.server.events()).containsExactly(new Closing(remote), new Closed(remote));
        assertThat(link.server.resets).singleElement().satisfies(ids -> assertThat(ids).containsExactly(0));
        assertThat(remote.state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(link.client.events()).containsExactly(new Closed(chat));
        assertThat(chat.state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(client.channel(0)).isNull();
        assertThat(server.channels()).isEmpty();
        assertThat(client.open(DataChannelConfig.reliable("reused")).id()).isZero();
    }

    @Test
    void closeFromTheAccepter() {
        DataChannelHandle chat = client.open(DataChannelConfig.reliable("chat"));
        link.deliverAll();
        DataChannelHandle remote = remoteCounterpart(link.server);
        link.client.events();

        server.close(remote);
        link.deliverAll();

        assertThat(link.client.events()).containsExactly(new Closing(chat), new Closed(chat));
        assertThat(link.server.events()).containsExactly(new Closing(remote), new Closed(remote));
        assertThat(chat.state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(remote.state()).isEqualTo(DataChannelState.CLOSED);
    }

    @Test
    void messagesAfterCloseAreDropped() {
        DataChannelHandle negotiated = client.open(DataChannelConfig.negotiated("x", 4));
        link.client.events();
        client.close(negotiated);
        link.client.events();

        client.handleMessage(4, Ppid.STRING, utf8("late"));

        assertThat(link.client.events()).isEmpty();
        assertThat(client.droppedMessages()).isEqualTo(1);
    }

    @Test
    void closingAChannelThatNeverReachedTheWireIsImmediate() {
        LinkedSctp fresh = new LinkedSctp(16);
        DataChannelHandle early = fresh.client.engine.open(DataChannelConfig.reliable("early"));

        fresh.client.engine.close(early);

        assertThat(early.state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(fresh.client.events()).containsExactly(new Closed(early));
        fresh.client.engine.onAssociationEstablished();
        assertThat(fresh.client.sent).isEmpty();
        assertThat(fresh.client.resets).isEmpty();
    }

    @Test
    void aRejectedOpenClosesTheChannel() {
        DataChannelHandle chat = client.open(DataChannelConfig.reliable("chat"));
        link.dropAll();

        client.handleIncomingStreamReset(new int[] {0, 99});

        assertThat(link.client.events()).containsExactly(new Opened(chat), new Closing(chat), new Closed(chat));
        assertThat(link.client.resets).singleElement().satisfies(ids -> assertThat(ids).containsExactly(0));
    }

    @Test
    void associationLossClosesEverything() {
        DataChannelHandle a = client.open(DataChannelConfig.reliable("a"));
        DataChannelHandle b = client.open(DataChannelConfig.negotiated("b", 10));
        link.deliverAll();
        link.client.events();

        client.handleAssociationClosed();

        assertThat(link.client.events()).containsExactly(new Closed(a), new Closed(b));
        assertThat(a.state()).isEqualTo(DataChannelState.CLOSED);
        assertThat(client.associationEstablished()).isFalse();
        assertThatThrownBy(() -> client.open(DataChannelConfig.reliable("c")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(client::onAssociationEstablished).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMessageOvertakingTheAckCountsAsTheAck() {
        DataChannelHandle chat = client.open(new DataChannelConfig("u", false, null, null, "", false, null));
        link.client.events();
        link.dropAll();

        client.handleMessage(0, Ppid.BINARY, new byte[] {42});
        client.send(chat, new byte[] {7}, true);
        client.handleMessage(0, Ppid.DCEP, DcepAck.INSTANCE.encode());

        assertThat(link.client.events()).singleElement().isInstanceOf(Message.class);
        assertThat(link.client.sent).last().satisfies(s -> assertThat(s.unordered()).isTrue());
        assertThat(client.droppedMessages()).isZero();
    }

    @Test
    void sendingBeforeOpenIsRefused() {
        DataChannelEngine early = new LinkedSctp(16).client.engine;
        DataChannelHandle chat = early.open(DataChannelConfig.reliable("chat"));

        assertThatThrownBy(() -> early.send(chat, new byte[1], true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connecting");
    }

    @Test
    void messagesLargerThanTheRemoteLimitAreRefused() {
        DataChannelHandle n = client.open(DataChannelConfig.negotiated("n", 0));
        assertThat(client.remoteMaxMessageSize()).isEqualTo(65536);
        client.setRemoteMaxMessageSize(10);

        client.send(n, new byte[10], true);
        assertThatThrownBy(() -> client.send(n, new byte[11], true)).isInstanceOfSatisfying(
                MessageTooLargeException.class, e -> {
                    assertThat(e.size()).isEqualTo(11);
                    assertThat(e.limit()).isEqualTo(10);
                });
        client.setRemoteMaxMessageSize(0);
        client.send(n, new byte[100_000], true);
        assertThat(link.client.sent).hasSize(2);
        assertThatThrownBy(() -> client.setRemoteMaxMessageSize(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedOrUnexpectedNetworkInputIsDroppedAndCounted() {
        DataChannelHandle n = client.open(DataChannelConfig.negotiated("n", 2));
        link.client.events();

        client.handleMessage(2, Ppid.DCEP, new byte[] {0x03, 0x00});
        client.handleMessage(2, 99, new byte[] {1});
        client.handleMessage(5000, Ppid.STRING, utf8("out of range"));
        client.handleMessage(-1, Ppid.STRING, utf8("negative"));
        client.handleMessage(3, Ppid.STRING, utf8("no channel"));
        client.handleMessage(2, Ppid.DCEP, new DcepOpen(DcepChannelType.RELIABLE, 0, 0, "dup", "").encode());
        client.handleMessage(7, Ppid.DCEP, DcepAck.INSTANCE.encode());
        client.handleMessage(2, Ppid.DCEP, DcepAck.INSTANCE.encode());
        client.handleMessage(2, Ppid.STRING, null);

        assertThat(client.droppedMessages()).isEqualTo(9);
        assertThat(link.client.events()).isEmpty();
        assertThat(link.client.sent).isEmpty();
        assertThat(n.state()).isEqualTo(DataChannelState.OPEN);
    }

    @Test
    void negotiatedIdsAreValidated() {
        LinkedSctp small = new LinkedSctp(8);
        DataChannelEngine engine = small.client.engine;
        engine.open(DataChannelConfig.negotiated("a", 3));

        assertThatThrownBy(() -> engine.open(DataChannelConfig.negotiated("b", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in use");
        assertThatThrownBy(() -> engine.open(DataChannelConfig.negotiated("c", 8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runningOutOfIdsOfOurParity() {
        DataChannelEngine engine = new LinkedSctp(4).client.engine;
        engine.open(DataChannelConfig.reliable("0"));
        engine.open(DataChannelConfig.reliable("2"));

        assertThatThrownBy(() -> engine.open(DataChannelConfig.reliable("none")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("even");
    }

    @Test
    void bufferedAmountComesFromSctp() {
        DataChannelHandle n = client.open(DataChannelConfig.negotiated("n", 6));
        link.client.buffered.put(6, 1234L);

        assertThat(n.bufferedAmount()).isEqualTo(1234);
    }

    @Test
    void handlesBelongToTheirEngine() {
        DataChannelHandle foreign = server.open(DataChannelConfig.negotiated("n", 6));

        assertThatThrownBy(() -> client.send(foreign, new byte[1], true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.close(foreign)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65536})
    void maxChannelsIsBounded(int maxChannels) {
        SctpStreamSender sender = new LinkedSctp(1).client;
        if (maxChannels >= 1 && maxChannels <= 65535) {
            assertThat(new DataChannelEngine(sender, true, maxChannels)).isNotNull();
        } else {
            assertThatThrownBy(() -> new DataChannelEngine(sender, true, maxChannels))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
