// A colour test pattern to send instead of the camera, and a measure of what comes back, for the echo page and
// its tests: window.echoPattern.
//   const source = echoPattern.start(640, 480)   -> {stream, stop()}: a canvas captureStream at 30 fps of colour
//                                                   bars, a grey ramp and a box sliding 4 pixels a frame
//   await echoPattern.measure(video, source, n)  -> {frames, sizes, meanU, meanV, lumaPsnr: [...]}: n frames of the
//                                                   video element after the first 15, each frame's luma PSNR against
//                                                   the best-matching sent frame (the one it came from), and the
//                                                   average U and V (BT.709 from the pixels drawn)
// The sent frames' luma is the canvas pixels' BT.709 luma, as Chromium converts canvas captures for its encoder.
(function () {
  'use strict';

  const FPS = 30;
  const HISTORY = 60;
  const WARM_UP = 15;
  const BARS = ['rgb(191,191,191)', 'rgb(191,191,0)', 'rgb(0,191,191)', 'rgb(0,191,0)', 'rgb(191,0,191)',
    'rgb(191,0,0)', 'rgb(0,0,191)'];

  function draw(context, width, height, index) {
    const barsHeight = Math.floor(height * 2 / 3);
    BARS.forEach((colour, bar) => {
      const left = Math.floor(bar * width / BARS.length);
      const right = Math.floor((bar + 1) * width / BARS.length);
      context.fillStyle = colour;
      context.fillRect(left, 0, right - left, barsHeight);
    });
    const ramp = context.createLinearGradient(0, 0, width, 0);
    ramp.addColorStop(0, 'rgb(0,0,0)');
    ramp.addColorStop(1, 'rgb(255,255,255)');
    context.fillStyle = ramp;
    context.fillRect(0, barsHeight, width, height - barsHeight);
    const boxWidth = Math.floor(width / 8);
    const boxHeight = Math.floor(height / 6);
    context.fillStyle = 'rgb(250,60,200)';
    context.fillRect((index * 4) % (width - boxWidth), barsHeight + Math.floor((height - barsHeight - boxHeight) / 2),
      boxWidth, boxHeight);
  }

  /**
   * BT.709 limited-range Y, U and V planes (full resolution) of RGBA pixels: Chromium tags canvas captures BT.709 and
   * converts them so for its encoder (measured: BT.601 luma of the same pixels is 23 dB off). Grey is the same in both.
   */
  function yuv(rgba) {
    const count = rgba.length / 4;
    const y = new Float32Array(count);
    const u = new Float32Array(count);
    const v = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const r = rgba[4 * i];
      const g = rgba[4 * i + 1];
      const b = rgba[4 * i + 2];
      y[i] = 16 + (46.559 * r + 156.629 * g + 15.812 * b) / 255;
      u[i] = 128 + (-25.664 * r - 86.336 * g + 112 * b) / 255;
      v[i] = 128 + (112 * r - 101.730 * g - 10.270 * b) / 255;
    }
    return { y, u, v };
  }

  function start(width, height) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const sentLuma = [];
    let index = 0;
    draw(context, width, height, index++);
    const keep = () => {
      sentLuma.push(yuv(context.getImageData(0, 0, width, height).data).y);
      if (sentLuma.length > HISTORY) {
        sentLuma.shift();
      }
    };
    keep();
    const timer = setInterval(() => {
      draw(context, width, height, index++);
      keep();
    }, 1000 / FPS);
    const stream = canvas.captureStream(FPS);
    return { stream, sentLuma, width, height, stop: () => clearInterval(timer) };
  }

  function psnr(a, b) {
    let squares = 0;
    for (let i = 0; i < a.length; i++) {
      const d = a[i] - b[i];
      squares += d * d;
    }
    return squares === 0 ? 100 : 10 * Math.log10(255 * 255 / (squares / a.length));
  }

  function nextFrame(video) {
    return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
  }

  async function measure(video, source, frames) {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const sizes = new Set();
    const lumaPsnr = [];
    let uSum = 0;
    let vSum = 0;
    for (let seen = 0; lumaPsnr.length < frames; seen++) {
      await nextFrame(video);
      if (seen < WARM_UP) {
        continue;
      }
      const width = video.videoWidth;
      const height = video.videoHeight;
      sizes.add(width + 'x' + height);
      canvas.width = width;
      canvas.height = height;
      context.drawImage(video, 0, 0, width, height);
      const planes = yuv(context.getImageData(0, 0, width, height).data);
      uSum += planes.u.reduce((sum, value) => sum + value, 0) / planes.u.length;
      vSum += planes.v.reduce((sum, value) => sum + value, 0) / planes.v.length;
      let best = 0;
      for (const sent of source.sentLuma.slice()) {
        if (sent.length === planes.y.length) {
          best = Math.max(best, psnr(planes.y, sent));
        }
      }
      lumaPsnr.push(Math.round(best * 100) / 100);
    }
    return { frames: lumaPsnr.length, sizes: [...sizes], meanU: uSum / frames, meanV: vSum / frames, lumaPsnr };
  }

  window.echoPattern = { start, measure };
})();
