// Pion (Debian golang-github-pion-webrtc.v3-dev 3.1.56) echo server, the counterpart of jrtc's sample service in
// scripts/scale-bench.sh: the same WHIP-style contract the bench client (io.jrtc.bench.ScaleBench) speaks.
//   POST /echo          an SDP offer; 201 with Location and the answer after gathering (every candidate in it)
//   DELETE /echo/{id}   closes the session
//   GET /health         200
//   GET /debug/heap     runs a full collection, then answers the heap in use (HeapAlloc) in bytes
// Every data-channel message is sent back on its channel. Every connection shares one UDP port (Pion's ICE UDP
// mux, as the sample service's rtc.udp.port) and one certificate (as the sample service's), host candidates on one
// IPv4 address only. Build: ../pion-relay/build.sh "$PWD"   Run: ip netns exec jrtc-test ./pion_echo -ip 198.18.0.1
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pion/webrtc/v3"
)

var (
	bindIP   = flag.String("ip", "198.18.0.1", "the one address every connection gathers on")
	httpAddr = flag.String("http", "127.0.0.1:8080", "where the HTTP API listens")
	udpPort  = flag.Int("udp-port", 7882, "the UDP port every connection shares")
)

type server struct {
	api      *webrtc.API
	config   webrtc.Configuration
	next     atomic.Int64
	mu       sync.Mutex
	sessions map[string]*webrtc.PeerConnection
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func newServer() *server {
	se := webrtc.SettingEngine{}
	se.SetNetworkTypes([]webrtc.NetworkType{webrtc.NetworkTypeUDP4})
	want := net.ParseIP(*bindIP)
	se.SetIPFilter(func(ip net.IP) bool { return ip.Equal(want) })
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: want, Port: *udpPort})
	must(err)
	se.SetICEUDPMux(webrtc.NewICEUDPMux(nil, conn))
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(err)
	cert, err := webrtc.GenerateCertificate(key)
	must(err)
	m := &webrtc.MediaEngine{}
	must(m.RegisterDefaultCodecs())
	return &server{
		api:      webrtc.NewAPI(webrtc.WithMediaEngine(m), webrtc.WithSettingEngine(se)),
		config:   webrtc.Configuration{Certificates: []webrtc.Certificate{*cert}},
		sessions: map[string]*webrtc.PeerConnection{},
	}
}

func (s *server) forget(id string) {
	s.mu.Lock()
	pc := s.sessions[id]
	delete(s.sessions, id)
	s.mu.Unlock()
	if pc != nil {
		_ = pc.Close()
	}
}

func (s *server) start(w http.ResponseWriter, r *http.Request) {
	offer, err := io.ReadAll(r.Body)
	if err != nil || r.Header.Get("Content-Type") != "application/sdp" {
		http.Error(w, "an application/sdp offer is required", http.StatusUnsupportedMediaType)
		return
	}
	pc, err := s.api.NewPeerConnection(s.config)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	id := fmt.Sprintf("%d", s.next.Add(1))
	pc.OnDataChannel(func(dc *webrtc.DataChannel) {
		dc.OnMessage(func(msg webrtc.DataChannelMessage) {
			if msg.IsString {
				_ = dc.SendText(string(msg.Data))
			} else {
				_ = dc.Send(msg.Data)
			}
		})
	})
	pc.OnConnectionStateChange(func(state webrtc.PeerConnectionState) {
		if state == webrtc.PeerConnectionStateFailed || state == webrtc.PeerConnectionStateClosed {
			go s.forget(id)
		}
	})
	answer, err := s.answer(pc, string(offer))
	if err != nil {
		_ = pc.Close()
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.sessions[id] = pc
	s.mu.Unlock()
	w.Header().Set("Location", "/echo/"+id)
	w.Header().Set("Content-Type", "application/sdp")
	w.WriteHeader(http.StatusCreated)
	_, _ = io.WriteString(w, answer)
}

func (s *server) answer(pc *webrtc.PeerConnection, offer string) (string, error) {
	if err := pc.SetRemoteDescription(webrtc.SessionDescription{Type: webrtc.SDPTypeOffer, SDP: offer}); err != nil {
		return "", err
	}
	answer, err := pc.CreateAnswer(nil)
	if err != nil {
		return "", err
	}
	gathered := webrtc.GatheringCompletePromise(pc)
	if err := pc.SetLocalDescription(answer); err != nil {
		return "", err
	}
	<-gathered
	return pc.LocalDescription().SDP, nil
}

func (s *server) route(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/echo" && r.Method == http.MethodPost:
		s.start(w, r)
	case strings.HasPrefix(r.URL.Path, "/echo/") && r.Method == http.MethodDelete:
		id := strings.TrimPrefix(r.URL.Path, "/echo/")
		s.mu.Lock()
		_, known := s.sessions[id]
		s.mu.Unlock()
		if !known {
			http.NotFound(w, r)
			return
		}
		s.forget(id)
		w.WriteHeader(http.StatusOK)
	case r.URL.Path == "/health":
		w.WriteHeader(http.StatusOK)
	case r.URL.Path == "/debug/heap":
		runtime.GC()
		var stats runtime.MemStats
		runtime.ReadMemStats(&stats)
		fmt.Fprintf(w, "%d\n", stats.HeapAlloc)
	default:
		http.NotFound(w, r)
	}
}

func main() {
	flag.Parse()
	s := newServer()
	must(http.ListenAndServe(*httpAddr, http.HandlerFunc(s.route)))
}
