package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.pc.SharedPorts;
import io.jrtc.spring.autoconfigure.diagnostics.PortRangeProbe;
import io.jrtc.spring.autoconfigure.diagnostics.PortRangeUnavailableException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine: shared event loops, the UDP port range, the shared UDP port and bind addresses, from {@code rtc.*}. */
@Configuration(proxyBeanMethods = false)
class RtcEngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RtcEngineSettings rtcEngineSettings(RtcProperties properties,
            ObjectProvider<RtcEngineSettingsCustomizer> customizers) {
        int min = properties.getPortRange().getMin();
        int max = properties.getPortRange().getMax();
        RtcEngineSettings settings;
        try {
            settings = RtcEngineSettings.defaults().withPortRange(min, max);
        } catch (IllegalArgumentException e) {
            throw new PortRangeUnavailableException(min, max, "any address", e.getMessage(), e);
        }
        settings = settings
                .withEventLoopThreads(properties.getEventLoopThreads())
                .withBindAddresses(bindAddresses(properties))
                .withIncludeLoopback(properties.isIncludeLoopback())
                .withAnnouncedAddresses(List.copyOf(properties.getAnnouncedAddresses()))
                .withIce(properties.getIce().toSettings())
                .withSctp(properties.getSctp().toSettings())
                .withDtls(properties.getDtls().toSettings())
                .withRtp(properties.getRtp().toSettings())
                .withSharedUdpPort(sharedUdpPort(properties))
                .withSharedTcpPort(sharedTcpPort(properties));
        for (RtcEngineSettingsCustomizer customizer : customizers.orderedStream().toList()) {
            settings = customizer.customize(settings);
        }
        return settings;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RtcEngine rtcEngine(RtcEngineSettings settings) {
        PortRangeProbe.check(settings.minPort(), settings.maxPort(), settings.bindAddresses());
        try {
            return RtcEngine.create(settings);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketException) {
                    throw new PortRangeUnavailableException(settings.minPort(), settings.maxPort(),
                            settings.bindAddresses().isEmpty() ? "the wildcard address"
                                    : settings.bindAddresses().toString(), cause.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private static int sharedUdpPort(RtcProperties properties) {
        Integer port = properties.getUdp().getPort();
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("rtc.udp.port must be 0 (a free port) or 1..65535, not " + port);
        }
        return port == null ? SharedPorts.OFF : port;
    }

    private static int sharedTcpPort(RtcProperties properties) {
        Integer port = properties.getTcp().getPort();
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("rtc.tcp.port must be 0 (a free port) or 1..65535, not " + port);
        }
        return port == null ? SharedPorts.OFF : port;
    }

    private static List<InetAddress> bindAddresses(RtcProperties properties) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String text : properties.getBindAddresses()) {
            try {
                addresses.add(InetAddress.getByName(text.trim()));
            } catch (UnknownHostException e) {
                throw new PortRangeUnavailableException(properties.getPortRange().getMin(),
                        properties.getPortRange().getMax(), text,
                        "rtc.bind-addresses names an address that does not resolve", e);
            }
        }
        return addresses;
    }
}
