// The TypeScript client generated from openapi.yaml (typescript-fetch) drives the service the way a TypeScript
// team would: it creates a connection for a WebRTC peer (aiortc), subscribes it to a stream published over WHIP,
// opens a data channel, exchanges descriptions, talks through the channel's WebSocket bridge, and the peer decodes
// the video. Run by TypeScriptClientTest (openapi module) with the service's URL and the peer script in the
// environment.
import { strict as assert } from 'node:assert';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as readline from 'node:readline';
import { after, test } from 'node:test';
import WebSocket from 'ws';

import { Configuration, PeerConnectionsApi, ResponseError } from '../client';

const BASE_URL = required('JRTC_BASE_URL');
const PYTHON = required('JRTC_PYTHON');
const PEER_SCRIPT = required('JRTC_PEER_SCRIPT');
const STREAM = 'ts-camera';
const MESSAGES = 100;

const api = new PeerConnectionsApi(new Configuration({ basePath: BASE_URL }));
const processes: ChildProcessWithoutNullStreams[] = [];

after(() => processes.forEach((process) => process.stdin.end()));

test('a REST client in TypeScript connects aiortc, bridges its data channel and sends it a WHIP stream', async () => {
  const publisher = peer('publish', `${BASE_URL}/whip/${STREAM}`);
  assert.ok((await publisher.next('published')).published, 'the WHIP publisher is connected');

  const connection = await api.createPeerConnection({ createPeerConnection: {} });
  const id = connection.id;
  const video = await api.addTransceiver({
    id,
    addTransceiver: { kind: 'video', direction: 'sendonly', source: { type: 'stream', stream: STREAM } },
  });
  assert.equal(video.source?.stream, STREAM);
  const channel = await api.createDataChannel({ id, createDataChannel: { label: 'chat' } });
  const offer = await api.createOffer({ id, waitForGathering: true });

  const viewer = peer('answer');
  viewer.send({ offer: offer.sdp });
  const answer = (await viewer.next('answer')).answer;
  await api.acceptAnswer({ id, sessionDescription: { type: 'answer', sdp: answer } });
  await until(async () => (await api.getDataChannel({ id, channelId: channel.channelId })).readyState === 'open');

  const socket = new WebSocket(`${BASE_URL}/api/rtc/peer-connections/${id}/data-channels/${channel.channelId}/websocket`);
  const received: (string | Buffer)[] = [];
  socket.on('message', (data: Buffer, isBinary: boolean) => received.push(isBinary ? data : data.toString()));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  for (let i = 0; i < MESSAGES; i++) {
    socket.send(`message ${i}`);
  }
  socket.send(Buffer.from([1, 2, 3, 255]));
  await until(async () => received.length === MESSAGES + 1);
  assert.deepEqual(received.slice(0, MESSAGES), [...Array(MESSAGES).keys()].map((i) => `echo:message ${i}`));
  assert.deepEqual(received[MESSAGES], Buffer.from([1, 2, 3, 255]));

  const decoded = (await viewer.next('video')).video;
  assert.ok(decoded.frames >= 30, `decoded ${decoded.frames} frames`);
  assert.equal(`${decoded.width}x${decoded.height}`, '320x240');

  const [transceiver] = await api.listTransceivers({ id });
  assert.equal(transceiver.currentDirection, 'sendonly');
  assert.deepEqual(transceiver.sendCodecs.slice(0, 1), ['video/VP8']);

  const closed = new Promise((resolve) => socket.once('close', (code: number, reason: Buffer) => resolve(reason.toString())));
  await api.deletePeerConnection({ id });
  assert.ok(String(await closed).length > 0, 'the bridge closes with a reason');
  await assert.rejects(api.getPeerConnection({ id }), (error: ResponseError) => error.response.status === 404);
});

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this through TypeScriptClientTest`);
  }
  return value;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`not within ${timeoutMs} ms: ${condition}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The aiortc peer script in one role; its JSON lines are read as events, its errors fail the test. */
function peer(...args: string[]) {
  const child = spawn(PYTHON, ['-u', PEER_SCRIPT, ...args], {
    env: { ...process.env, PYTHONNOUSERSITE: '1', PYTHONPATH: '' },
  });
  processes.push(child);
  child.stderr.on('data', (data) => process.stderr.write(`[aiortc ${args[0]}] ${data}`));
  const events: any[] = [];
  const waiting: (() => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) {
      events.push(JSON.parse(line));
      waiting.splice(0).forEach((wake) => wake());
    }
  });
  return {
    send(message: object) {
      child.stdin.write(JSON.stringify(message) + '\n');
    },
    /** The first event carrying {@code key}, waiting up to 30 s; an error event fails at once. */
    async next(key: string, timeoutMs = 30000): Promise<any> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const error = events.find((event) => 'error' in event);
        if (error) {
          throw new Error(`aiortc ${args[0]}: ${error.error}`);
        }
        const found = events.find((event) => key in event);
        if (found) {
          return found;
        }
        if (Date.now() > deadline) {
          throw new Error(`aiortc ${args[0]} sent no ${key} within ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}
