// The echo chat: one RTCPeerConnection with a data channel "chat", and with "Camera" ticked the camera and
// microphone too, signalled WHIP-style through POST /echo (non-trickle: the offer carries every browser candidate,
// the answer every server candidate), and the server's event stream (WebSocket) for live statistics. The server
// sends every track back on its own transceiver, coded as it came: the second video is the camera coming back.
//
// Scriptable for tests through window.echoTest:
//   await echoTest.connect()        -> resolves when the data channel is open; echoTest.sessionUrl is set
//   await echoTest.connect({ maxMessageSize: 1048576 })
//                                   -> the same, declaring that size as this browser's a=max-message-size
//   await echoTest.connect({ camera: true })
//                                   -> the same, also sending the camera and microphone, and showing what comes back
//   await echoTest.connect({ camera: true, pattern: true, videoTransform: 'grayscale' })
//                                   -> the same with a colour test pattern (echo-pattern.js) instead of the camera,
//                                      the video coming back through a transform (grayscale, flip, edges)
//   await echoTest.measureEcho(n)   -> what echoPattern.measure says of n echoed frames of the pattern
//   await echoTest.mediaStats()     -> {sent: {frameWidth, frameHeight, framesEncoded},
//                                       received: {framesDecoded, frameWidth, frameHeight, codec},
//                                       audio: {packetsReceived}, shown: {width, height}} from getStats()
//   echoTest.send(textOrArrayBuffer)
//   echoTest.received               -> every echoed message in arrival order: strings, or ArrayBuffers for binary
//   await echoTest.waitForReceived(n, timeoutMs)
//   echoTest.stats                  -> the latest "stats" event's data ({roundTripTime, bytesSent, ...}) or null
//   echoTest.events                 -> every event received on the WebSocket (parsed JSON)
//   await echoTest.close()          -> DELETE the session and close the connection
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const HISTORY = 60;

  const test = {
    pc: null,
    channel: null,
    sessionUrl: null,
    peerConnectionId: null,
    received: [],
    events: [],
    stats: null,
    connect,
    send,
    close,
    waitForReceived,
    mediaStats,
    measureEcho,
    pattern: null,
  };
  window.echoTest = test;

  let socket = null;
  let receivedWaiters = [];
  const rttSeries = [];
  const inSeries = [];
  const outSeries = [];
  let previousStats = null;

  function setState(text) {
    $('state').textContent = text;
  }

  function gatheringComplete(pc) {
    if (pc.iceGatheringState === 'complete') {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') {
          resolve();
        }
      });
    });
  }

  async function connect(options) {
    const maxMessageSize = options && options.maxMessageSize;
    const camera = options ? Boolean(options.camera) : $('camera').checked;
    const pattern = options ? Boolean(options.pattern) : $('pattern').checked;
    const transform = options ? options.videoTransform || '' : $('video-transform').value;
    if (test.pc) {
      throw new Error('already connected');
    }
    const pc = new RTCPeerConnection({ iceServers: [] });
    test.pc = pc;
    pc.addEventListener('connectionstatechange', () => setState(pc.connectionState));
    $('camera').checked = camera;
    $('videos').hidden = !camera;
    if (camera) {
      await sendCamera(pc, pattern);
    }
    const channel = pc.createDataChannel('chat');
    channel.binaryType = 'arraybuffer';
    test.channel = channel;
    channel.addEventListener('message', (event) => onMessage(event.data));
    const opened = new Promise((resolve, reject) => {
      channel.addEventListener('open', resolve, { once: true });
      channel.addEventListener('error', reject, { once: true });
    });
    const offer = await pc.createOffer();
    await pc.setLocalDescription(maxMessageSize ? declareMaxMessageSize(offer, maxMessageSize) : offer);
    await gatheringComplete(pc);
    setState('signalling');
    const response = await fetch(transform ? 'echo?video-transform=' + encodeURIComponent(transform) : 'echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp' },
      body: pc.localDescription.sdp,
    });
    if (response.status !== 201) {
      throw new Error('POST /echo answered ' + response.status + ': ' + (await response.text()));
    }
    test.sessionUrl = new URL(response.headers.get('Location'), location.href).href;
    test.peerConnectionId = test.sessionUrl.substring(test.sessionUrl.lastIndexOf('/') + 1);
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    openEvents(test.peerConnectionId);
    await opened;
    setState('connected');
    enableChat(true);
  }

  // The camera (or the test pattern) and microphone go out on sendrecv transceivers; what the server echoes arrives
  // on the same ones.
  async function sendCamera(pc, pattern) {
    const media = await navigator.mediaDevices.getUserMedia({ video: !pattern, audio: true });
    if (pattern) {
      test.pattern = echoPattern.start(640, 480);
      const patternTrack = test.pattern.stream.getVideoTracks()[0];
      // The echo is compared with the pattern at its size: 'detail' keeps Chromium's encoder from scaling it down
      // when the machine is busy or the estimate low (it lowers the frame rate instead).
      patternTrack.contentHint = 'detail';
      media.addTrack(patternTrack);
    }
    $('local-video').srcObject = media;
    const echoed = new MediaStream();
    $('echo-video').srcObject = echoed;
    pc.addEventListener('track', (event) => echoed.addTrack(event.track));
    for (const track of media.getTracks()) {
      pc.addTransceiver(track, { direction: 'sendrecv', streams: [media] });
    }
  }

  /** The video sent and received and the audio received, from the browser's own statistics. */
  function measureEcho(frames) {
    return echoPattern.measure($('echo-video'), test.pattern, frames);
  }

  async function mediaStats() {
    const report = await test.pc.getStats();
    const of = (type, kind) => {
      let found = {};
      report.forEach((entry) => {
        if (entry.type === type && entry.kind === kind) {
          found = entry;
        }
      });
      return found;
    };
    const sent = of('outbound-rtp', 'video');
    const received = of('inbound-rtp', 'video');
    const audio = of('inbound-rtp', 'audio');
    const video = $('echo-video');
    return {
      sent: { frameWidth: sent.frameWidth || 0, frameHeight: sent.frameHeight || 0,
              framesEncoded: sent.framesEncoded || 0 },
      received: { framesDecoded: received.framesDecoded || 0, frameWidth: received.frameWidth || 0,
                  frameHeight: received.frameHeight || 0,
                  codec: received.codecId ? (report.get(received.codecId) || {}).mimeType : null },
      audio: { packetsReceived: audio.packetsReceived || 0 },
      shown: { width: video.videoWidth, height: video.videoHeight },
    };
  }

  // Chromium offers a=max-message-size:262144 and sends nothing larger either (its RTCSctpTransport.maxMessageSize
  // is the smaller of both sides' sizes), although it reassembles larger incoming messages. Declaring a larger size
  // in its own offer raises both: the browser then sends messages up to that size, and the server, which never sends
  // more than the client declared (RFC 8841 section 6), can echo them back.
  function declareMaxMessageSize(offer, size) {
    const line = 'a=max-message-size:' + size;
    const sdp = /a=max-message-size:\d+/.test(offer.sdp)
      ? offer.sdp.replace(/a=max-message-size:\d+/g, line)
      : offer.sdp.replace(/(a=sctp-port:\d+\r\n)/g, '$1' + line + '\r\n');
    return { type: offer.type, sdp };
  }

  function send(data) {
    if (!test.channel || test.channel.readyState !== 'open') {
      throw new Error('the data channel is not open');
    }
    test.channel.send(data);
    addLine('sent', describe(data));
  }

  function onMessage(data) {
    test.received.push(data);
    addLine('received', describe(data));
    receivedWaiters = receivedWaiters.filter((waiter) => !waiter());
  }

  function waitForReceived(count, timeoutMs) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (test.received.length >= count) {
          resolve(test.received.slice());
          return true;
        }
        return false;
      };
      if (check()) {
        return;
      }
      receivedWaiters.push(check);
      setTimeout(() => reject(new Error('received ' + test.received.length + ' of ' + count)), timeoutMs || 10000);
    });
  }

  async function close() {
    if (test.sessionUrl) {
      await fetch(test.sessionUrl, { method: 'DELETE' });
    }
    if (socket) {
      socket.close();
      socket = null;
    }
    if (test.pc) {
      test.pc.getSenders().forEach((sender) => sender.track && sender.track.stop());
      test.pc.close();
    }
    if (test.pattern) {
      test.pattern.stop();
      test.pattern = null;
    }
    $('local-video').srcObject = null;
    $('echo-video').srcObject = null;
    $('videos').hidden = true;
    test.pc = null;
    test.channel = null;
    test.sessionUrl = null;
    enableChat(false);
    setState('not connected');
  }

  function describe(data) {
    return typeof data === 'string' ? data : '[binary, ' + data.byteLength + ' bytes]';
  }

  function addLine(kind, text) {
    const item = document.createElement('li');
    item.className = kind;
    item.textContent = text;
    const list = $('messages');
    list.appendChild(item);
    while (list.children.length > 500) {
      list.removeChild(list.firstChild);
    }
    list.scrollTop = list.scrollHeight;
  }

  function enableChat(enabled) {
    $('text').disabled = !enabled;
    $('send').disabled = !enabled;
    $('disconnect').disabled = !enabled;
    $('connect').disabled = enabled;
    $('camera').disabled = enabled;
  }

  // ---- live statistics from the event stream

  function openEvents(peerConnectionId) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = scheme + '//' + location.host + '/api/rtc/events?peerConnectionId='
      + encodeURIComponent(peerConnectionId);
    socket = new WebSocket(url);
    socket.addEventListener('message', (message) => {
      const event = JSON.parse(message.data);
      test.events.push(event);
      if (event.type === 'stats') {
        onStats(event);
      }
    });
  }

  function onStats(event) {
    const data = event.data;
    test.stats = data;
    const rttMs = typeof data.roundTripTime === 'number' ? data.roundTripTime * 1000 : null;
    $('rtt').textContent = rttMs === null ? '–' : rttMs.toFixed(1) + ' ms';
    $('bytes').textContent = data.bytesSent + ' / ' + data.bytesReceived;
    $('msgs').textContent = data.messagesSent + ' / ' + data.messagesReceived;
    if (previousStats) {
      const seconds = Math.max(0.001, (event.timestamp - previousStats.timestamp) / 1000);
      push(outSeries, (data.bytesSent - previousStats.data.bytesSent) / seconds);
      push(inSeries, (data.bytesReceived - previousStats.data.bytesReceived) / seconds);
    }
    push(rttSeries, rttMs);
    previousStats = event;
    plot($('rtt-chart'), [{ values: rttSeries, color: '#c60', label: 'RTT ms' }]);
    plot($('traffic-chart'), [
      { values: outSeries, color: '#06c', label: 'out B/s' },
      { values: inSeries, color: '#090', label: 'in B/s' },
    ]);
  }

  function push(series, value) {
    series.push(value);
    if (series.length > HISTORY) {
      series.shift();
    }
  }

  function plot(canvas, lines) {
    const g = canvas.getContext('2d');
    const w = canvas.width;
    const h = canvas.height;
    const pad = 18;
    g.clearRect(0, 0, w, h);
    let max = 0;
    for (const line of lines) {
      for (const v of line.values) {
        if (v !== null && v > max) {
          max = v;
        }
      }
    }
    max = max > 0 ? max * 1.1 : 1;
    g.strokeStyle = '#eee';
    g.fillStyle = '#888';
    g.font = '11px sans-serif';
    for (let i = 0; i <= 4; i++) {
      const y = pad + ((h - 2 * pad) * i) / 4;
      g.beginPath();
      g.moveTo(pad, y);
      g.lineTo(w - 4, y);
      g.stroke();
    }
    g.fillText(max.toFixed(max < 10 ? 1 : 0), 2, pad - 4);
    lines.forEach((line, index) => {
      g.strokeStyle = line.color;
      g.fillStyle = line.color;
      g.fillText(line.label, w - 70 * (index + 1), pad - 4);
      g.beginPath();
      let started = false;
      line.values.forEach((v, i) => {
        if (v === null) {
          return;
        }
        const x = pad + ((w - pad - 4) * i) / (HISTORY - 1);
        const y = h - pad - ((h - 2 * pad) * v) / max;
        if (started) {
          g.lineTo(x, y);
        } else {
          g.moveTo(x, y);
          started = true;
        }
      });
      g.stroke();
    });
  }

  // ---- the page's controls

  $('connect').addEventListener('click', () => {
    setState('connecting');
    connect().catch((error) => {
      setState('failed: ' + error.message);
      test.pc = null;
    });
  });
  $('disconnect').addEventListener('click', () => close());
  $('send-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('text').value;
    if (text) {
      send(text);
      $('text').value = '';
    }
  });
})();
