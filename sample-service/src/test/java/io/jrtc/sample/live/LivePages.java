package io.jrtc.sample.live;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/** The live page's test API (window.liveTest) from Java, for the simulcast tests. */
final class LivePages {
    private LivePages() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> publish(ChromeDriver driver, String stream, boolean simulcast) {
        return (Map<String, Object>) driver.executeAsyncScript("""
                const [stream, simulcast, done] = arguments;
                liveTest.publish(stream, { simulcast }).then(() => done({ timings: liveTest.timings }),
                    (error) => done({ error: String(error) }));
                """, stream, simulcast);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> play(ChromeDriver driver, String stream) {
        return (Map<String, Object>) driver.executeAsyncScript("""
                const [stream, done] = arguments;
                liveTest.play(stream).then(() => done({ timings: liveTest.timings }),
                    (error) => done({ error: String(error) }));
                """, stream);
    }

    /** The rids of the last layers event that carry bits. */
    @SuppressWarnings("unchecked")
    static List<String> sendingRids(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const video = Object.values(liveTest.layers())[0] || [];
                return video.filter((layer) => layer.rid && layer.bitrate > 0).map((layer) => layer.rid);
                """);
    }

    /** POSTs a rid (null: automatic) to the WHEP layer URL; the HTTP status. */
    static long chooseLayer(ChromeDriver driver, String rid) {
        return ((Number) driver.executeAsyncScript("""
                const [rid, done] = arguments;
                liveTest.chooseLayer(rid).then(done, (error) => done(-1));
                """, rid)).longValue();
    }

    /** The width of what the player decodes now. */
    @SuppressWarnings("unchecked")
    static long decodedWidth(ChromeDriver driver) {
        Map<String, Object> stats = (Map<String, Object>) driver.executeAsyncScript(
                "liveTest.playerStats().then(arguments[0]);");
        return ((Number) ((Map<String, Object>) stats.get("video")).get("frameWidth")).longValue();
    }

    /** The bitrate the last layers event gives an encoding, 0 when it names none such. */
    static long bitrateOf(ChromeDriver driver, String rid) {
        return ((Number) driver.executeScript("""
                const video = Object.values(liveTest.layers())[0] || [];
                const layer = video.find((candidate) => candidate.rid === arguments[0]);
                return layer ? layer.bitrate || 0 : 0;
                """, rid)).longValue();
    }
}
