// Pion (Debian golang-github-pion-webrtc.v3-dev 3.1.56) SFU relay benchmark, the counterpart of jrtc's
// io.jrtc.bench.RelayBench: in one process, a publisher peer connection sends synthetic coded VP8 (30 fps,
// ~8.3 KB frames, every 60th a keyframe) to an SFU peer connection, which forwards the RTP packets as they are
// (the broadcast pattern: read the TrackRemote, write to one TrackLocalStaticRTP bound to every viewer
// connection) to N viewer peer connections, each reading RTP and counting frames (marker bits) and payload bytes.
// Everything gathers on one address (default 198.18.0.1, the jrtc-test namespace). Prints one JSON line.
// Build: ./build.sh   Run: ip netns exec jrtc-test ./pion_relay [-viewers 10,50,100] [-window 10s]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/pion/interceptor"
	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v3"
	"github.com/pion/webrtc/v3/pkg/media"
)

const (
	fps        = 30
	frameBytes = 8333 // 2 Mbit/s at 30 fps
	gopFrames  = 60
	// Below this mean rate a stack no longer keeps up; larger N are not attempted.
	keepUpFps = 24.0
)

var bindIP = flag.String("ip", "198.18.0.1", "the one address every connection gathers on")

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// newAPI: default codecs and interceptors (NACK, RTCP reports, TWCC), as an SFU built on Pion would use them,
// host candidates on one IPv4 address only, as jrtc's engine binds to that address.
func newAPI() *webrtc.API {
	m := &webrtc.MediaEngine{}
	must(m.RegisterDefaultCodecs())
	ir := &interceptor.Registry{}
	must(webrtc.RegisterDefaultInterceptors(m, ir))
	se := webrtc.SettingEngine{}
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	want := net.ParseIP(*bindIP)
	se.SetIPFilter(func(ip net.IP) bool { return ip.Equal(want) })
	return webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithInterceptorRegistry(ir), webrtc.WithSettingEngine(se))
}

// negotiate: non-trickle offer/answer, each description after its gathering completed.
func negotiate(offerer, answerer *webrtc.PeerConnection) {
	offer, err := offerer.CreateOffer(nil)
	must(err)
	g1 := webrtc.GatheringCompletePromise(offerer)
	must(offerer.SetLocalDescription(offer))
	<-g1
	must(answerer.SetRemoteDescription(*offerer.LocalDescription()))
	answer, err := answerer.CreateAnswer(nil)
	must(err)
	g2 := webrtc.GatheringCompletePromise(answerer)
	must(answerer.SetLocalDescription(answer))
	<-g2
	must(offerer.SetRemoteDescription(*answerer.LocalDescription()))
}

func connected(pc *webrtc.PeerConnection) chan struct{} {
	done := make(chan struct{})
	var once sync.Once
	pc.OnConnectionStateChange(func(s webrtc.PeerConnectionState) {
		if s == webrtc.PeerConnectionStateConnected {
			once.Do(func() { close(done) })
		}
	})
	return done
}

func waitOrDie(ch chan struct{}, what string) {
	select {
	case <-ch:
	case <-time.After(60 * time.Second):
		must(fmt.Errorf("timeout waiting for %s", what))
	}
}

type viewerCounters struct {
	frames, bytes, packets atomic.Int64
	first                  chan struct{}
}

type result struct {
	Viewers              int     `json:"viewers"`
	PublisherSetupMs     float64 `json:"publisher_setup_ms"`
	ViewersSetupMs       float64 `json:"viewers_setup_ms"`
	ViewersFirstFrameMs  float64 `json:"viewers_first_frame_ms"`
	WindowS              float64 `json:"window_s"`
	SentFps              float64 `json:"sent_fps"`
	FpsPerViewerMean     float64 `json:"fps_per_viewer_mean"`
	FpsPerViewerMin      float64 `json:"fps_per_viewer_min"`
	MbpsPerViewer        float64 `json:"delivered_mbps_per_viewer"`
	MbpsTotal            float64 `json:"delivered_mbps_total"`
	PacketsForwardedPerS float64 `json:"packets_forwarded_per_s"`
	CPUSecondsPerSecond  float64 `json:"cpu_s_per_s"`
	CPUMicrosPerPacket   float64 `json:"cpu_us_per_packet"`
	HeapMB               float64 `json:"heap_mb"`
	RssMB                float64 `json:"rss_mb"`
	Threads              int     `json:"threads"`
	Goroutines           int     `json:"goroutines"`
	KeepsUp              bool    `json:"keeps_up"`
}

// startsKeyframe: the RTP payload begins a VP8 keyframe (RFC 7741 §4.2 descriptor with S set and partition 0,
// then the payload header's P bit clear).
func startsKeyframe(b []byte) bool {
	if len(b) < 1 || b[0]&0x10 == 0 || b[0]&0x07 != 0 {
		return false
	}
	i := 1
	if b[0]&0x80 != 0 { // X: extension byte with I, L, T, K
		if len(b) < 2 {
			return false
		}
		x := b[1]
		i = 2
		if x&0x80 != 0 { // I: picture ID, 7 or 15 bits
			if len(b) <= i {
				return false
			}
			if b[i]&0x80 != 0 {
				i++
			}
			i++
		}
		if x&0x40 != 0 {
			i++
		}
		if x&0x30 != 0 {
			i++
		}
	}
	return len(b) > i && b[i]&0x01 == 0
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	must(syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// statusField reads a numeric field of /proc/self/status (VmRSS in kB, Threads).
func statusField(name string) int {
	data, err := os.ReadFile("/proc/self/status")
	must(err)
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, name+":") {
			f := strings.Fields(line[len(name)+1:])
			v, _ := strconv.Atoi(f[0])
			return v
		}
	}
	return 0
}

func millisSince(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }

func run(api *webrtc.API, viewers int, window time.Duration) result {
	var res result
	res.Viewers = viewers
	var all []*webrtc.PeerConnection
	newPC := func() *webrtc.PeerConnection {
		pc, err := api.NewPeerConnection(webrtc.Configuration{})
		must(err)
		all = append(all, pc)
		return pc
	}
	defer func() {
		for _, pc := range all {
			_ = pc.Close()
		}
	}()

	// Publisher -> SFU.
	publisher, sfuIn := newPC(), newPC()
	source, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, "video", "publisher")
	must(err)
	pubSender, err := publisher.AddTransceiverFromTrack(source, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly})
	must(err)
	var keyframeWanted atomic.Bool
	go func() { // the publisher's encoder answers PLIs with a keyframe
		for {
			packets, _, err := pubSender.Sender().ReadRTCP()
			if err != nil {
				return
			}
			for _, p := range packets {
				if _, ok := p.(*rtcp.PictureLossIndication); ok {
					keyframeWanted.Store(true)
				}
			}
		}
	}()
	relay, err := webrtc.NewTrackLocalStaticRTP(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, "video", "sfu")
	must(err)
	var remoteSSRC atomic.Uint32
	var forwarding sync.WaitGroup
	forwarding.Add(1)
	sfuIn.OnTrack(func(remote *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
		remoteSSRC.Store(uint32(remote.SSRC()))
		forwarding.Done()
		buf := make([]byte, 1500)
		for { // forwards each packet as it came: the shared local track rewrites SSRC and payload type per viewer
			n, _, err := remote.Read(buf)
			if err != nil {
				return
			}
			if _, err := relay.Write(buf[:n]); err != nil {
				return
			}
		}
	})
	t0 := time.Now()
	pubUp := connected(publisher)
	negotiate(publisher, sfuIn)
	waitOrDie(pubUp, "publisher connected")
	res.PublisherSetupMs = millisSince(t0)

	var sent atomic.Int64
	stop := make(chan struct{})
	var pacing sync.WaitGroup
	pacing.Add(1)
	go func() { // 30 fps camera
		defer pacing.Done()
		key := make([]byte, frameBytes)
		delta := make([]byte, frameBytes)
		for i := range key {
			key[i] = byte(i * 7)
			delta[i] = byte(i * 13)
		}
		key[0] &^= 1
		delta[0] |= 1
		// Each frame at its due time from the start, late ones at once: a ticker would drop the ticks a busy
		// machine delays, jrtc's scheduleAtFixedRate catches them up, and so does this.
		start := time.Now()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(time.Until(start.Add(time.Duration(i) * time.Second / fps))):
			}
			frame := delta
			if i%gopFrames == 0 || keyframeWanted.Swap(false) {
				frame = key
			}
			if err := source.WriteSample(media.Sample{Data: frame, Duration: time.Second / fps}); err != nil {
				return
			}
			sent.Add(1)
		}
	}()
	forwarding.Wait()

	// SFU -> viewers: the SFU side offers the shared track send-only; each viewer answers and counts what arrives.
	counters := make([]*viewerCounters, viewers)
	ups := make([]chan struct{}, viewers)
	t1 := time.Now()
	for v := 0; v < viewers; v++ {
		out, in := newPC(), newPC()
		tr, err := out.AddTransceiverFromTrack(relay, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly})
		must(err)
		go func() { // drains RTCP so the interceptors run; a viewer's PLI reaches the publisher
			for {
				packets, _, err := tr.Sender().ReadRTCP()
				if err != nil {
					return
				}
				for _, p := range packets {
					if _, ok := p.(*rtcp.PictureLossIndication); ok {
						_ = sfuIn.WriteRTCP([]rtcp.Packet{&rtcp.PictureLossIndication{MediaSSRC: remoteSSRC.Load()}})
					}
				}
			}
		}()
		c := &viewerCounters{first: make(chan struct{})}
		counters[v] = c
		in.OnTrack(func(track *webrtc.TrackRemote, _ *webrtc.RTPReceiver) {
			// The first frame counts once a keyframe began, as jrtc's receiver hands out nothing before one.
			keySeen, firstSeen := false, false
			for {
				p, _, err := track.ReadRTP()
				if err != nil {
					return
				}
				c.packets.Add(1)
				c.bytes.Add(int64(len(p.Payload)))
				if !keySeen && startsKeyframe(p.Payload) {
					keySeen = true
				}
				if p.Marker {
					c.frames.Add(1)
					if keySeen && !firstSeen {
						firstSeen = true
						close(c.first)
					}
				}
			}
		})
		ups[v] = connected(out)
		up := ups[v]
		go func() { // a viewer that joined needs a keyframe
			<-up
			_ = sfuIn.WriteRTCP([]rtcp.Packet{&rtcp.PictureLossIndication{MediaSSRC: remoteSSRC.Load()}})
		}()
		negotiate(out, in)
	}
	for _, up := range ups {
		waitOrDie(up, "viewer connected")
	}
	res.ViewersSetupMs = millisSince(t1)
	for _, c := range counters {
		waitOrDie(c.first, "first frame")
	}
	res.ViewersFirstFrameMs = millisSince(t1)

	time.Sleep(2 * time.Second) // settle: keyframe bursts of the joins are over
	snapshot := func() (frames, bytes, packets []int64) {
		for _, c := range counters {
			frames = append(frames, c.frames.Load())
			bytes = append(bytes, c.bytes.Load())
			packets = append(packets, c.packets.Load())
		}
		return
	}
	f0, b0, p0 := snapshot()
	s0, cpu0, w0 := sent.Load(), cpuSeconds(), time.Now()
	time.Sleep(window)
	f1, b1, p1 := snapshot()
	s1, cpu1, wall := sent.Load(), cpuSeconds(), time.Since(w0).Seconds()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.HeapMB = float64(ms.HeapAlloc) / 1e6
	res.RssMB = float64(statusField("VmRSS")) / 1e3
	res.Threads = statusField("Threads")
	res.Goroutines = runtime.NumGoroutine()
	close(stop)
	pacing.Wait()

	var frames, bytes, packets int64
	minFps := 1e9
	for v := range counters {
		df := f1[v] - f0[v]
		frames += df
		bytes += b1[v] - b0[v]
		packets += p1[v] - p0[v]
		if fv := float64(df) / wall; fv < minFps {
			minFps = fv
		}
	}
	res.WindowS = wall
	res.SentFps = float64(s1-s0) / wall
	res.FpsPerViewerMean = float64(frames) / wall / float64(viewers)
	res.FpsPerViewerMin = minFps
	res.MbpsTotal = float64(bytes) * 8 / wall / 1e6
	res.MbpsPerViewer = res.MbpsTotal / float64(viewers)
	res.PacketsForwardedPerS = float64(packets) / wall
	res.CPUSecondsPerSecond = (cpu1 - cpu0) / wall
	if packets > 0 {
		res.CPUMicrosPerPacket = (cpu1 - cpu0) * 1e6 / float64(packets)
	}
	res.KeepsUp = res.FpsPerViewerMean >= keepUpFps
	return res
}

func main() {
	viewersFlag := flag.String("viewers", "10,50,100", "viewer counts, in order")
	window := flag.Duration("window", 10*time.Second, "steady window measured per viewer count")
	flag.Parse()
	api := newAPI()
	var runs []result
	for _, s := range strings.Split(*viewersFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		must(err)
		r := run(api, n, *window)
		runs = append(runs, r)
		fmt.Fprintf(os.Stderr, "pion-relay: %d viewers: %.1f fps/viewer, %.2f cpu s/s, %.2f us/packet\n",
			n, r.FpsPerViewerMean, r.CPUSecondsPerSecond, r.CPUMicrosPerPacket)
		runtime.GC()
		time.Sleep(time.Second)
		if !r.KeepsUp {
			break
		}
	}
	out := map[string]any{
		"stack":   "pion",
		"version": "3.1.56 (Debian), " + runtime.Version(),
		"warmup":  "none (ahead-of-time compiled)",
		"notes":   "one process: publisher, SFU and viewers; CPU covers all of them; viewers count RTP marker bits and payload bytes",
		"runs":    runs,
	}
	line, err := json.Marshal(out)
	must(err)
	fmt.Println(string(line))
}
