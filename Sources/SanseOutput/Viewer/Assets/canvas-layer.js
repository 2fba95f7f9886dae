/* sanse 三色 viewer — drawing: one canvas per layer, drawn from the typed arrays.
 *
 * Leaflet's own vector layers make an object per feature and per vertex; at a million parcels
 * (80 000 blocks) that alone takes seconds. A canvas layer here is a Leaflet renderer (so it
 * pans and zoom-animates as Leaflet's own do) whose drawing is one pass over the arrays, with
 * points closer than a pixel to the previous one skipped.
 *
 * Paths are filled and stroked a few features at a time: Chromium's canvas slows down with
 * the length of the path being built (one path of 80 000 blocks took 40 s, batches of 16 take
 * 0.1 s). Features never overlap within a layer, so the pixels are the same. */
(function (viewer) {
  'use strict';

  const CanvasLayer = L.Renderer.extend({
    /** paint(ctx, view): view has scale, dx, dy (world → canvas pixels) and the world box. */
    initialize: function (paint, options) {
      L.Renderer.prototype.initialize.call(this, options);
      this._paint = paint;
    },

    _initContainer: function () {
      this._container = document.createElement('canvas');
      this._container.setAttribute('aria-hidden', 'true');
      this._ctx = this._container.getContext('2d');
    },

    _destroyContainer: function () {
      L.DomUtil.remove(this._container);
      delete this._ctx;
      delete this._container;
    },

    _update: function () {
      if (this._map._animatingZoom && this._bounds) return;
      L.Renderer.prototype._update.call(this);
      const size = this._bounds.getSize();
      const ratio = window.devicePixelRatio || 1;
      const canvas = this._container;
      L.DomUtil.setPosition(canvas, this._bounds.min);
      canvas.width = Math.round(ratio * size.x);
      canvas.height = Math.round(ratio * size.y);
      canvas.style.width = size.x + 'px';
      canvas.style.height = size.y + 'px';
      this.redraw();
    },

    redraw: function () {
      if (!this._map || !this._ctx) return this;
      const ctx = this._ctx;
      const ratio = window.devicePixelRatio || 1;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this._container.width, this._container.height);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const scale = Math.pow(2, this._map.getZoom());
      const origin = this._map.getPixelOrigin();
      const min = this._bounds.min;
      const max = this._bounds.max;
      this._paint(ctx, {
        scale: scale,
        dx: -origin.x - min.x,
        dy: -origin.y - min.y,
        minX: (min.x + origin.x) / scale,
        minY: (min.y + origin.y) / scale,
        maxX: (max.x + origin.x) / scale,
        maxY: (max.y + origin.y) / scale,
      });
      return this;
    },
  });

  viewer.canvasLayer = function (paint, options) {
    return new CanvasLayer(paint, options);
  };

  function intersects(set, f, view) {
    const box = set.box;
    const i = 4 * f;
    return box[i] <= view.maxX && box[i + 2] >= view.minX && box[i + 1] <= view.maxY && box[i + 3] >= view.minY;
  }

  /** Adds feature f's rings to the current path. A feature smaller than a pixel becomes a
   * one-pixel square, so that every block shows at the county's zoom. */
  function trace(ctx, set, f, view) {
    const s = view.scale;
    const box = set.box;
    if ((box[4 * f + 2] - box[4 * f]) * s < 1 && (box[4 * f + 3] - box[4 * f + 1]) * s < 1) {
      ctx.rect(Math.floor(box[4 * f] * s + view.dx), Math.floor(box[4 * f + 1] * s + view.dy), 1, 1);
      return;
    }
    const xy = set.xy;
    const ringStart = set.ringStart;
    for (let r = set.featureRing[f]; r < set.featureRing[f + 1]; r++) {
      let p = ringStart[r];
      const end = ringStart[r + 1];
      let lastX = xy[2 * p] * s + view.dx;
      let lastY = xy[2 * p + 1] * s + view.dy;
      ctx.moveTo(lastX, lastY);
      for (p++; p < end; p++) {
        const x = xy[2 * p] * s + view.dx;
        const y = xy[2 * p + 1] * s + view.dy;
        if (Math.abs(x - lastX) + Math.abs(y - lastY) >= 0.7) {
          ctx.lineTo(x, y);
          lastX = x;
          lastY = y;
        }
      }
      ctx.closePath();
    }
  }
  viewer.trace = trace;

  const batch = 16;

  /** Traces the features `wanted` accepts, calling `paint` (which fills or strokes the
   * current path) every `batch` features and at the end. Returns how many were traced. */
  function traceInBatches(ctx, view, set, wanted, paint) {
    let drawn = 0;
    let inPath = 0;
    ctx.beginPath();
    for (let f = 0; f < set.count; f++) {
      if (!wanted(f) || !intersects(set, f, view)) continue;
      trace(ctx, set, f, view);
      drawn++;
      if (++inPath === batch) {
        paint();
        ctx.beginPath();
        inPath = 0;
      }
    }
    if (inPath) paint();
    return drawn;
  }
  viewer.traceInBatches = traceInBatches;

  /** Fills features by category (blocks, outlines), stroking them in the category's darker
   * colour where the style has a stroke width. Returns how many features were drawn. */
  viewer.paintByCategory = function (ctx, view, set, categoryOf, categories, style, accept) {
    let drawn = 0;
    ctx.lineWidth = style.strokeWidth || 1;
    ctx.lineJoin = 'round';
    categories.forEach((category, c) => {
      ctx.fillStyle = category.fill;
      ctx.strokeStyle = category.stroke;
      drawn += traceInBatches(ctx, view, set, (f) => categoryOf(f) === c && (!accept || accept(f)), () => {
        ctx.globalAlpha = style.fillOpacity;
        ctx.fill('evenodd');
        if (style.strokeWidth) {
          ctx.globalAlpha = 1;
          ctx.stroke();
        }
      });
    });
    ctx.globalAlpha = 1;
    return drawn;
  };

  /** Strokes every feature's rings in one style (boundaries, parcels). */
  viewer.paintLines = function (ctx, view, set, style, accept) {
    ctx.globalAlpha = style.strokeOpacity || 1;
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = style.strokeWidth || 1;
    ctx.lineJoin = 'round';
    ctx.setLineDash(style.dash || []);
    const drawn = traceInBatches(ctx, view, set, (f) => !accept || accept(f), () => ctx.stroke());
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    return drawn;
  };

  /** Names at their features' interior points, with a white halo, where they fit. */
  viewer.paintLabels = function (ctx, view, set, names, style, accept) {
    ctx.font = 'bold 14px ' + viewer.fontStack;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.fillStyle = style.labelColour || '#4a4a4a';
    for (let f = 0; f < set.count; f++) {
      if ((accept && !accept(f)) || !intersects(set, f, view)) continue;
      const width = (set.box[4 * f + 2] - set.box[4 * f]) * view.scale;
      const text = names[f];
      if (width < ctx.measureText(text).width + 8) continue;
      const point = set.labelPoint || (set.labelPoint = []);
      const at = point[f] || (point[f] = set.interiorPoint(f));
      const x = at[0] * view.scale + view.dx;
      const y = at[1] * view.scale + view.dy;
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    }
  };

  viewer.fontStack = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", ' +
    '"PingFang SC", sans-serif';
})((window.sanseViewer = window.sanseViewer || {}));
