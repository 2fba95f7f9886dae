/* sanse 三色 viewer — popups: the rows county.js lists for a layer, each value shown in its
 * format. A new property (a zone's classification, the work plan's year) needs only a row in
 * county.js and a column in the data script. */
(function (viewer) {
  'use strict';

  function escape(text) {
    const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    return String(text).replace(/[&<>"']/g, (c) => entities[c]);
  }
  viewer.escape = escape;

  function fixed(value, decimals) {
    return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  viewer.fixed = fixed;

  /** The value's text, or null when there is none to show. */
  function formatted(value, format, set, lists) {
    if (value === null || value === undefined) return null;
    if (format.startsWith('lookup:')) {
      const list = format.slice(7);
      const items = set.tables[list] || lists[list];
      if (value < 0 || !items || items[value] === undefined) return null;
      const item = items[value];
      return typeof item === 'string' ? item : item.label;
    }
    switch (format) {
      case 'mu': return fixed(value, 2) + ' 亩';
      case 'percent': return fixed(value * 100, 1) + '%';
      case 'fixed1': return fixed(value, 1);
      case 'fixed2': return fixed(value, 2);
      case 'metres': return fixed(value, 1) + ' 米 m';
      case 'integer': return fixed(value, 0);
      case 'yesNo': return value ? '是 Yes' : '否 No';
      default: return String(value);
    }
  }

  /** The popup's HTML for feature f of `set`, rows as county.js lists them. */
  viewer.popupHTML = function (heading, colour, rows, set, f, lists, actions) {
    let html = '<div class="sanse-popup" tabindex="-1" role="dialog" aria-label="' + escape(heading) + '">';
    html += '<h3><span class="swatch" style="background:' + escape(colour) + '"></span>' + escape(heading) +
      '</h3><table>';
    for (const row of rows) {
      const column = set.columns[row.key];
      if (!column) continue;
      const text = formatted(column[f], row.format, set, lists);
      if (text === null) continue;
      html += '<tr data-key="' + escape(row.key) + '"><th scope="row">' + escape(row.label) + '</th>' +
        '<td>' + escape(text) + '</td></tr>';
    }
    html += '</table>';
    for (const action of actions || []) {
      html += '<button type="button" class="popup-action" data-action="' + escape(action.id) + '">' +
        escape(action.label) + '</button>';
    }
    return html + '</div>';
  };
})((window.sanseViewer = window.sanseViewer || {}));
