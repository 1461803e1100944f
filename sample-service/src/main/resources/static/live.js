// WHIP ingest and WHEP playback from one page. Both sides signal without trickle: the offer carries every browser
// candidate, the answer every server candidate; the session URL (Location) is kept for DELETE.
//
// Scriptable for tests through window.liveTest:
//   await liveTest.publish(streamId, {simulcast}) -> camera + microphone to POST whip/{streamId}; resolves when
//                                        connected; simulcast: 1280x720 in three encodings (rids q, h, f)
//   await liveTest.play(streamId)      -> POST whep/{streamId}; resolves when connected and a track arrived
//   await liveTest.play(streamId, { videoCodec: 'video/H264' })  -> the same, receiving video only in that codec
//                                         (the server transcodes when the publisher sends another)
//   await liveTest.play(streamId, { token }) -> the same with a bearer token (also the Token field); publish too
//   A player whose connection fails, or stays disconnected for 5 s (its node died or left), plays again from
//   whep/{streamId} on this page's origin, where a cluster places it anew, backing off from 0.5 s to 10 s.
//   await liveTest.playerStats()       -> {video: {framesDecoded, frameWidth, frameHeight, bytesReceived},
//                                          audio: {packetsReceived}} from the player's getStats()
//   await liveTest.stopPublishing(), await liveTest.stopPlaying()  -> DELETE the session, close the connection
//   await liveTest.streams()           -> GET api/rtc/streams, also offered as the player's stream choices
//   liveTest.layers()                  -> the last WHEP `layers` event's data ({} before the first)
//   await liveTest.chooseLayer(rid)    -> POST {rid} to the WHEP layer URL (null: automatic); resolves to the status
//   liveTest.timings                   -> {publishPostMs, playPostMs, firstFrameMs, reconnects, reoffers} measured
//                                         in the page (reoffers: offers sent again with the token after a redirect)
//   liveTest.playing()                 -> {url, origin} of the session playing now, or null
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const sides = { publish: null, play: null };
  const LAYER_REL = 'urn:ietf:params:whep:ext:core:layer';
  const EVENTS_REL = 'urn:ietf:params:whep:ext:core:server-sent-events';
  /** The simulcast encodings a publisher sends, lowest first; libwebrtc needs 1280x720 for all three. */
  const ENCODINGS = [
    { rid: 'q', scaleResolutionDownBy: 4 },
    { rid: 'h', scaleResolutionDownBy: 2 },
    { rid: 'f' },
  ];
  const timings = {};

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

  function connected(pc) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (pc.connectionState === 'connected') {
          resolve();
        } else if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
          reject(new Error('connection ' + pc.connectionState));
        }
      };
      pc.addEventListener('connectionstatechange', check);
      check();
    });
  }

  /** The Link header's URLs by rel (a fetch joins several Link headers with commas). */
  function links(response, base) {
    const byRel = {};
    for (const value of (response.headers.get('Link') || '').split(/,\s*(?=<)/)) {
      const match = /^<([^>]*)>(.*)$/.exec(value.trim());
      const rel = match && /;\s*rel="([^"]*)"/.exec(match[2]);
      if (rel) {
        byRel[rel[1]] = new URL(match[1], base).toString();
      }
    }
    return byRel;
  }

  /** POSTs an SDP offer, with the bearer token when there is one. */
  function postOffer(endpoint, sdp, token) {
    const headers = { 'Content-Type': 'application/sdp' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(endpoint, { method: 'POST', headers, body: sdp });
  }

  /**
   * POSTs the offer to a WHIP/WHEP endpoint and applies the answer; returns the session URL and Link URLs. The
   * browser follows a cluster's 307 itself, but drops Authorization when the redirect leads to another origin
   * (Fetch: it is not carried across origins): the node there refuses the offer with 401, and the offer goes
   * again, with the token, to the URL the redirect led to (response.url). The session's URLs are resolved
   * against the URL that answered.
   */
  async function signal(pc, endpoint, timingName, token) {
    await pc.setLocalDescription(await pc.createOffer());
    await gatheringComplete(pc);
    const started = performance.now();
    let response = await postOffer(endpoint, pc.localDescription.sdp, token);
    if (token && response.redirected && response.status === 401) {
      timings.reoffers = (timings.reoffers || 0) + 1;
      response = await postOffer(response.url, pc.localDescription.sdp, token);
    }
    timings[timingName] = Math.round(performance.now() - started);
    if (response.status !== 201) {
      let detail = await response.text();
      try {
        detail = JSON.parse(detail).detail || detail;
      } catch (ignored) {
        // not problem details
      }
      const error = new Error(endpoint + ' answered ' + response.status + ': ' + detail);
      error.status = response.status;
      throw error;
    }
    const base = new URL(response.url || endpoint, window.location.href);
    const location = new URL(response.headers.get('Location'), base).toString();
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    return { location, links: links(response, base) };
  }

  /** Headers with the side's bearer token, for its session's DELETE and extensions. */
  function authorized(side, headers = {}) {
    return side.token ? { ...headers, Authorization: 'Bearer ' + side.token } : headers;
  }

  function watchState(pc, element) {
    pc.addEventListener('connectionstatechange', () => {
      $(element).textContent = pc.connectionState;
    });
  }

  async function publish(streamId, options) {
    if (sides.publish) {
      throw new Error('already publishing');
    }
    const simulcast = options && options.simulcast !== undefined ? options.simulcast : $('publish-simulcast').checked;
    $('publish-stream').value = streamId;
    $('publish-simulcast').checked = simulcast;
    const video = simulcast ? { width: { exact: 1280 }, height: { exact: 720 } } : true;
    const media = await navigator.mediaDevices.getUserMedia({ video, audio: true });
    $('preview').srcObject = media;
    const pc = new RTCPeerConnection({ iceServers: [] });
    const token = options && options.token !== undefined ? options.token : $('publish-token').value;
    sides.publish = { pc, media, url: null, previous: null, token };
    watchState(pc, 'publish-state');
    for (const track of media.getTracks()) {
      const init = { direction: 'sendonly', streams: [media] };
      if (simulcast && track.kind === 'video') {
        init.sendEncodings = ENCODINGS.map((encoding) => ({ ...encoding }));
      }
      const transceiver = pc.addTransceiver(track, init);
      if (simulcast && track.kind === 'video') {
        await keepResolution(transceiver.sender);
      }
    }
    $('publish-start').disabled = true;
    $('publish-state').textContent = 'signalling';
    try {
      sides.publish.url = (await signal(pc, 'whip/' + encodeURIComponent(streamId), 'publishPostMs',
        token)).location;
      await connected(pc);
      $('publish-stop').disabled = false;
    } catch (error) {
      await stopPublishing();
      $('publish-state').textContent = String(error.message || error);
      throw error;
    }
  }

  /** Receives video only in one codec, as a viewer that decodes no other would offer. */
  function receiveOnly(transceiver, mimeType) {
    const codecs = RTCRtpReceiver.getCapabilities('video').codecs
      .filter((codec) => codec.mimeType.toLowerCase() === mimeType.toLowerCase());
    if (codecs.length === 0) {
      throw new Error('this browser receives no ' + mimeType);
    }
    transceiver.setCodecPreferences(codecs);
  }

  /** Each encoding keeps its size and drops frames under load: a layer's size is what tells it apart. */
  async function keepResolution(sender) {
    const parameters = sender.getParameters();
    parameters.degradationPreference = 'maintain-resolution';
    try {
      await sender.setParameters(parameters);
    } catch (error) {
      console.warn('degradationPreference not applied', error);
    }
  }

  /** What the player was asked to play ({streamId, options}) until it is stopped; reconnects play it again. */
  let wantedPlay = null;
  const DISCONNECTED_GRACE_MS = 5000;

  function play(streamId, options = {}) {
    if (sides.play) {
      return Promise.reject(new Error('already playing'));
    }
    const token = options.token !== undefined ? options.token : $('play-token').value;
    wantedPlay = { streamId, options: { ...options, token } };
    return startPlay(wantedPlay);
  }

  /**
   * Gives up a connection that failed or stays disconnected (its node died, or drained and left) and plays the
   * same stream again from this page's endpoint, so a cluster places the player on a node that is alive.
   */
  function reconnectOnFailure(side, wanted) {
    let grace = null;
    side.pc.addEventListener('connectionstatechange', () => {
      clearTimeout(grace);
      if (side.pc.connectionState === 'failed') {
        reconnect(side, wanted);
      } else if (side.pc.connectionState === 'disconnected') {
        grace = setTimeout(() => reconnect(side, wanted), DISCONNECTED_GRACE_MS);
      }
    });
  }

  async function reconnect(side, wanted) {
    if (sides.play !== side || wantedPlay !== wanted) {
      return;
    }
    timings.reconnects = (timings.reconnects || 0) + 1;
    await endPlay();
    for (let delay = 500; wantedPlay === wanted && !sides.play; delay = Math.min(delay * 2, 10000)) {
      $('play-state').textContent = 'reconnecting';
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        if (wantedPlay === wanted && !sides.play) {
          await startPlay(wanted);
        }
        return;
      } catch (error) {
        if (error.status >= 400 && error.status < 500) {
          return;  // refused for good (unknown stream, token): another try would be refused too
        }
      }
    }
  }

  async function startPlay(wanted) {
    const { streamId, options } = wanted;
    $('play-stream').value = streamId;
    const pc = new RTCPeerConnection({ iceServers: [] });
    sides.play = { pc, url: null, previous: null, token: options.token };
    watchState(pc, 'play-state');
    pc.addTransceiver('audio', { direction: 'recvonly' });
    const video = pc.addTransceiver('video', { direction: 'recvonly' });
    if (options.videoCodec) {
      receiveOnly(video, options.videoCodec);
    }
    const stream = new MediaStream();
    const player = $('player');
    player.srcObject = stream;
    const trackArrived = new Promise((resolve) => {
      pc.addEventListener('track', (event) => {
        stream.addTrack(event.track);
        resolve();
      });
    });
    const started = performance.now();
    player.addEventListener('loadeddata', () => {
      timings.firstFrameMs = Math.round(performance.now() - started);
    }, { once: true });
    $('play-start').disabled = true;
    $('play-state').textContent = 'signalling';
    try {
      const session = await signal(pc, 'whep/' + encodeURIComponent(streamId), 'playPostMs', options.token);
      sides.play.url = session.location;
      sides.play.layerUrl = session.links[LAYER_REL] || null;
      // An EventSource cannot send Authorization: with a token the player goes without the layers events.
      if (!options.token) {
        await followEvents(sides.play, session.links[EVENTS_REL]);
      }
      await Promise.all([connected(pc), trackArrived]);
      reconnectOnFailure(sides.play, wanted);
      player.play().catch(() => {});
      $('play-stop').disabled = false;
    } catch (error) {
      await endPlay();
      $('play-state').textContent = String(error.message || error);
      throw error;
    }
  }

  /** Opens the WHEP event stream (server-sent events extension) for the layers the publisher sends. */
  async function followEvents(side, eventsUrl) {
    if (!eventsUrl) {
      return;
    }
    const response = await fetch(eventsUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(['active', 'inactive', 'layers']),
    });
    if (response.status !== 201) {
      throw new Error(eventsUrl + ' answered ' + response.status);
    }
    side.eventsUrl = new URL(response.headers.get('Location'), eventsUrl).toString();
    side.events = new EventSource(side.eventsUrl);
    side.events.addEventListener('layers', (event) => showLayers(side, JSON.parse(event.data)));
    side.events.addEventListener('inactive', () => {
      $('play-state').textContent = 'publisher left';
    });
  }

  /** The `layers` event: the video m-line's encodings, highest first, offered in the layer chooser. */
  function showLayers(side, data) {
    side.layers = data;
    const video = Object.values(data)[0] || [];
    const named = video.filter((layer) => layer.rid !== undefined);
    $('play-layers').textContent = video.map((layer) => (layer.rid || 'single') + ' '
        + Math.round((layer.bitrate || 0) / 1000) + ' kbit/s').join(', ') || '–';
    const select = $('play-layer');
    const chosen = select.value;
    const rids = named.map((layer) => layer.rid);
    const shown = Array.from(select.options).slice(1).map((option) => option.value);
    if (rids.join() !== shown.join()) {
      select.replaceChildren(new Option('automatic', ''), ...rids.map((rid) => new Option(rid, rid)));
      select.value = rids.includes(chosen) ? chosen : '';
    }
    select.disabled = !side.layerUrl || rids.length === 0;
  }

  /** Asks for one encoding by rid (WHEP layer extension); null or '' returns the choice to the server. */
  async function chooseLayer(rid) {
    const side = sides.play;
    if (!side || !side.layerUrl) {
      throw new Error('no WHEP layer URL');
    }
    const mediaId = Object.keys(side.layers || {})[0];
    const body = rid ? { rid } : {};
    if (mediaId !== undefined) {
      body.mediaId = mediaId;
    }
    const response = await fetch(side.layerUrl, {
      method: 'POST',
      headers: authorized(side, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
    $('play-layer').value = rid || '';
    return response.status;
  }

  async function end(name, startButton, stopButton, stateElement) {
    const side = sides[name];
    sides[name] = null;
    $(startButton).disabled = false;
    $(stopButton).disabled = true;
    if (!side) {
      return;
    }
    if (side.events) {
      side.events.close();
    }
    if (side.url) {
      await fetch(side.url, { method: 'DELETE', headers: authorized(side) }).catch(() => {});
    }
    side.pc.close();
    if (side.media) {
      side.media.getTracks().forEach((track) => track.stop());
    }
    $(stateElement).textContent = 'stopped';
  }

  function stopPublishing() {
    return end('publish', 'publish-start', 'publish-stop', 'publish-state');
  }

  function stopPlaying() {
    wantedPlay = null;
    return endPlay();
  }

  function endPlay() {
    $('play-layer').replaceChildren(new Option('automatic', ''));
    $('play-layer').disabled = true;
    $('play-layers').textContent = '–';
    return end('play', 'play-start', 'play-stop', 'play-state');
  }

  /** The inbound-rtp (or outbound-rtp) entries of a connection's report, by kind. */
  async function rtpStats(pc, type) {
    const result = {};
    (await pc.getStats()).forEach((entry) => {
      if (entry.type === type) {
        result[entry.kind] = entry;
      }
    });
    return result;
  }

  async function playerStats() {
    if (!sides.play) {
      return null;
    }
    const rtp = await rtpStats(sides.play.pc, 'inbound-rtp');
    const video = rtp.video || {};
    const audio = rtp.audio || {};
    return {
      video: { framesDecoded: video.framesDecoded || 0, frameWidth: video.frameWidth || 0,
               frameHeight: video.frameHeight || 0, bytesReceived: video.bytesReceived || 0,
               codec: video.codecId ? ((await sides.play.pc.getStats()).get(video.codecId) || {}).mimeType : null },
      audio: { packetsReceived: audio.packetsReceived || 0 },
    };
  }

  function kbps(side, bytes, timestamp) {
    const previous = side.previous;
    side.previous = { bytes, timestamp };
    if (!previous || timestamp <= previous.timestamp) {
      return '–';
    }
    return Math.round((bytes - previous.bytes) * 8 / (timestamp - previous.timestamp)) + ' kbit/s';
  }

  async function refresh() {
    const publishing = sides.publish;
    if (publishing) {
      const video = (await rtpStats(publishing.pc, 'outbound-rtp')).video;
      if (video) {
        $('publish-resolution').textContent = (video.frameWidth || 0) + '×' + (video.frameHeight || 0);
        $('publish-frames').textContent = String(video.framesEncoded || 0);
        $('publish-bitrate').textContent = kbps(publishing, video.bytesSent || 0, video.timestamp);
      }
    }
    const playing = sides.play;
    if (playing) {
      const rtp = await rtpStats(playing.pc, 'inbound-rtp');
      if (rtp.video) {
        $('play-resolution').textContent = (rtp.video.frameWidth || 0) + '×' + (rtp.video.frameHeight || 0);
        $('play-frames').textContent = String(rtp.video.framesDecoded || 0);
        $('play-bitrate').textContent = kbps(playing, rtp.video.bytesReceived || 0, rtp.video.timestamp);
      }
      if (rtp.audio) {
        $('play-audio').textContent = String(rtp.audio.packetsReceived || 0);
      }
    }
  }

  /** The published streams (GET /api/rtc/streams), offered by the player's stream field. */
  async function streams() {
    const response = await fetch('/api/rtc/streams');
    if (!response.ok) {
      throw new Error('GET /api/rtc/streams answered ' + response.status);
    }
    const list = await response.json();
    $('streams').replaceChildren(...list.map((stream) => {
      const option = document.createElement('option');
      option.value = stream.id;
      option.label = stream.id + ' (' + (stream.videoCodec || 'audio only') + ', ' + stream.viewers + ' watching)';
      return option;
    }));
    return list;
  }

  setInterval(() => refresh().catch(() => {}), 1000);
  setInterval(() => streams().catch(() => {}), 2000);
  streams().catch(() => {});

  $('publish-start').addEventListener('click', () => publish($('publish-stream').value).catch(() => {}));
  $('publish-stop').addEventListener('click', () => stopPublishing());
  $('play-start').addEventListener('click', () => play($('play-stream').value).catch(() => {}));
  $('play-stop').addEventListener('click', () => stopPlaying());
  $('play-layer').addEventListener('change', () => chooseLayer($('play-layer').value).catch(() => {}));

  function layers() {
    return sides.play && sides.play.layers ? sides.play.layers : {};
  }

  function playing() {
    return sides.play && sides.play.url ? { url: sides.play.url, origin: new URL(sides.play.url).origin } : null;
  }

  window.liveTest = { publish, play, playerStats, stopPublishing, stopPlaying, streams, layers, chooseLayer,
    timings, playing };
}());
