/* sanse 三色 viewer — the map: startup, layers, the town filter, parcels by town, selection
 * and popups. county.js says what there is (layers, towns, colours, popup rows); this file
 * knows how to show each kind of layer, not which layers a run has. */
(function (viewer) {
  'use strict';

  const parcelsKept = 12;
  const app = (viewer.app = {
    manifest: null,
    root: 'web/data/',
    map: null,
    sets: {},
    renderers: {},
    visible: {},
    town: -1,
    parcels: new Map(),
    selection: [],
    lists: {},
    details: Promise.resolve(),
  });
  viewer.stats = { drawn: {} };

  function mark(name) {
    performance.mark(name);
    viewer.stats[name] = performance.now();
  }

  function fromMicrodegrees(extent) {
    return L.latLngBounds([extent[1] / 1e6, extent[0] / 1e6], [extent[3] / 1e6, extent[2] / 1e6]);
  }

  function worldToLatLng(x, y) {
    return app.map.unproject(L.point(x, y), 0);
  }

  function featureBounds(set, f) {
    const box = set.box;
    return L.latLngBounds(worldToLatLng(box[4 * f], box[4 * f + 3]), worldToLatLng(box[4 * f + 2], box[4 * f + 1]));
  }

  // ---------- Which features show ----------

  function blockShown(f) {
    return app.town < 0 || app.sets.blocks.columns.town[f] === app.town;
  }

  function parcelTownShown(t) {
    if (!app.visible.parcels) return false;
    if (app.town >= 0) return t === app.town;
    return app.map.getZoom() >= app.layer('parcels').minZoom;
  }

  app.layer = function (id) {
    return app.manifest.layers.find((layer) => layer.id === id);
  };

  // ---------- Painting ----------

  function painter(layer) {
    const categories = app.manifest.categories;
    switch (layer.kind) {
      case 'categoryFill':
        return (ctx, view) => {
          const set = app.sets[layer.id];
          const category = app.sets.blocks.columns.category;
          const categoryOf = (f) => category[f];
          const drawn = viewer.paintByCategory(ctx, view, set, categoryOf, categories, layer, blockShown);
          viewer.stats.drawn[layer.id] = drawn;
        };
      case 'fill':
        return (ctx, view) => {
          const set = app.sets[layer.id];
          const one = [{ fill: layer.fill, stroke: layer.stroke }];
          viewer.stats.drawn[layer.id] = viewer.paintByCategory(ctx, view, set, () => 0, one, layer);
        };
      case 'line':
        return (ctx, view) => {
          const set = app.sets[layer.id];
          viewer.stats.drawn[layer.id] = viewer.paintLines(ctx, view, set, layer);
          if (layer.labels && set.columns.name) viewer.paintLabels(ctx, view, set, set.columns.name, layer);
        };
      case 'parcels':
        return (ctx, view) => {
          let drawn = 0;
          for (const [t, set] of app.parcels) {
            if (parcelTownShown(t)) drawn += viewer.paintLines(ctx, view, set, layer);
          }
          viewer.stats.drawn.parcels = drawn;
        };
      default:
        return () => {};
    }
  }

  function paintSelection(ctx, view) {
    ctx.lineJoin = 'round';
    for (const [width, colour] of [[5, 'rgba(0, 184, 212, 0.85)'], [1.5, '#102027']]) {
      ctx.lineWidth = width;
      ctx.strokeStyle = colour;
      for (const item of app.selection) {
        ctx.beginPath();
        viewer.trace(ctx, item.set, item.feature, view);
        ctx.stroke();
      }
    }
  }

  app.redraw = function () {
    for (const id in app.renderers) if (app.map.hasLayer(app.renderers[id])) app.renderers[id].redraw();
  };

  app.setVisible = function (id, visible) {
    app.visible[id] = visible;
    const renderer = app.renderers[id];
    if (!renderer) return;
    if (visible) renderer.addTo(app.map);
    else renderer.remove();
    if (id === 'parcels' && visible) loadParcelsInView();
  };

  function addRenderer(layer, index) {
    const pane = app.map.createPane('sanse-' + layer.id);
    pane.style.zIndex = String(410 + index);
    const renderer = viewer.canvasLayer(painter(layer), { pane: 'sanse-' + layer.id, padding: 0.1 });
    app.renderers[layer.id] = renderer;
    if (app.visible[layer.id]) renderer.addTo(app.map);
  }

  // ---------- Parcels, one town at a time ----------

  app.loadTown = function (t) {
    const town = app.manifest.towns[t];
    if (app.parcels.has(t)) {
      const set = app.parcels.get(t);
      app.parcels.delete(t);
      app.parcels.set(t, set);
      return Promise.resolve(set);
    }
    return viewer.load(app.root + town.file, 'parcels:' + t).then((payload) => {
      const set = app.parcels.get(t) || new viewer.FeatureSet(payload);
      viewer.forget('parcels:' + t);
      app.parcels.set(t, set);
      // The least recently used towns go first; Map keeps insertion order.
      for (const old of app.parcels.keys()) {
        if (app.parcels.size <= parcelsKept) break;
        if (old !== app.town && old !== t) app.parcels.delete(old);
      }
      app.renderers.parcels.redraw();
      return set;
    });
  };

  function loadParcelsInView() {
    if (!app.visible.parcels || app.map.getZoom() < app.layer('parcels').minZoom) return;
    const view = app.map.getBounds();
    app.manifest.towns.forEach((town, t) => {
      if (town.extent && view.intersects(fromMicrodegrees(town.extent))) app.loadTown(t).catch(reportError);
    });
  }

  // ---------- Selection and popups ----------

  app.select = function (items) {
    app.selection = items;
    app.renderers.selection.redraw();
  };

  function openPopup(latlng, html, options, actions) {
    const popup = L.popup({ maxWidth: 380, autoPanPadding: [24, 24] }).setLatLng(latlng).setContent(html);
    popup.on('add', () => {
      const element = popup.getElement();
      element.querySelectorAll('[data-action]').forEach((button) => {
        button.addEventListener('click', () => actions[button.getAttribute('data-action')]());
      });
      if (options && options.focus) element.querySelector('.sanse-popup').focus();
    });
    popup.openOn(app.map);
    return popup;
  }

  /** Block f's popup, at `latlng` or inside the block; `zoom` fits the map to it first. Waits
   * for the blocks' details (loaded after the first draw) if they are not there yet. */
  app.openBlock = function (f, latlng, options) {
    return app.details.then(() => openBlockNow(f, latlng, options));
  };

  function openBlockNow(f, latlng, options) {
    const blocks = app.sets.blocks;
    const category = app.manifest.categories[blocks.columns.category[f]];
    if (options && options.zoom) {
      app.map.fitBounds(featureBounds(blocks, f), { maxZoom: 17, padding: [48, 48], animate: false });
    }
    const at = latlng || worldToLatLng(...blocks.interiorPoint(f));
    const heading = '区块 Block ' + blocks.columns.id[f];
    const html = viewer.popupHTML(heading, category.fill, app.manifest.popups.blocks, blocks, f, app.lists);
    app.select([{ set: blocks, feature: f }]);
    return openPopup(at, html, options, {});
  }

  /** Parcel f of town t's popup, with a button to its block's. */
  app.openParcel = function (t, f, latlng, options) {
    const set = app.parcels.get(t);
    const category = app.manifest.categories[set.columns.category[f]];
    if (options && options.zoom) {
      app.map.fitBounds(featureBounds(set, f), { maxZoom: 18, padding: [64, 64], animate: false });
    }
    const at = latlng || worldToLatLng(...set.interiorPoint(f));
    const heading = '宗地 Parcel ' + set.columns.id[f];
    const html = viewer.popupHTML(heading, category.fill, app.manifest.popups.parcels, set, f, app.lists, [
      { id: 'block', label: '查看所属区块 Show its block' },
    ]);
    app.select([{ set: set, feature: f }]);
    return openPopup(at, html, options, {
      block: () => app.openBlock(set.columns.block[f], null, { focus: true }),
    });
  };

  /** The feature at a world point: a parcel where parcels show, else a block or its outline. */
  function openAt(x, y, latlng, options) {
    for (const [t, set] of app.parcels) {
      if (!parcelTownShown(t)) continue;
      const f = set.hit(x, y);
      if (f >= 0) return app.openParcel(t, f, latlng, options);
    }
    for (const id of ['blocks', 'outlines']) {
      if (!app.visible[id] || !app.sets[id]) continue;
      const f = app.sets[id].hit(x, y, blockShown);
      if (f >= 0) return app.openBlock(f, latlng, options);
    }
    app.map.closePopup();
    app.select([]);
    return null;
  }

  // ---------- Towns ----------

  app.countyBounds = function () {
    return fromMicrodegrees(app.manifest.extent);
  };

  /** Shows only town t (-1: all), fitting the map to it and loading its parcels. */
  app.selectTown = function (t) {
    app.town = t;
    app.map.closePopup();
    app.select([]);
    viewer.panel.update();
    const town = app.manifest.towns[t];
    const bounds = t >= 0 && town.extent ? fromMicrodegrees(town.extent) : app.countyBounds();
    app.map.fitBounds(bounds, { padding: [12, 12], animate: false });
    app.redraw();
    if (t < 0) return Promise.resolve();
    mark('sanse-town-picked');
    return app.loadTown(t).then(() => {
      app.renderers.parcels.redraw();
      mark('sanse-town-drawn');
      requestAnimationFrame(() => mark('sanse-town-frame'));
    });
  };

  // ---------- Startup ----------

  function reportError(error) {
    viewer.panel.status('出错 Error: ' + error.message, true);
    console.error(error);
  }

  function chooseSystem(manifest) {
    const asked = new URLSearchParams(window.location.search).get('crs');
    const wanted = asked || (manifest.baseMap && manifest.baseMap.crs) || manifest.crs;
    return manifest.systems.includes(wanted) ? wanted : manifest.crs;
  }

  function makeMap(manifest) {
    const map = L.map('map', { maxZoom: manifest.deepestZoom, zoomSnap: 0.25, keyboard: true });
    L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    map.attributionControl.addAttribution('sanse');
    const base = manifest.baseMap;
    if (base && base.crs === manifest.crs) {
      app.baseLayer = L.tileLayer(base.url, {
        subdomains: base.subdomains || 'abc',
        attribution: base.attribution,
        maxZoom: manifest.deepestZoom,
      });
      app.visible.base = true;
      app.baseLayer.addTo(map);
    }
    map.fitBounds(app.countyBounds(), { padding: [12, 12], animate: false });
    map.on('click', (event) => {
      const point = map.project(event.latlng, 0);
      openAt(point.x, point.y, event.latlng, {});
    });
    map.on('moveend', loadParcelsInView);
    map.on('zoomend', () => app.renderers.parcels && app.renderers.parcels.redraw());
    // Enter on the focused map opens what lies under its centre, as a click would.
    map.getContainer().addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.target !== map.getContainer()) return;
      const centre = map.getCenter();
      const point = map.project(centre, 0);
      openAt(point.x, point.y, centre, { focus: true });
    });
    return map;
  }

  /** More columns for a layer's features (the blocks' popups), merged into its set. */
  function loadDetails(layer, set) {
    if (!layer.details) return Promise.resolve();
    return viewer.load(app.root + layer.details, layer.id + ':details').then((payload) => {
      Object.assign(set.columns, payload.columns);
      Object.assign(set.tables, payload.tables);
      viewer.forget(layer.id + ':details');
    });
  }

  async function start() {
    let manifest = await viewer.load(app.root + 'county.js', 'county');
    const system = chooseSystem(manifest);
    if (system !== manifest.crs) {
      app.root = 'web/data-' + system + '/';
      viewer.forget('county');
      manifest = await viewer.load(app.root + 'county.js', 'county');
    }
    app.manifest = manifest;
    mark('sanse-manifest');
    manifest.layers.forEach((layer) => (app.visible[layer.id] = layer.visible));
    app.lists = {
      towns: manifest.towns.map((town) => town.name),
      categories: manifest.categories.map((c) => c.name + ' ' + c.english),
      lineStatuses: manifest.lineStatuses.map((s) => s.name + ' ' + s.english),
    };
    viewer.panel.build(app);
    app.map = makeMap(manifest);
    const county = manifest.layers.filter((layer) => layer.file);
    const payloads = await Promise.all(county.map((layer) => viewer.load(app.root + layer.file, layer.id)));
    mark('sanse-county-loaded');
    county.forEach((layer, i) => {
      app.sets[layer.id] = new viewer.FeatureSet(payloads[i]);
      viewer.forget(layer.id);
    });
    app.lists.blocks = app.sets.blocks.columns.id;
    mark('sanse-county-decoded');
    manifest.layers.forEach(addRenderer);
    app.renderers.selection = viewer.canvasLayer(paintSelection, { pane: 'sanse-selection', padding: 0.1 });
    app.map.createPane('sanse-selection').style.zIndex = '460';
    app.renderers.selection.addTo(app.map);
    viewer.panel.update();
    mark('sanse-county-drawn');
    viewer.stats.countyFiles = viewer.loadedFiles.slice();
    requestAnimationFrame(() => mark('sanse-county-frame'));
    viewer.panel.status('');
    app.details = loadDetails(app.layer('blocks'), app.sets.blocks);
    loadParcelsInView();
  }

  viewer.ready = start().catch(reportError);
})((window.sanseViewer = window.sanseViewer || {}));
