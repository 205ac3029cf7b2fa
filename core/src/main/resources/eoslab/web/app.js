// eoslab explorer: controls built from /api/schema, live plots (uPlot) of a GD-versus-GF comparison, a phase map
// computed tile by tile, shareable links, the exact ./eoslab command of every view, CSV/PNG/SVG downloads.
'use strict';
(() => {
  const $ = (s) => document.querySelector(s);
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) e.append(c);
    return e;
  };

  // ---- the API ----------------------------------------------------------------------------------------------
  class ApiError extends Error {
    constructor(message, status) { super(message); this.status = status; }
  }
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  async function api(endpoint, body, { signal, as = 'json' } = {}) {
    let r;
    for (let attempt = 0; ; attempt++) {
      r = await fetch('api/' + endpoint, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal,
      });
      // 429: the server is computing as many requests as it allows; wait a little and ask again
      if (r.status !== 429 || attempt >= 50) break;
      await sleep(20 + 10 * attempt);
    }
    if (!r.ok) {
      let message = r.status + ' ' + r.statusText;
      try { message = (await r.json()).error; } catch (e) { /* not JSON */ }
      throw new ApiError(message, r.status);
    }
    if (as === 'binary') return r.arrayBuffer();
    if (as === 'blob') return r.blob();
    return r.json();
  }
  // the binary reply of format f64: uint32 header length, JSON header, padding to 8, float64 columns
  function decodeF64(buf) {
    const dv = new DataView(buf);
    const h = dv.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, h)));
    let off = Math.ceil((4 + h) / 8) * 8;
    const series = {};
    for (const name of header.columns) {
      series[name] = new Float64Array(buf, off, header.rows);
      off += 8 * header.rows;
    }
    header.series = series;
    return header;
  }

  // ---- state ------------------------------------------------------------------------------------------------
  let schema = null;
  const values = {};          // values[part][variant][field] = text typed or set
  const chosen = {};          // chosen[part] = variant name
  const state = { view: 'explorer', spec: null, phase: null, reply: null, phaseCommand: '' };
  const timings = [];         // slider input → redraw, ms
  const phaseRuns = [];       // {tiles, cells, seconds} per completed phase view
  const errors = [];
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  const page = { state, timings, phaseRuns, errors, plots: {}, ready: false, loadedCell: null, lossRange: [-1, 0] };
  window.eoslab = page;
  Object.defineProperty(page, 'busy', { get: () => inFlight || pending !== null });
  page.phaseOptions = () => phaseOptions(state.phase);

  const fmt = (v) => (v === null || v === undefined) ? '–'
    : (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : Number(v.toPrecision(6)).toString()) : String(v));

  // ---- controls from the schema -----------------------------------------------------------------------------
  // a part or variant naming "models" applies to those model families only (the networks' starts and sharpness)
  function family() { return chosen.model || 'shallow'; }
  function applies(x) { return !x.models || x.models.includes(family()); }
  function isNetwork() { return family() !== 'shallow'; }
  function parts() { return schema.spec.run.filter(applies); }
  function variantOf(part, name) {
    const vs = part.variants.filter(applies);
    return vs.find((v) => v.name === name) || vs[0];
  }
  // a dotted field key (sparse.n) is a member of a nested object
  function getPath(obj, key) {
    return key.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
  }
  function setPath(obj, key, value) {
    const path = key.split('.');
    let o = obj;
    for (const k of path.slice(0, -1)) o = o[k] = o[k] || {};
    o[path[path.length - 1]] = value;
  }
  function fieldText(v) { return Array.isArray(v) ? v.join(',') : (v === null || v === undefined ? '' : String(v)); }

  function loadSpec(spec) {
    if (spec.model && spec.model.family) chosen.model = spec.model.family;
    for (const part of parts()) {
      const given = spec[part.key];
      if (part.kind === 'variant') {
        let v = part.tag ? variantOf(part, given && given[part.tag])
          : part.variants.find((x) => given && x.fields.length && given[x.fields[0].key] !== undefined) || part.variants[0];
        chosen[part.key] = v.name;
        values[part.key] = values[part.key] || {};
        const vals = values[part.key][v.name] = values[part.key][v.name] || {};
        for (const f of v.fields) if (given && getPath(given, f.key) !== undefined) vals[f.key] = fieldText(getPath(given, f.key));
      } else if (part.kind === 'object') {
        values[part.key] = values[part.key] || {};
        for (const f of part.fields) if (given && given[f.key] !== undefined) values[part.key][f.key] = fieldText(given[f.key]);
      } else if (given !== undefined) {
        values[part.key] = fieldText(given);
      }
    }
  }

  function readValue(f, text) {
    if (text === undefined || text === '') return undefined;
    if (f.type === 'number' || f.type === 'integer') { const n = Number(text); return Number.isFinite(n) ? n : text; }
    if (f.type === 'numbers') return text.split(',').map((t) => { const n = Number(t.trim()); return Number.isFinite(n) ? n : t; });
    return text;
  }

  function specFromControls() {
    const spec = {};
    for (const part of parts()) {
      if (part.kind === 'variant') {
        const v = variantOf(part, chosen[part.key]);
        const vals = (values[part.key] || {})[v.name] || {};
        const obj = part.tag ? { [part.tag]: v.name } : {};
        for (const f of v.fields) {
          if (f.cli_only) continue;
          let x = readValue(f, vals[f.key]);
          if (x === undefined && f.default_from) x = readValue(f, vals[f.default_from]);
          if (x === undefined && f.default_from) x = v.fields.find((g) => g.key === f.default_from).default;
          if (x === undefined) x = f.default;
          if (x !== undefined && x !== null) setPath(obj, f.key, x);
        }
        spec[part.key] = obj;
      } else if (part.kind === 'object') {
        const obj = {};
        for (const f of part.fields) {
          const x = readValue(f, (values[part.key] || {})[f.key]);
          obj[f.key] = x === undefined ? f.default : x;
        }
        spec[part.key] = obj;
      } else {
        const x = values[part.key];
        spec[part.key] = x === undefined || x === '' ? part.default : x;
      }
    }
    return spec;
  }

  function sliderPos(s, value) {
    const v = Number(value);
    if (!Number.isFinite(v)) return 0;
    const t = s.log ? (Math.log(Math.max(v, s.min)) - Math.log(s.min)) / (Math.log(s.max) - Math.log(s.min))
      : (v - s.min) / (s.max - s.min);
    return Math.round(1000 * Math.min(1, Math.max(0, t)));
  }
  function sliderValue(s, pos) {
    const t = pos / 1000;
    const v = s.log ? Math.exp(Math.log(s.min) + t * (Math.log(s.max) - Math.log(s.min))) : s.min + t * (s.max - s.min);
    return Number(v.toPrecision(4));
  }

  function fieldRow(f, vals, onChange) {
    const id = 'f-' + Math.random().toString(36).slice(2, 9);
    const row = el('div', { class: 'row' });
    row.append(el('label', { for: id, text: f.label, title: f.option ? 'option ' + f.option : '' }));
    const input = el('input', {
      id, type: f.type === 'number' || f.type === 'integer' ? 'number' : 'text', step: 'any',
      'data-field': f.key, placeholder: f.default_from ? '= ' + f.default_from : fieldText(f.default),
    });
    input.value = vals[f.key] !== undefined ? vals[f.key] : (f.default_from ? '' : fieldText(f.default));
    vals[f.key] = input.value;
    row.append(input);
    let slider = null;
    if (f.slider) {
      slider = el('input', { type: 'range', min: 0, max: 1000, step: 1, class: 'slider', 'data-slider': f.key,
        'aria-label': f.label + ' slider' });
      slider.value = sliderPos(f.slider, input.value);
      slider.addEventListener('input', (e) => {
        const t0 = e.timeStamp || performance.now();
        input.value = String(sliderValue(f.slider, Number(slider.value)));
        vals[f.key] = input.value;
        onChange(t0);
      });
      row.append(slider);
    }
    input.addEventListener('input', (e) => {
      vals[f.key] = input.value;
      if (slider) slider.value = sliderPos(f.slider, input.value);
      onChange(e.timeStamp || performance.now());
    });
    return row;
  }

  function buildControls() {
    const root = $('#controls');
    root.textContent = '';
    for (const part of parts()) {
      const fs = el('fieldset', { 'data-part': part.key }, el('legend', { text: part.label }));
      if (part.kind === 'variant') {
        values[part.key] = values[part.key] || {};
        if (!chosen[part.key]) chosen[part.key] = part.variants[0].name;
        const sel = el('select', { id: 'variant-' + part.key, 'aria-label': part.label });
        const vs = part.variants.filter(applies);
        if (!vs.some((v) => v.name === chosen[part.key])) chosen[part.key] = vs[0].name;
        for (const v of vs) sel.append(el('option', { value: v.name, title: v.label, text: v.name }));
        sel.value = chosen[part.key];
        const note = el('div', { class: 'variant-note' });
        const box = el('div');
        const render = () => {
          const v = variantOf(part, chosen[part.key]);
          note.textContent = v.label;
          box.textContent = '';
          const vals = values[part.key][v.name] = values[part.key][v.name] || {};
          for (const f of v.fields) if (!f.cli_only) box.append(fieldRow(f, vals, changed));
        };
        sel.addEventListener('change', () => {
          chosen[part.key] = sel.value;
          // another model family brings its own starts and settings: rebuild every control
          if (part.key === 'model') { buildControls(); showModelPlots(); } else render();
          changed(performance.now());
        });
        if (vs.length > 1) fs.append(el('div', { class: 'row' }, el('label', { text: 'form' }), sel));
        fs.append(note, box);
        render();
      } else if (part.kind === 'object') {
        values[part.key] = values[part.key] || {};
        for (const f of part.fields) fs.append(fieldRow(f, values[part.key], changed));
      } else if (part.kind === 'enum') {
        const sel = el('select', { id: 'field-' + part.key });
        for (const c of part.choices) sel.append(el('option', { value: c, text: c }));
        sel.value = values[part.key] || part.default;
        sel.addEventListener('change', () => { values[part.key] = sel.value; changed(performance.now()); });
        fs.append(el('div', { class: 'row' }, el('label', { text: part.key }), sel));
      } else {
        const input = el('input', { type: 'text', id: 'field-' + part.key, placeholder: part.default });
        input.value = values[part.key] || part.default;
        input.addEventListener('change', () => { values[part.key] = input.value; changed(performance.now()); });
        fs.append(el('div', { class: 'row' }, el('label', { text: part.key }), input));
      }
      root.append(fs);
    }
  }

  // ---- the explorer: one comparison, redrawn as inputs move -------------------------------------------------
  let inFlight = false;
  let pending = null;        // input time of the newest change not yet sent
  let runSeq = 0;

  function changed(t0) {
    state.spec = specFromControls();
    writeUrl();
    pending = t0;
    if (!inFlight) send();
  }

  function every(spec) {
    const steps = spec.stop && Number(spec.stop.steps);
    return Number.isFinite(steps) && steps > 50000 ? Math.ceil(steps / 50000) : 1;
  }

  async function send() {
    if (pending === null) return;
    const t0 = pending;
    pending = null;
    inFlight = true;
    const seq = ++runSeq;
    const spec = state.spec;
    try {
      const buf = await api('compare', { spec, every: every(spec), series: true, region: true, format: 'f64' }, { as: 'binary' });
      const reply = decodeF64(buf);
      const tReply = performance.now();
      state.reply = reply;
      draw(reply);
      const tDrawn = performance.now();
      const timing = { seq, rows: reply.rows, fetch: tReply - t0, total: tDrawn - t0 };
      timings.push(timing);
      requestAnimationFrame(() => { timing.frame = performance.now() - t0; });
      status(reply, tDrawn - t0);
      if (state.view === 'explorer') $('#command').textContent = reply.command_out;
    } catch (e) {
      showError(e.message);
    } finally {
      inFlight = false;
      if (pending !== null) send();
    }
  }

  function status(reply, ms) {
    const s = reply.summary;
    const gd = s.gd;
    const st = $('#status');
    st.classList.remove('error');
    st.textContent = `GD ${gd.outcome}${gd.outcome === 'max_steps' ? '' : ' at step ' + gd.steps} · η = ${fmt(gd.eta)}`
      + ` (c = ηλ_GF/2 = ${fmt(gd.eta_rel)}, ${gd.regime})`
      + (reply.region && reply.region.eta_star !== null ? ` · η* = ${fmt(reply.region.eta_star)}` : '')
      + ` · ${reply.rows} rows · drawn ${ms.toFixed(0)} ms after input`;
  }
  function showError(message) {
    const st = $('#status');
    st.classList.add('error');
    st.textContent = 'error: ' + message;
  }

  const COLORS = { gd: '#1d4e89', gf: '#d1495b', gfs: '#2a9d8f', edge: '#6c757d', lgf: '#e9a03b' };
  const plotWidth = (id) => Math.max(300, $(id).parentElement.clientWidth - 14);
  // the loss spans hundreds of decades (uPlot's own log scale handles about 32): plot log10 on a linear axis
  const log10 = (a) => Array.from(a, (v) => (v > 0 && Number.isFinite(v) ? Math.log10(v) : null));

  function linePlot(id, label, xLabel, series, log) {
    const yAxis = { label, size: 64 };
    if (log) {
      yAxis.incrs = [1, 2, 5, 10, 20, 50, 100];
      yAxis.values = (u, splits) => splits.map((v) => '1e' + v);
    }
    const value = log ? (u, v) => (v === null || v === undefined ? '--' : Number((10 ** v).toPrecision(4)).toExponential())
      : (u, v) => (v === null || v === undefined ? '--' : fmt(v));
    const opts = {
      width: plotWidth(id), height: 230,
      scales: { x: { time: false }, y: log ? { range: () => page.lossRange } : {} },
      axes: [{ label: xLabel, size: 40 }, yAxis],
      legend: { live: true },
      series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: s.width || 1.5, dash: s.dash, points: { show: false }, value }))],
      hooks: { draw: [() => { page.lastDraw = performance.now(); }] },
    };
    return new uPlot(opts, [[0, 1], ...series.map(() => [null, null])], $(id));
  }

  function orbitPlot(id) {
    const opts = {
      width: plotWidth(id), height: 230,
      scales: { x: { time: false, range: () => page.orbitRange.x }, y: { range: () => page.orbitRange.y } },
      axes: [{ label: 'product m = aᵀb', size: 40 }, { label: 'norm λ = ‖a‖² + ‖b‖²', size: 64 }],
      legend: { live: false },
      cursor: { show: false },
      series: [{}, { label: 'GD', stroke: COLORS.gd }, { label: 'GF', stroke: COLORS.gf },
        { label: 'GD converges', stroke: '#7fb77e', fill: 'rgba(127,183,126,0.25)' }],
      hooks: { draw: [drawOrbit] },
    };
    page.orbitRange = { x: [-1, 1], y: [0, 1] };
    return new uPlot(opts, [[0, 1], [null, null], [null, null], [null, null]], $(id));
  }

  function drawOrbit(u) {
    const r = state.reply;
    if (!r) return;
    const ctx = u.ctx;
    const X = (v) => u.valToPos(v, 'x', true);
    const Y = (v) => u.valToPos(v, 'y', true);
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    const reg = r.region;
    if (reg && reg.lambda_max) {
      ctx.fillStyle = 'rgba(127,183,126,0.25)';
      ctx.beginPath();
      reg.m.forEach((m, i) => { const top = Math.max(reg.lambda_max[i], 2 * Math.abs(m)); (i ? ctx.lineTo : ctx.moveTo).call(ctx, X(m), Y(top)); });
      for (let i = reg.m.length - 1; i >= 0; i--) ctx.lineTo(X(reg.m[i]), Y(2 * Math.abs(reg.m[i])));
      ctx.closePath();
      ctx.fill();
    }
    if (reg) {
      ctx.strokeStyle = '#888';
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      reg.m.forEach((m, i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, X(m), Y(2 * Math.abs(m))));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const line = (xs, ys, color, dots) => {
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 1.2 * devicePixelRatio;
      ctx.beginPath();
      for (let i = 0; i < xs.length; i++) (i ? ctx.lineTo : ctx.moveTo).call(ctx, X(xs[i]), Y(ys[i]));
      ctx.stroke();
      if (dots && xs.length <= 4000) for (let i = 0; i < xs.length; i++) ctx.fillRect(X(xs[i]) - 1.5, Y(ys[i]) - 1.5, 3, 3);
    };
    const s = r.series;
    line(s.gf_product, s.gf_norm, COLORS.gf, false);
    line(s.gd_product, s.gd_norm, COLORS.gd, true);
    ctx.restore();
  }

  function createPlots() {
    const p = page.plots;
    p.loss = linePlot('#plot-loss', 'loss L', 'step k', [
      { label: 'GD', color: COLORS.gd }, { label: 'GF (t = ηk)', color: COLORS.gf }], true);
    p.sharpness = linePlot('#plot-sharpness', 'sharpness', 'step k', [
      { label: 'GD sharpness S', color: COLORS.gd }, { label: 'GFS sharpness', color: COLORS.gfs },
      { label: 'GF sharpness', color: COLORS.gf }, { label: '2/η', color: COLORS.edge, dash: [6, 4] },
      { label: 'λ_GF', color: COLORS.lgf, dash: [2, 3] }], false);
    p.imbalance = linePlot('#plot-imbalance', 'imbalance Q', 'step k', [
      { label: 'GD', color: COLORS.gd }, { label: 'GF', color: COLORS.gf }], false);
    p.clock = linePlot('#plot-clock', 'residual ε', 'time t = ηk', [
      { label: 'GD', color: COLORS.gd }, { label: 'GF', color: COLORS.gf }], false);
    p.orbit = orbitPlot('#plot-orbit');
    window.addEventListener('resize', () => {
      for (const [name, u] of Object.entries(p)) u.setSize({ width: plotWidth('#plot-' + name), height: 230 });
    });
  }

  function range(arrays, pad, floor) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const a of arrays) for (const v of a) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    if (!(hi >= lo)) return [0, 1];
    const d = Math.max(hi - lo, 1e-9 * Math.max(1, Math.abs(hi)));
    lo -= pad * d;
    hi += pad * d;
    return [floor !== undefined ? Math.max(floor, lo) : lo, hi];
  }

  // the networks (--model linear|diagonal) have no (m, λ) orbit and no scalar imbalance Q: those plots are hidden
  const SHALLOW_ONLY = ['imbalance', 'orbit'];
  function showModelPlots() {
    const network = isNetwork();
    for (const name of SHALLOW_ONLY) document.querySelector('.plot[data-chart="' + name + '"]').hidden = network;
    $('#network-note').hidden = !network;
  }

  function draw(reply) {
    const s = reply.series;
    const gd = reply.summary.gd;
    const n = reply.rows;
    const network = reply.spec.model.family !== 'shallow';
    const nulls = new Array(n).fill(null);
    const edge = new Float64Array(n).fill(reply.summary.edge_threshold);
    // λ_GF: the shallow GF solution's closed form, or the network GF limit's sharpness
    const lgf = new Float64Array(n).fill(network ? reply.summary.gf.sharpness : gd.gf_sharpness);
    const p = page.plots;
    // batch: each plot draws now, not in a later microtask, so the time measured includes the drawing
    const gdLoss = log10(s.gd_loss);
    const gfLoss = log10(s.gf_loss);
    // GF's loss keeps decaying far below GD's last one: show GD's whole range and GF down to 4 decades below it
    const [lo, hi] = range([gdLoss.filter((v) => v !== null)], 0.05);
    const [lo2, hi2] = range([gfLoss.filter((v) => v !== null)], 0.05);
    page.lossRange = [Math.floor(Math.max(Math.min(lo, lo2), lo - 4)), Math.ceil(Math.max(hi, hi2))];
    p.loss.batch(() => p.loss.setData([s.step, gdLoss, gfLoss]));
    p.sharpness.batch(() => p.sharpness.setData([s.step, s.gd_sharpness, s.gd_gf_sharpness || nulls, s.gf_sharpness || nulls, edge, lgf]));
    p.clock.batch(() => p.clock.setData([s.time, s.gd_residual, s.gf_residual]));
    showModelPlots();
    if (network) {
      summaryTable(reply);
      return;
    }
    p.imbalance.batch(() => p.imbalance.setData([s.step, s.gd_imbalance, s.gf_imbalance]));
    page.orbitRange = { x: range([s.gd_product, s.gf_product], 0.08), y: range([s.gd_norm, s.gf_norm], 0.08, 0) };
    p.orbit.batch(() => p.orbit.setData([page.orbitRange.x, [null, null], [null, null], [null, null]]));
    summaryTable(reply);
  }

  function summaryTable(reply) {
    const s = reply.summary;
    const network = reply.spec.model.family !== 'shallow';
    const rows = network
      ? [['outcome', 'outcome'], ['steps', 'steps'], ['time_to_tol', 'time to tol'], ['loss', 'final loss'],
        ['min_loss', 'L* (global minimum)'], ['sharpness', 'final sharpness'], ['gfs_sharpness', 'GFS sharpness'],
        ['imbalance', 'final imbalance ‖conserved‖'], ['max_loss', 'max loss']]
      : [['outcome', 'outcome'], ['steps', 'steps'], ['time_to_tol', 'time to tol'], ['loss', 'final loss'],
        ['sharpness', 'final sharpness'], ['gf_sharpness', 'λ_GF'], ['imbalance', 'final Q'], ['max_loss', 'max loss']];
    const t = $('#summary');
    t.textContent = '';
    t.append(el('tr', {}, el('td'), el('th', { text: 'GD' }), el('th', { text: 'GF' })));
    for (const [k, label] of rows) t.append(el('tr', {}, el('td', { text: label }), el('td', { text: fmt(s.gd[k]) }), el('td', { text: fmt(s.gf[k]) })));
    for (const [k, label] of [['regularization_gain', 'regularization gain 1 − λ∞/λ_GF'], ['edge_threshold', 'stability edge 2/η'],
      ['first_step_above_edge', 'first step above 2/η'],
      ['max_distance', network ? 'max distance of the end-to-end maps' : 'max distance (ε, λ)']]) {
      t.append(el('tr', {}, el('td', { text: label }), el('td', { text: fmt(s[k]) }), el('td')));
    }
  }

  // ---- the phase map: tiles on demand, cancelled when the view moves on ---------------------------------------
  const pageId = Math.random().toString(36).slice(2);
  let viewSeq = 0;
  let controller = null;

  function defaultPhase() {
    return { x: 'eta-rel', x0: 0.2, x1: 2.5, y: 'lambda0', y0: 0.5, y1: 10, n: 256, steps: 10000 };
  }

  function phaseOptions(ph) {
    const spec = state.spec || specFromControls();
    const o = {};
    o[ph.x] = `${ph.x0}:${ph.x1}:${ph.n}`;
    const start = spec.start || {};
    const phi = spec.model && spec.model.phi !== undefined ? spec.model.phi : 1;
    if (ph.y !== 'phi') o.phi = phi;
    if (ph.y === 'scale' || (start.init === 'gaussian' && ph.y === 'phi')) {
      if (ph.y !== 'scale') o.scale = start.scale;
      o.width = start.width;
      o.seed = start.seed;
      if (start.scale_b !== undefined && start.scale_b !== start.scale) o.scale_b = start.scale_b;
    } else {
      const m0 = start.init === 'canonical' ? start.m0 : 0;
      const l0 = start.init === 'canonical' ? start.lambda0 : 5;
      if (ph.y !== 'm0') o.m0 = m0;
      if (ph.y !== 'lambda0') o.lambda0 = l0;
    }
    o[ph.y] = `${ph.y0}:${ph.y1}:${ph.n}`;
    o.steps = ph.steps;
    if (spec.stop && spec.stop.tol !== undefined) o.tol = spec.stop.tol;
    return o;
  }

  function phaseFromInputs() {
    const ph = state.phase;
    ph.x = $('#phase-x').value;
    ph.y = $('#phase-y').value;
    for (const k of ['x0', 'x1', 'y0', 'y1']) ph[k] = Number($('#phase-' + k).value);
    ph.n = Number($('#phase-n').value);
    ph.steps = Number($('#phase-steps').value);
  }
  function phaseToInputs() {
    const ph = state.phase;
    $('#phase-x').value = ph.x;
    $('#phase-y').value = ph.y;
    for (const k of ['x0', 'x1', 'y0', 'y1']) $('#phase-' + k).value = String(ph[k]);
    $('#phase-n').value = String(ph.n);
    $('#phase-steps').value = String(ph.steps);
  }

  function axisValue(a0, a1, n, i) {
    return i === 0 ? a0 : i === n - 1 ? a1 : a0 + (a1 - a0) * (i / (n - 1));
  }

  async function phaseView() {
    const ph = state.phase;
    phaseToInputs();
    writeUrl();
    if (controller) controller.abort();
    controller = new AbortController();
    const signal = controller.signal;
    const seq = ++viewSeq;
    const options = phaseOptions(ph);
    const canvas = $('#phase-canvas');
    canvas.width = ph.n;
    canvas.height = ph.n;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#f1f3f5';
    ctx.fillRect(0, 0, ph.n, ph.n);
    const image = ctx.getImageData(0, 0, ph.n, ph.n);
    state.phaseCells = { n: ph.n, cls: new Int8Array(ph.n * ph.n).fill(-1), steps: new Int32Array(ph.n * ph.n), period: new Uint8Array(ph.n * ph.n) };
    labels(ph);
    const t0 = performance.now();
    const perRow = Math.ceil(ph.n / schema.phase.tile_cells);
    const total = ph.n * perRow;
    const batch = Math.max(1, Math.floor(8192 / Math.min(ph.n, schema.phase.tile_cells)));
    let next = 0;
    let done = 0;
    progress(0, total, 0);
    const worker = async () => {
      while (next < total && !signal.aborted) {
        const first = next;
        next += batch;
        const reply = await api('phase', { options, tiles: [first, batch], cancel: { group: pageId, seq } }, { signal });
        if (signal.aborted || seq !== viewSeq) return;
        if (!state.phaseCommand || reply.command) state.phaseCommand = reply.command;
        for (const t of reply.tiles) {
          paint(image, t, ph.n);
          done++;
        }
        ctx.putImageData(image, 0, 0);
        progress(done, total, performance.now() - t0);
      }
    };
    try {
      const workers = [];
      for (let i = 0; i < Math.max(1, Math.min(2, schema.threads)); i++) workers.push(worker());
      await Promise.all(workers);
      if (seq === viewSeq && done === total) {
        phaseRuns.push({ tiles: total, cells: ph.n * ph.n, seconds: (performance.now() - t0) / 1000 });
        if (state.view === 'phase') $('#command').textContent = state.phaseCommand;
      }
    } catch (e) {
      if (e.name !== 'AbortError' && seq === viewSeq) {
        $('#phase-text').textContent = 'error: ' + e.message;
      }
    }
  }

  function paint(image, tile, n) {
    const raw = atob(tile.rgb);
    const cells = state.phaseCells;
    for (let i = 0; i < tile.cls.length; i++) {
      const cell = tile.first + i;
      const ix = cell % n;
      const iy = Math.floor(cell / n);
      const o = 4 * ((n - 1 - iy) * n + ix);
      image.data[o] = raw.charCodeAt(3 * i);
      image.data[o + 1] = raw.charCodeAt(3 * i + 1);
      image.data[o + 2] = raw.charCodeAt(3 * i + 2);
      image.data[o + 3] = 255;
      cells.cls[cell] = tile.cls[i];
      cells.steps[cell] = tile.steps[i];
      cells.period[cell] = tile.period[i];
    }
  }

  function progress(done, total, ms) {
    $('#phase-bar').style.width = (100 * done / total).toFixed(1) + '%';
    $('#phase-text').textContent = `${done}/${total} tiles` + (done ? ` · ${(done / (ms / 1000)).toFixed(0)} tiles/s` : '');
  }

  function labels(ph) {
    $('#phase-x0-label').textContent = fmt(ph.x0);
    $('#phase-x1-label').textContent = fmt(ph.x1);
    $('#phase-x-name').textContent = ph.x === 'eta-rel' ? 'c = ηλ_GF/2 (eta-rel)' : 'η (eta)';
    $('#phase-y0-label').textContent = ph.y + ' = ' + fmt(ph.y0);
    $('#phase-y1-label').textContent = ph.y + ' = ' + fmt(ph.y1);
    $('#phase-ylab').textContent = ph.y;
  }

  function cellAt(event) {
    const c = $('#phase-canvas');
    const r = c.getBoundingClientRect();
    const n = state.phase.n;
    const ix = Math.min(n - 1, Math.max(0, Math.floor((event.clientX - r.left) / r.width * n)));
    const iy = Math.min(n - 1, Math.max(0, n - 1 - Math.floor((event.clientY - r.top) / r.height * n)));
    return [ix, iy];
  }

  async function loadCell(ix, iy) {
    const reply = await api('phase', { options: phaseOptions(state.phase), cell: [ix, iy] });
    page.loadedCell = reply;
    loadSpec(reply.spec);
    buildControls();
    setView('explorer');
    changed(performance.now());
    return reply;
  }

  function hookPhase() {
    const c = $('#phase-canvas');
    let down = null;
    c.addEventListener('mousedown', (e) => { down = { x: e.clientX, y: e.clientY }; });
    c.addEventListener('mouseup', (e) => {
      if (!down) return;
      const dx = e.clientX - down.x;
      const dy = e.clientY - down.y;
      down = null;
      const ph = state.phase;
      const r = c.getBoundingClientRect();
      if (Math.abs(dx) + Math.abs(dy) < 4) {
        const [ix, iy] = cellAt(e);
        loadCell(ix, iy).catch((err) => { $('#phase-text').textContent = 'error: ' + err.message; });
        return;
      }
      const sx = (ph.x1 - ph.x0) * dx / r.width;
      const sy = (ph.y1 - ph.y0) * dy / r.height;
      ph.x0 = round(ph.x0 - sx); ph.x1 = round(ph.x1 - sx);
      ph.y0 = round(ph.y0 + sy); ph.y1 = round(ph.y1 + sy);
      phaseView();
    });
    let wheelTimer = null;
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const ph = state.phase;
      const r = c.getBoundingClientRect();
      const fx = (e.clientX - r.left) / r.width;
      const fy = 1 - (e.clientY - r.top) / r.height;
      zoom(e.deltaY < 0 ? 0.8 : 1.25, fx, fy);
      clearTimeout(wheelTimer);
      phaseToInputs();
      labels(ph);
      wheelTimer = setTimeout(phaseView, 150);
    }, { passive: false });
    c.addEventListener('mousemove', (e) => {
      const [ix, iy] = cellAt(e);
      const ph = state.phase;
      const cells = state.phaseCells;
      if (!cells) return;
      const k = iy * ph.n + ix;
      const cls = cells.cls[k] >= 0 ? schema.phase.classes[cells.cls[k]] : '…';
      $('#phase-hover').textContent = `${ph.x} = ${fmt(axisValue(ph.x0, ph.x1, ph.n, ix))}\n${ph.y} = ${fmt(axisValue(ph.y0, ph.y1, ph.n, iy))}\n`
        + `${cls}` + (cells.cls[k] === 2 ? ` (period ${cells.period[k]})` : cells.cls[k] >= 0 ? ` (${cells.steps[k]} steps)` : '')
        + '\nclick: load this run';
    });
    $('#phase-apply').addEventListener('click', () => { phaseFromInputs(); phaseView(); });
    $('#phase-zoom-in').addEventListener('click', () => { phaseFromInputs(); zoom(0.5, 0.5, 0.5); phaseView(); });
    $('#phase-zoom-out').addEventListener('click', () => { phaseFromInputs(); zoom(2, 0.5, 0.5); phaseView(); });
    $('#phase-reset').addEventListener('click', () => { state.phase = defaultPhase(); phaseView(); });
  }
  function round(v) { return Number(v.toPrecision(6)); }
  function zoom(f, fx, fy) {
    const ph = state.phase;
    const cx = ph.x0 + fx * (ph.x1 - ph.x0);
    const cy = ph.y0 + fy * (ph.y1 - ph.y0);
    ph.x0 = round(cx - (cx - ph.x0) * f); ph.x1 = round(cx + (ph.x1 - cx) * f);
    ph.y0 = round(cy - (cy - ph.y0) * f); ph.y1 = round(cy + (ph.y1 - cy) * f);
  }

  function legend() {
    const box = $('#phase-legend');
    box.textContent = '';
    for (const l of schema.phase.legend) box.append(el('div', {}, el('i', { style: 'background:' + l.rgb }), l.label));
  }

  // ---- views, links, commands, downloads --------------------------------------------------------------------
  function setView(view) {
    state.view = view;
    $('#explorer-view').hidden = view !== 'explorer';
    $('#phase-view').hidden = view !== 'phase';
    $('#tab-explorer').classList.toggle('active', view === 'explorer');
    $('#tab-phase').classList.toggle('active', view === 'phase');
    $('#command').textContent = view === 'explorer' ? (state.reply ? state.reply.command_out : '') : state.phaseCommand;
    writeUrl();
    if (view === 'phase' && !state.phaseCells) phaseView();
    if (view === 'explorer') for (const [name, u] of Object.entries(page.plots)) u.setSize({ width: plotWidth('#plot-' + name), height: 230 });
  }

  function writeUrl() {
    const p = new URLSearchParams();
    p.set('view', state.view);
    if (state.spec) p.set('spec', JSON.stringify(state.spec));
    if (state.phase) p.set('phase', JSON.stringify(state.phase));
    history.replaceState(null, '', '#' + p.toString());
  }
  function readUrl() {
    const p = new URLSearchParams(location.hash.slice(1));
    const out = {};
    try {
      if (p.get('spec')) out.spec = JSON.parse(p.get('spec'));
      if (p.get('phase')) out.phase = JSON.parse(p.get('phase'));
    } catch (e) {
      notice('the link could not be read: ' + e.message);
    }
    out.view = p.get('view') === 'phase' ? 'phase' : 'explorer';
    return out;
  }

  function notice(text) {
    $('#notice').textContent = text;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(() => { $('#notice').textContent = ''; }, 4000);
  }
  async function copy(text, what) {
    try {
      await navigator.clipboard.writeText(text);
      notice(what + ' copied');
    } catch (e) {
      notice(what + ': select and copy it from the bar');
    }
  }

  function viewRequest() {
    if (state.view === 'phase') return { options: phaseOptions(state.phase) };
    return { spec: state.spec, every: every(state.spec) };
  }
  async function download(format, chartName) {
    try {
      let blob;
      let name;
      if (format === 'csv') {
        const phase = state.view === 'phase';
        const big = phase && state.phase.n * state.phase.n > 65536;
        blob = await api(phase ? 'phase' : 'compare', Object.assign(viewRequest(), { format: big ? 'npy' : 'csv' }), { as: 'blob' });
        name = phase ? (big ? 'phase.npy' : 'phase.csv') : 'compare.csv';
      } else {
        const chart = state.view === 'phase' ? 'phase' : (chartName || 'loss');
        blob = await api('figure', Object.assign(viewRequest(), { chart, format }), { as: 'blob' });
        name = chart + '.' + format;
      }
      const a = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.append(a);
      a.click();
      a.remove();
      notice('downloaded ' + name);
    } catch (e) {
      notice('download failed: ' + e.message);
    }
  }

  function hookTools() {
    $('#tab-explorer').addEventListener('click', () => setView('explorer'));
    $('#tab-phase').addEventListener('click', () => setView('phase'));
    $('#share').addEventListener('click', () => {
      writeUrl();
      const input = $('#share-url');
      input.value = location.href;
      input.classList.add('shown');
      input.select();
      copy(location.href, 'link');
    });
    $('#copy-command').addEventListener('click', () => copy($('#command').textContent, 'command'));
    $('#download-csv').addEventListener('click', () => download('csv'));
    $('#download-png').addEventListener('click', () => download('png'));
    $('#download-svg').addEventListener('click', () => download('svg'));
    for (const fig of document.querySelectorAll('.plot[data-chart]')) {
      const cap = fig.querySelector('figcaption');
      const box = el('span');
      for (const format of ['png', 'svg']) {
        const b = el('button', { type: 'button', title: 'download this plot as ' + format.toUpperCase(), text: format.toUpperCase() });
        b.addEventListener('click', () => download(format, fig.dataset.chart));
        box.append(b, ' ');
      }
      cap.append(box);
    }
  }

  async function main() {
    const r = await fetch('api/schema');
    schema = await r.json();
    const fromUrl = readUrl();
    state.phase = Object.assign(defaultPhase(), fromUrl.phase || {});
    loadSpec(schema.spec.example);
    if (fromUrl.spec) loadSpec(fromUrl.spec);
    buildControls();
    createPlots();
    legend();
    hookPhase();
    hookTools();
    phaseToInputs();
    state.spec = specFromControls();
    setView(fromUrl.view);
    pending = performance.now();
    await send();
    page.ready = true;
  }
  // a link with another state pasted into this tab: start from it
  window.addEventListener('hashchange', () => location.reload());
  main().catch((e) => { errors.push(String(e)); showError(e.message); });
})();
