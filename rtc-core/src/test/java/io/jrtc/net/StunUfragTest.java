package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.PriorityAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The receiver's ufrag of a check (RFC 8445 §7.2.2: USERNAME "RFRAG:LFRAG"), read without a full parse. */
class StunUfragTest {
    private static final byte[] TRANSACTION = new byte[StunMessage.TRANSACTION_ID_LENGTH];

    @Test
    void theUfragOfASignedCheckAfterOtherAttributes() {
        StunMessage check = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TRANSACTION,
                List.of(new PriorityAttribute(1_853_817_087), new UsernameAttribute("serverUf:clientUf")));
        byte[] data = check.encode(StunIntegrity.shortTermKey("a-password-of-24-chars!!"), true);

        assertThat(StunUfrag.receiverUfrag(data, data.length)).isEqualTo("serverUf");
    }

    @Test
    void noUfragFromAnswersOtherMethodsOrUsernamesWithoutAColon() {
        byte[] response = new StunMessage(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE, TRANSACTION,
                List.of(new UsernameAttribute("a:b"))).encode();
        byte[] noColon = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TRANSACTION,
                List.of(new UsernameAttribute("lonely"))).encode();
        byte[] emptyFragment = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TRANSACTION,
                List.of(new UsernameAttribute(":b"))).encode();
        byte[] noUsername = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TRANSACTION, List.of()).encode();

        for (byte[] data : List.of(response, noColon, emptyFragment, noUsername)) {
            assertThat(StunUfrag.receiverUfrag(data, data.length)).isNull();
        }
    }

    @Test
    void aLengthThatOverrunsTheDatagramIsNoCheck() {
        byte[] data = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TRANSACTION,
                List.of(new UsernameAttribute("abcd:efgh"))).encode();

        assertThat(StunUfrag.receiverUfrag(data, data.length - 4)).isNull();
    }

    @Property
    void everyEncodedCheckGivesBackItsReceiversUfrag(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 32)
                                                     String receiver,
                                                     @ForAll @AlphaChars @StringLength(min = 1, max = 32)
                                                     String sender) {
        byte[] data = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, TRANSACTION,
                List.of(new UsernameAttribute(receiver + ":" + sender))).encode();

        assertThat(StunUfrag.receiverUfrag(data, data.length)).isEqualTo(receiver);
    }

    @Property
    void anyBytesGiveAUfragOrNullAndNeverThrow(@ForAll @Size(max = 600) byte[] data) {
        String ufrag = StunUfrag.receiverUfrag(data, data.length);

        assertThat(ufrag == null || !ufrag.isEmpty() && !ufrag.contains(":")).isTrue();
    }

    @Property
    void bytesWithACheckHeaderNeverThrow(@ForAll @Size(min = 20, max = 600) byte[] data) {
        data[0] = 0;
        data[1] = 1;
        data[4] = 0x21;
        data[5] = 0x12;
        data[6] = (byte) 0xA4;
        data[7] = 0x42;
        int bodyLength = (data.length - 20) & ~3;
        data[2] = (byte) (bodyLength >>> 8);
        data[3] = (byte) bodyLength;
        String ufrag = StunUfrag.receiverUfrag(data, data.length);

        assertThat(ufrag == null || !ufrag.isEmpty() && !ufrag.contains(":")).isTrue();
    }
}
