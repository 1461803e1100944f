package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jrtc.pc.RtcEngine;
import io.jrtc.sample.HeadlessChromium;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The sample as configured, with its shared UDP port ({@code rtc.udp.port}; a free one here, from the tests'
 * config/application.properties): headless Chromium connects to POST /echo and stays connected while an aiortc
 * client connects too; both answers name the shared ports (and a passive TCP candidate on the shared TCP port,
 * {@code rtc.tcp.port}), Chromium's selected pair runs through it, and both
 * get their data-channel messages echoed.
 * The engine gathers on every address of the test namespace; each has its own free port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class SharedUdpPortEchoTest {
    /** Connects, echoes one text, and reports the answer's candidate ports and the selected pair's remote port. */
    private static final String CONNECT = """
            const done = arguments[0];
            (async () => {
              await echoTest.connect();
              echoTest.send('first');
              const received = await echoTest.waitForReceived(1, 20000);
              const candidates = echoTest.pc.remoteDescription.sdp.split('\\r\\n')
                .filter((line) => line.startsWith('a=candidate:')).map((line) => line.split(' '));
              const ports = candidates.filter((f) => f[2] === 'udp').map((f) => Number(f[5]));
              const tcpPorts = candidates.filter((f) => f[2] === 'tcp' && f.includes('passive'))
                .map((f) => Number(f[5]));
              const stats = await echoTest.pc.getStats();
              let selectedRemotePort = -1;
              stats.forEach((report) => {
                if (report.type === 'transport' && report.selectedCandidatePairId) {
                  const pair = stats.get(report.selectedCandidatePairId);
                  selectedRemotePort = stats.get(pair.remoteCandidateId).port;
                }
              });
              return { text: received[0], answerPorts: ports, tcpPorts, selectedRemotePort };
            })().then(done, (error) => done({ error: String(error) }));
            """;

    @LocalServerPort
    int port;

    @Autowired
    RtcEngine engine;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("shared-udp-port");
        driver = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void chromiumAndAiortcAreAnsweredOnTheOneSharedPort() throws Exception {
        driver.get("http://127.0.0.1:" + port + "/");
        @SuppressWarnings("unchecked")
        Map<String, Object> chromiumResult = (Map<String, Object>) driver.executeAsyncScript(CONNECT);
        assertThat(chromiumResult).doesNotContainKey("error");
        assertThat(chromiumResult.get("text")).isEqualTo("first");

        // One port per address: with port 0, each address has a free port of its own.
        List<InetSocketAddress> shared = engine.getSharedUdpPorts();
        List<Long> sharedPorts = shared.stream().map(address -> (long) address.getPort()).toList();
        assertThat(shared).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Object> answerPorts = (List<Object>) chromiumResult.get("answerPorts");
        assertThat(answerPorts).hasSize(shared.size()).containsOnlyElementsOf(sharedPorts);
        assertThat(sharedPorts).contains((Long) chromiumResult.get("selectedRemotePort"));
        // ...and a passive ICE-TCP candidate per address on the shared TCP port (rtc.tcp.port)
        List<Long> sharedTcpPorts = engine.getSharedTcpPorts().stream().map(address -> (long) address.getPort())
                .toList();
        @SuppressWarnings("unchecked")
        List<Object> tcpPorts = (List<Object>) chromiumResult.get("tcpPorts");
        assertThat(tcpPorts).hasSize(shared.size()).containsOnlyElementsOf(sharedTcpPorts);

        JsonNode aiortc = EchoAiortcTest.runClient("http://127.0.0.1:" + port + "/echo", 4096, "default");
        assertThat(aiortc.has("error")).as("error: %s", aiortc.path("error")).isFalse();
        List<Long> aiortcPorts = new ArrayList<>();
        aiortc.get("answerCandidatePorts").forEach(p -> aiortcPorts.add(p.asLong()));
        assertThat(aiortcPorts).isNotEmpty().containsOnlyElementsOf(sharedPorts);
        assertThat(aiortc.get("textEchoed").asBoolean()).isTrue();
        assertThat(aiortc.get("binaryEchoed").asBoolean()).isTrue();

        @SuppressWarnings("unchecked")
        List<Object> again = (List<Object>) driver.executeAsyncScript("""
                const done = arguments[0];
                echoTest.send('second');
                echoTest.waitForReceived(2, 20000).then(done, (error) => done([String(error)]));
                """);
        assertThat(again).as("Chromium's connection carried on beside aiortc's").containsExactly("first", "second");
        assertThat(engine.getSharedUdpPorts()).containsExactlyElementsOf(shared);
        driver.executeAsyncScript("echoTest.close().then(arguments[0], (e) => arguments[0](String(e)));");
    }
}
