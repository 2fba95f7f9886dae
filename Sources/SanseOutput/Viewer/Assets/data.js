/* sanse 三色 viewer — data: loading the run's data scripts and decoding their geometry.
 *
 * A page opened from a file may not fetch or XHR other files, but it may run scripts: every
 * data file is a script calling sanseViewer.receive(name, payload). Geometry arrives as base64
 * VLQ integers (microdegrees; see ViewerGeometryEncoder.swift) and is kept as Web Mercator
 * "world" coordinates at zoom 0 (0–256, Leaflet's own projection), in typed arrays. */
(function (viewer) {
  'use strict';

  const pending = new Map();
  const received = new Map();
  /** Every data script loaded, in order (for the benchmark's bytes: file:// loads leave no
   * resource timing entries). */
  viewer.loadedFiles = [];

  /** Called by each data script. */
  viewer.receive = function (name, payload) {
    received.set(name, payload);
    const waiting = pending.get(name);
    if (waiting) {
      pending.delete(name);
      viewer.loadedFiles.push(waiting.path);
      waiting.resolve(payload);
    }
  };

  /** Runs the script at `path`, which calls receive(name, …); resolves with its payload. */
  viewer.load = function (path, name) {
    if (received.has(name)) return Promise.resolve(received.get(name));
    if (pending.has(name)) return pending.get(name).promise;
    const waiting = { path: path };
    waiting.promise = new Promise((resolve, reject) => {
      waiting.resolve = resolve;
      waiting.reject = reject;
    });
    pending.set(name, waiting);
    const script = document.createElement('script');
    script.src = path;
    const fail = () => {
      if (!pending.has(name)) return;
      pending.delete(name);
      waiting.reject(new Error('无法加载 cannot load ' + path));
    };
    script.onerror = fail;
    // A script that ran without delivering its data (a truncated file) fails too.
    script.onload = () => {
      script.remove();
      fail();
    };
    document.head.appendChild(script);
    return waiting.promise;
  };

  /** Lets a payload's memory go (a town's parcels scrolled far away). */
  viewer.forget = function (name) {
    received.delete(name);
  };

  const digits = new Int8Array(128).fill(-1);
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
    digits[c.charCodeAt(0)] = i;
  });

  // Leaflet's EPSG:3857 at zoom 0: x and y in 0–256.
  const radians = Math.PI / 180;
  const maxLatitude = 85.0511287798;
  function worldX(lon) {
    return 128 + lon * (256 / 360);
  }
  function worldY(lat) {
    const clamped = Math.max(Math.min(maxLatitude, lat), -maxLatitude);
    const sin = Math.sin(clamped * radians);
    return 128 - (256 / (4 * Math.PI)) * Math.log((1 + sin) / (1 - sin));
  }
  viewer.worldX = worldX;
  viewer.worldY = worldY;

  // worldY of a latitude in whole microdegrees, linear between its values at every thousandth
  // of a degree (filled in as needed): off by less than 1e-9 of the world, a thousandth of a
  // pixel at zoom 18, for a few operations where sin and log take most of the decoding.
  const yTable = new Float64Array(180001).fill(NaN);
  function worldYOfMicrodegrees(latitude) {
    const scaled = latitude / 1000 + 90000;
    const i = Math.floor(scaled);
    let a = yTable[i];
    if (a !== a) a = yTable[i] = worldY((i - 90000) / 1000);
    let b = yTable[i + 1];
    if (b !== b) b = yTable[i + 1] = worldY((i + 1 - 90000) / 1000);
    return a + (b - a) * (scaled - i);
  }

  /** One layer's features: geometry in typed arrays, properties as columns. */
  class FeatureSet {
    constructor(payload) {
      this.count = payload.count;
      this.columns = payload.columns;
      this.tables = payload.tables || {};
      this.xy = new Float64Array(payload.points * 2);
      this.ringStart = new Uint32Array(payload.rings + 1);
      this.featureRing = new Uint32Array(payload.count + 1);
      this.box = new Float64Array(payload.count * 4);
      this.decode(payload.geometry, payload.origin);
    }

    decode(text, origin) {
      let position = 0;
      function unsigned() {
        let value = 0;
        let factor = 1;
        let digit;
        do {
          digit = digits[text.charCodeAt(position++)];
          value += (digit & 31) * factor;
          factor *= 32;
        } while (digit & 32);
        return value;
      }
      function signed() {
        const zigzag = unsigned();
        return zigzag % 2 ? -(zigzag + 1) / 2 : zigzag / 2;
      }
      const xy = this.xy;
      const box = this.box;
      let ring = 0;
      let point = 0;
      for (let feature = 0; feature < this.count; feature++) {
        this.featureRing[feature] = ring;
        const rings = unsigned();
        let lon = origin[0];
        let lat = origin[1];
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (let r = 0; r < rings; r++) {
          this.ringStart[ring++] = point;
          const count = unsigned();
          for (let i = 0; i < count; i++) {
            lon += signed();
            lat += signed();
            const x = worldX(lon / 1e6);
            const y = worldYOfMicrodegrees(lat);
            xy[2 * point] = x;
            xy[2 * point + 1] = y;
            point++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
        box[4 * feature] = minX;
        box[4 * feature + 1] = minY;
        box[4 * feature + 2] = maxX;
        box[4 * feature + 3] = maxY;
      }
      this.featureRing[this.count] = ring;
      this.ringStart[ring] = point;
    }

    /** Whether world point (x, y) is inside feature f (even–odd over all its rings). */
    contains(f, x, y) {
      const box = this.box;
      if (x < box[4 * f] || x > box[4 * f + 2] || y < box[4 * f + 1] || y > box[4 * f + 3]) return false;
      const xy = this.xy;
      let inside = false;
      for (let r = this.featureRing[f]; r < this.featureRing[f + 1]; r++) {
        const start = this.ringStart[r];
        const end = this.ringStart[r + 1];
        for (let i = start, j = end - 1; i < end; j = i++) {
          const ax = xy[2 * i];
          const ay = xy[2 * i + 1];
          const bx = xy[2 * j];
          const by = xy[2 * j + 1];
          if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
        }
      }
      return inside;
    }

    /** A world point inside feature f: the middle of the widest inside stretch of the
     * horizontal line through its box's middle (its centre may be outside, e.g. an L). */
    interiorPoint(f) {
      const box = this.box;
      const xy = this.xy;
      const y = (box[4 * f + 1] + box[4 * f + 3]) / 2;
      const crossings = [];
      for (let r = this.featureRing[f]; r < this.featureRing[f + 1]; r++) {
        const start = this.ringStart[r];
        const end = this.ringStart[r + 1];
        for (let i = start, j = end - 1; i < end; j = i++) {
          const ay = xy[2 * i + 1];
          const by = xy[2 * j + 1];
          if (ay > y !== by > y) crossings.push(xy[2 * i] + ((y - ay) * (xy[2 * j] - xy[2 * i])) / (by - ay));
        }
      }
      crossings.sort((a, b) => a - b);
      let best = [(box[4 * f] + box[4 * f + 2]) / 2, y];
      let widest = -1;
      for (let i = 0; i + 1 < crossings.length; i += 2) {
        if (crossings[i + 1] - crossings[i] > widest) {
          widest = crossings[i + 1] - crossings[i];
          best = [(crossings[i] + crossings[i + 1]) / 2, y];
        }
      }
      return best;
    }

    /** The first feature (in `candidates`, or all) containing world point (x, y), or -1. */
    hit(x, y, accept) {
      for (let f = 0; f < this.count; f++) {
        if ((!accept || accept(f)) && this.contains(f, x, y)) return f;
      }
      return -1;
    }
  }

  viewer.FeatureSet = FeatureSet;
})((window.sanseViewer = window.sanseViewer || {}));
