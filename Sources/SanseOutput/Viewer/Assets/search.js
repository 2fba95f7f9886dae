/* sanse 三色 viewer — search by block id, parcel id or enterprise name. Blocks are in the
 * county data; parcels and enterprises in search.js (loaded on first use), which says which
 * town holds them; that town's parcels are then loaded to show the match. Results are buttons:
 * Tab or the arrow keys reach them, Enter opens the popup, Escape comes back here. */
(function (viewer) {
  'use strict';

  const shown = 8;
  let index = null;
  let lastFocus = null;

  function element(id) {
    return document.getElementById(id);
  }

  function loadIndex() {
    const app = viewer.app;
    if (!index) {
      index = viewer.load('web/data/' + app.manifest.searchFile, 'search').then((payload) => ({
        parcels: payload.parcels,
        enterprises: payload.enterprises,
        parcelsLower: payload.parcels.map((text) => text.toLowerCase()),
        enterprisesLower: payload.enterprises.map((text) => text.toLowerCase()),
      }));
    }
    return index;
  }

  /** Up to `limit` whole lines of `text` containing `query` (already lower case), with their towns. */
  function matchingLines(texts, lowered, query, limit) {
    const found = [];
    for (let t = 0; t < texts.length && found.length < limit; t++) {
      const lower = lowered[t];
      let from = 0;
      while (found.length < limit) {
        const at = lower.indexOf(query, from);
        if (at < 0) break;
        const start = lower.lastIndexOf('\n', at) + 1;
        let end = lower.indexOf('\n', at);
        if (end < 0) end = lower.length;
        found.push({ town: t, text: texts[t].slice(start, end) });
        from = end + 1;
      }
    }
    return found;
  }

  function blockResults(query) {
    const ids = viewer.app.sets.blocks.columns.id;
    const found = [];
    for (let f = 0; f < ids.length && found.length < shown; f++) {
      if (ids[f].toLowerCase().includes(query)) found.push(f);
    }
    return found;
  }

  async function results(query) {
    const app = viewer.app;
    const towns = app.manifest.towns;
    const items = blockResults(query).map((f) => ({
      label: '区块 ' + app.sets.blocks.columns.id[f],
      detail: towns[app.sets.blocks.columns.town[f]] ? towns[app.sets.blocks.columns.town[f]].name : '',
      open: (options) => app.openBlock(f, null, Object.assign({ zoom: true }, options)),
    }));
    const found = await loadIndex();
    for (const hit of matchingLines(found.parcels, found.parcelsLower, query, shown)) {
      items.push({
        label: '宗地 ' + hit.text,
        detail: towns[hit.town].name,
        open: (options) => openParcel(hit.town, hit.text, options),
      });
    }
    const names = new Map();
    for (const hit of matchingLines(found.enterprises, found.enterprisesLower, query, 50)) {
      if (!names.has(hit.text)) names.set(hit.text, []);
      names.get(hit.text).push(hit.town);
    }
    for (const [name, inTowns] of Array.from(names).slice(0, shown)) {
      items.push({
        label: '企业 ' + name,
        detail: inTowns.map((t) => towns[t].name).join('、'),
        open: (options) => openEnterprise(name, inTowns, options),
      });
    }
    return items;
  }

  async function openParcel(t, id, options) {
    const app = viewer.app;
    const set = await app.loadTown(t);
    const f = set.columns.id.indexOf(id);
    if (f >= 0) app.openParcel(t, f, null, Object.assign({ zoom: true }, options));
  }

  /** Every parcel of the enterprise, outlined, the map fitted to them; the popup lists them. */
  async function openEnterprise(name, inTowns, options) {
    const app = viewer.app;
    const items = [];
    for (const t of inTowns) {
      const set = await app.loadTown(t);
      const number = set.tables.enterprise.indexOf(name);
      set.columns.enterprise.forEach((e, f) => {
        if (e === number) items.push({ set: set, feature: f, town: t });
      });
    }
    if (!items.length) return;
    let bounds = null;
    let mu = 0;
    for (const item of items) {
      const box = item.set.box;
      const f = item.feature;
      const corners = [
        app.map.unproject(L.point(box[4 * f], box[4 * f + 3]), 0),
        app.map.unproject(L.point(box[4 * f + 2], box[4 * f + 1]), 0),
      ];
      bounds = bounds ? bounds.extend(L.latLngBounds(corners)) : L.latLngBounds(corners);
      mu += item.set.columns.area_mu[f] || 0;
    }
    app.map.fitBounds(bounds, { maxZoom: 17, padding: [64, 64], animate: false });
    app.select(items);
    const first = items[0];
    const at = app.map.unproject(L.point(...first.set.interiorPoint(first.feature)), 0);
    const label = viewer.escape(name);
    let html = '<div class="sanse-popup" tabindex="-1" role="dialog" aria-label="' + label + '"><h3>企业 Enterprise</h3>';
    html += '<p>' + label + '：' + items.length + ' 宗地 parcels，' + viewer.fixed(mu, 2) + ' 亩</p>';
    html += '<ul class="parcel-list">';
    items.slice(0, 30).forEach((item, i) => {
      const id = viewer.escape(item.set.columns.id[item.feature]);
      html += '<li><button type="button" data-action="p' + i + '">' + id + '</button></li>';
    });
    html += '</ul></div>';
    const popup = L.popup({ maxWidth: 380 }).setLatLng(at).setContent(html);
    popup.on('add', () => {
      const root = popup.getElement();
      root.querySelectorAll('[data-action]').forEach((button) => {
        const item = items[Number(button.getAttribute('data-action').slice(1))];
        button.addEventListener('click', () => {
          app.openParcel(item.town, item.feature, null, { zoom: true, focus: true });
        });
      });
      if (options && options.focus) root.querySelector('.sanse-popup').focus();
    });
    popup.openOn(app.map);
  }

  function render(items, query) {
    const list = element('results');
    list.innerHTML = '';
    items.forEach((item) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.innerHTML = '<span class="label"></span><span class="detail"></span>';
      button.querySelector('.label').textContent = item.label;
      button.querySelector('.detail').textContent = item.detail;
      button.addEventListener('click', () => {
        lastFocus = button;
        item.open({ focus: true });
      });
      li.appendChild(button);
      list.appendChild(li);
    });
    const found = items.length ? items.length + ' 个结果 results' : '没有找到 Nothing found';
    element('search-status').textContent = query ? found : '';
    viewer.stats.searchResults = items.map((item) => item.label);
  }

  let generation = 0;
  async function run() {
    const query = element('search').value.trim().toLowerCase();
    const mine = ++generation;
    if (!query) return render([], '');
    element('search-status').textContent = '查找中… Searching…';
    const items = await results(query);
    if (mine === generation) render(items, query);
    return items;
  }

  function focusResult(step) {
    const buttons = Array.from(element('results').querySelectorAll('button'));
    if (!buttons.length) return;
    const at = buttons.indexOf(document.activeElement);
    const next = at < 0 ? (step > 0 ? 0 : buttons.length - 1) : Math.min(buttons.length - 1, Math.max(0, at + step));
    buttons[next].focus();
  }

  function setUp() {
    const input = element('search');
    let timer = null;
    // The index is loaded when the search box is first used, not with the county.
    const warmUp = () => viewer.app.manifest && loadIndex().catch((error) => console.error(error));
    input.addEventListener('focus', warmUp, { once: true });
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    input.addEventListener('keydown', async (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        clearTimeout(timer);
        const items = await run();
        lastFocus = input;
        if (items && items.length) items[0].open({ focus: true });
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        focusResult(1);
      }
    });
    element('results').addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        focusResult(event.key === 'ArrowDown' ? 1 : -1);
      }
    });
    // Escape closes the popup and returns to where the keyboard was.
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !viewer.app.map) return;
      viewer.app.map.closePopup();
      if (lastFocus) lastFocus.focus();
    });
  }

  viewer.search = { run: run };
  // The page loads this script at the end of its body: the elements are there.
  setUp();
})((window.sanseViewer = window.sanseViewer || {}));
