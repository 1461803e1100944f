package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The formulas of RFC 8445 §5.1.2.1 and §6.1.2.3 as tables. */
class IcePriorityTest {
    @ParameterizedTest(name = "type {0}, local {1}, component {2} -> {3}")
    @CsvSource({
        "126, 65535,   1, 2130706431",
        "126, 65535,   2, 2130706430",
        "110, 65535,   1, 1862270975",
        "100, 65535,   1, 1694498815",
        "  0, 65535,   1,   16777215",
        "126,     0,   1, 2113929471",
        "126, 49150,   1, 2126511871",
        "126, 32766,   1, 2122317567",
        "  0,     0, 256,          0",
    })
    void candidatePriority(int typePreference, int localPreference, int component, long expected) {
        assertThat(IcePriority.candidatePriority(typePreference, localPreference, component)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "G {0}, D {1} -> {2}")
    @CsvSource({
        "2130706431, 1694498815, 7277816997797167103",
        "1694498815, 2130706431, 7277816997797167102",
        "2130706431, 2130706431, 9151314442783293438",
        "         1,          2,          4294967300",
        "         2,          1,          4294967301",
        "  16777215, 2130706431,   72057594004373502",
    })
    void pairPriority(long controlling, long controlled, long expected) {
        assertThat(IcePriority.pairPriority(controlling, controlled)).isEqualTo(expected);
    }

    @Test
    void typePreferencesAreTheRecommendedOnes() {
        assertThat(IceCandidateType.HOST.typePreference()).isEqualTo(126);
        assertThat(IceCandidateType.PRFLX.typePreference()).isEqualTo(110);
        assertThat(IceCandidateType.SRFLX.typePreference()).isEqualTo(100);
        assertThat(IceCandidateType.RELAY.typePreference()).isEqualTo(0);
    }

    @Test
    void outOfRangeInputsAreRejected() {
        assertThatThrownBy(() -> IcePriority.candidatePriority(127, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcePriority.candidatePriority(0, 65536, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcePriority.candidatePriority(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostCandidatesPreferGlobalIpv6ThenIpv4AndDiffer() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING,
                new IceParameters("ufrag", "passwordpasswordpassword"), 1, 1));
        IceCandidate v4a = agent.addHostSocket(0, 1, SimPeer.address("192.0.2.1", 1000));
        IceCandidate v4b = agent.addHostSocket(0, 2, SimPeer.address("192.0.2.2", 1000));
        IceCandidate v6 = agent.addHostSocket(0, 3, SimPeer.address("2001:db8::1", 1000));
        IceCandidate linkLocal = agent.addHostSocket(0, 4, SimPeer.address("fe80::1", 1000));

        assertThat(v6.priority()).isGreaterThan(v4a.priority());
        assertThat(v4a.priority()).isGreaterThan(v4b.priority());
        assertThat(v4b.priority()).isGreaterThan(linkLocal.priority());
        assertThat(v4a.priority() >>> 24).isEqualTo(126);
        assertThat(v6.priority()).isEqualTo(IcePriority.candidatePriority(126, 0xFFFF, 1));
        assertThat(v4a.foundation()).isNotEqualTo(v4b.foundation());
        assertThat(v6.address()).isEqualTo("2001:db8::1");
        assertThat(v6.toSdpValue()).startsWith("candidate:").endsWith(" 2001:db8::1 1000 typ host");
    }
}
