/* sanse 三色 viewer — the side panel: title, legend with each colour's count and 亩, layer
 * switches, the town filter, the coordinate system and the notes. */
(function (viewer) {
  'use strict';

  const escape = (text) => viewer.escape(text);
  let app = null;

  function element(id) {
    return document.getElementById(id);
  }

  function swatch(layer) {
    const style = [];
    if (layer.kind === 'categoryFill') {
      style.push('background: linear-gradient(90deg, ' + app.manifest.categories.map((c) => c.fill).join(', ') + ')');
      style.push('opacity: ' + Math.max(layer.fillOpacity, 0.45));
    } else if (layer.kind === 'fill') {
      style.push('background:' + layer.fill);
    } else {
      const dashed = layer.dash && layer.dash.length ? 'dashed' : 'solid';
      style.push('border: ' + Math.max(1, Math.round(layer.strokeWidth || 1)) + 'px ' + dashed + ' ' + layer.stroke);
    }
    return '<span class="swatch" aria-hidden="true" style="' + escape(style.join(';')) + '"></span>';
  }

  function buildLayers() {
    const list = element('layers');
    const rows = app.manifest.layers.map((layer) => ({
      id: layer.id,
      label: layer.name + ' ' + layer.english,
      swatch: swatch(layer),
    }));
    if (app.baseLayer) rows.push({ id: 'base', label: '底图 Base map', swatch: '' });
    list.innerHTML = rows
      .map((row) => '<li><label><input type="checkbox" data-layer="' + escape(row.id) + '"' +
        (app.visible[row.id] ? ' checked' : '') + '>' + row.swatch + escape(row.label) + '</label></li>')
      .join('');
    list.querySelectorAll('input[data-layer]').forEach((box) => {
      box.addEventListener('change', () => {
        const id = box.getAttribute('data-layer');
        if (id === 'base') {
          app.visible.base = box.checked;
          if (box.checked) app.baseLayer.addTo(app.map);
          else app.baseLayer.remove();
        } else {
          app.setVisible(id, box.checked);
        }
      });
    });
  }

  function buildTowns() {
    const select = element('town');
    select.innerHTML = '<option value="-1">全部镇街 All towns</option>' + app.manifest.towns
      .map((town, t) => '<option value="' + t + '">' + escape(town.name) + '（' + town.blocks + ' 个区块）</option>')
      .join('');
    select.addEventListener('change', () => {
      app.selectTown(Number(select.value)).catch((error) => console.error(error));
    });
  }

  function buildSystems() {
    const systems = app.manifest.systems;
    const box = element('systems');
    if (systems.length < 2) return;
    box.hidden = false;
    const names = { wgs84: 'WGS 84（天地图等 Tianditu, OSM）', gcj02: 'GCJ-02（高德 AMap、腾讯 Tencent）' };
    element('system-list').innerHTML = systems
      .map((system) => '<li><label><input type="radio" name="system" value="' + escape(system) + '"' +
        (system === app.manifest.crs ? ' checked' : '') + '>' + escape(names[system] || system) + '</label></li>')
      .join('');
    box.querySelectorAll('input[name=system]').forEach((radio) => {
      radio.addEventListener('change', () => {
        // Each system is its own data folder: reload the page on the other one.
        window.location.search = '?crs=' + encodeURIComponent(radio.value);
      });
    });
    const base = app.manifest.baseMap;
    if (base && base.crs !== app.manifest.crs) {
      element('system-note').textContent = '底图使用 ' + base.crs.toUpperCase() + '，请切换坐标系后显示。' +
        ' The base map is in ' + base.crs.toUpperCase() + ': switch to show it.';
    }
  }

  viewer.panel = {
    build: function (theApp) {
      app = theApp;
      const manifest = app.manifest;
      element('title').textContent = manifest.title;
      element('subtitle').textContent = manifest.subtitle;
      document.title = manifest.title + (manifest.subtitle ? ' · ' + manifest.subtitle : '');
      element('notes').textContent = manifest.sourceNote + '。' + manifest.parcelCount.toLocaleString('zh-CN') +
        ' 宗地 parcels，' + manifest.blockCount.toLocaleString('zh-CN') + ' 个区块 blocks。';
      buildLayers();
      buildTowns();
      buildSystems();
    },

    /** The legend's counts and 亩, for the town shown or the county. */
    update: function () {
      const manifest = app.manifest;
      const blocks = app.sets.blocks;
      const counts = manifest.categories.map(() => 0);
      const mu = manifest.categories.map(() => 0);
      if (blocks) {
        const category = blocks.columns.category;
        const town = blocks.columns.town;
        const land = blocks.columns.land_mu;
        for (let f = 0; f < blocks.count; f++) {
          if (app.town >= 0 && town[f] !== app.town) continue;
          counts[category[f]]++;
          mu[category[f]] += land[f];
        }
      }
      element('legend-scope').textContent = app.town >= 0 ? manifest.towns[app.town].name : '全域 All';
      const row = (swatchStyle, name, english, count, area, key) =>
        '<tr' + (key ? ' data-category="' + escape(key) + '"' : '') + '><td>' + swatchStyle + '</td>' +
        '<th scope="row">' + escape(name) + '<span class="english">' + escape(english) + '</span></th>' +
        '<td class="count">' + count.toLocaleString('zh-CN') + '</td>' +
        '<td class="mu">' + viewer.fixed(area, 1) + '</td></tr>';
      const opacity = 1 - (1 - app.layer('outlines').fillOpacity) * (1 - app.layer('blocks').fillOpacity);
      element('legend-body').innerHTML = manifest.categories
        .map((c, i) => {
          const style = 'background:' + c.fill + ';opacity:' + opacity.toFixed(3) + ';border-color:' + c.stroke;
          const swatchHTML = '<span class="swatch" style="' + escape(style) + '"></span>';
          return row(swatchHTML, c.name, c.english, counts[i], mu[i], c.key);
        })
        .join('');
      const sum = (values) => values.reduce((a, b) => a + b, 0);
      element('legend-total').innerHTML = row('', '合计', 'Total', sum(counts), sum(mu));
      element('town').value = String(app.town);
    },

    status: function (text, isError) {
      const status = element('status');
      status.textContent = text;
      status.className = isError ? 'error' : '';
      status.hidden = !text;
    },
  };
})((window.sanseViewer = window.sanseViewer || {}));
