// A colour test pattern to send instead of the camera, and a measure of what comes back, for the echo page and
// its tests: window.echoPattern.
//   const source = echoPattern.start(640, 480)   -> {stream, stop()}: a canvas captureStream at 30 fps of colour
//                                                   bars, a grey ramp and a box sliding 4 pixels a frame
//   await echoPattern.measure(video, source, n)  -> {frames, sizes, colorSpaces, meanU, meanV, lumaPsnr: [...]}: n
//                                                   decoded frames of the video element's track after the first 15,
//                                                   each frame's luma PSNR against the best-matching sent frame (the
//                                                   one it came from), the average of their U and V planes, and the
//                                                   colour spaces they were decoded in (WebCodecs VideoColorSpace)
// The sent frames' luma is the canvas pixels' full-range BT.709 luma, as Chromium converts canvas captures for its
// encoder; the received frames' planes are read as decoded (WebCodecs VideoFrame), not from rendered pixels.
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
   * Full-range BT.709 luma of RGBA pixels: what Chromium's encoder gets from a canvas capture. Its decoded frames of
   * the canvas say so (VideoFrame.colorSpace: matrix bt709, fullRange true; grey 128 stays Y 128, red 191 becomes Y
   * 40); limited range (16 + 219/255 of it) is 11 levels off on the light grey bars, 28.3 dB from it on this
   * pattern before any coding loss.
   */
  function luma(rgba) {
    const y = new Float32Array(rgba.length / 4);
    for (let i = 0; i < y.length; i++) {
      y[i] = 0.2126 * rgba[4 * i] + 0.7152 * rgba[4 * i + 1] + 0.0722 * rgba[4 * i + 2];
    }
    return y;
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
      sentLuma.push(luma(context.getImageData(0, 0, width, height).data));
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

  /** One plane of a copied frame, cropped to its visible size. */
  function plane(buffer, layout, width, height, step = 1, offset = 0) {
    const values = new Float32Array(width * height);
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        values[row * width + column] = buffer[layout.offset + row * layout.stride + column * step + offset];
      }
    }
    return values;
  }

  function mean(values) {
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  }

  /**
   * The Y plane and the mean U and V of a decoded frame, as the decoder wrote them: rendering and drawing the video
   * element instead would convert to RGB by the colour space the echo states (or, from a server that states none,
   * whatever the renderer assumes), and round through 8-bit RGB.
   */
  async function planes(frame) {
    const rect = frame.visibleRect;
    const width = rect.width;
    const height = rect.height;
    const chromaWidth = Math.ceil(width / 2);
    const chromaHeight = Math.ceil(height / 2);
    const buffer = new Uint8Array(frame.allocationSize({ rect }));
    const layout = await frame.copyTo(buffer, { rect });
    if (frame.format === 'I420') {
      return { width, height, y: plane(buffer, layout[0], width, height),
        meanU: mean(plane(buffer, layout[1], chromaWidth, chromaHeight)),
        meanV: mean(plane(buffer, layout[2], chromaWidth, chromaHeight)) };
    }
    if (frame.format === 'NV12') {
      return { width, height, y: plane(buffer, layout[0], width, height),
        meanU: mean(plane(buffer, layout[1], chromaWidth, chromaHeight, 2, 0)),
        meanV: mean(plane(buffer, layout[1], chromaWidth, chromaHeight, 2, 1)) };
    }
    throw new Error('echoed frames decode as ' + frame.format + ', neither I420 nor NV12');
  }

  async function measure(video, source, frames) {
    const track = video.srcObject.getVideoTracks()[0].clone();
    const reader = new MediaStreamTrackProcessor({ track }).readable.getReader();
    const sizes = new Set();
    const colorSpaces = new Set();
    const lumaPsnr = [];
    let uSum = 0;
    let vSum = 0;
    try {
      for (let seen = 0; lumaPsnr.length < frames; seen++) {
        const { value: frame, done } = await reader.read();
        if (done) {
          throw new Error('the echoed video ended after ' + seen + ' frames');
        }
        try {
          if (seen < WARM_UP) {
            continue;
          }
          const decoded = await planes(frame);
          sizes.add(decoded.width + 'x' + decoded.height);
          colorSpaces.add(JSON.stringify(frame.colorSpace.toJSON()));
          uSum += decoded.meanU;
          vSum += decoded.meanV;
          let best = 0;
          for (const sent of source.sentLuma.slice()) {
            if (sent.length === decoded.y.length) {
              best = Math.max(best, psnr(decoded.y, sent));
            }
          }
          lumaPsnr.push(Math.round(best * 100) / 100);
        } finally {
          frame.close();
        }
      }
    } finally {
      track.stop();
    }
    return { frames: lumaPsnr.length, sizes: [...sizes], colorSpaces: [...colorSpaces].map((c) => JSON.parse(c)),
      meanU: uSum / frames, meanV: vSum / frames, lumaPsnr };
  }

  window.echoPattern = { start, measure };
})();
