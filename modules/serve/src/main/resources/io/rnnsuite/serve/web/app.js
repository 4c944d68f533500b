// rnn-suite playground: the pages' own script (no libraries, no network beyond this server).
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key === 'style') node.style.cssText = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function fmt(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (typeof value !== 'number') return String(value);
  const d = digits === undefined ? 4 : digits;
  return Math.abs(value) >= 1000 ? value.toFixed(0) : Number(value.toPrecision(d)).toString();
}

/** Calls the API; resolves to the parsed JSON, or rejects with the server's one-line message. */
async function api(path, body) {
  const options = body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  let json = null;
  try { json = await response.json(); } catch (e) { /* not JSON */ }
  if (!response.ok) throw new Error(json && json.error ? json.error : 'HTTP ' + response.status);
  return json;
}

function showError(error) {
  const box = $('error');
  if (!box) return;
  if (error) {
    box.textContent = error.message || String(error);
    box.classList.remove('hidden');
  } else {
    box.classList.add('hidden');
  }
}

/** Runs an async action with its button disabled and errors shown in the page. */
function action(button, fn) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    showError(null);
    try { await fn(); } catch (e) { showError(e); } finally { button.disabled = false; }
  });
}

function bestBaseline(model) {
  const key = model.primary_metric.key;
  const lower = model.primary_metric.lower_is_better;
  let best = null;
  for (const [name, metrics] of Object.entries(model.baselines || {})) {
    const v = metrics[key];
    if (typeof v !== 'number') continue;
    if (best === null || (lower ? v < best.value : v > best.value)) best = { name, value: v };
  }
  return best;
}

// ---- models list ----
async function modelsPage() {
  const status = $('status');
  try {
    const { models } = await api('/api/models');
    const body = $('models').querySelector('tbody');
    for (const m of models) {
      const best = bestBaseline(m);
      body.append(el('tr', { 'data-model': m.name },
        el('td', {}, el('a', { href: '/models/' + encodeURIComponent(m.name) }, m.name)),
        el('td', {}, m.title), el('td', {}, m.cell), el('td', { title: m.data.name }, m.data.name.split('/').pop()),
        el('td', {}, m.primary_metric.label),
        el('td', { class: 'num' }, fmt(m.metrics[m.primary_metric.key])),
        el('td', {}, best ? best.name + ' ' + fmt(best.value) : '–'),
        el('td', { class: 'num' }, fmt(m.training_seconds, 3))));
    }
    status.textContent = models.length === 0
      ? 'No models yet: train one into the --models directory (e.g. scripts/rnn-suite forecast train --output-dir models/air-lstm) and restart.'
      : models.length + ' model(s).';
    $('models').classList.toggle('hidden', models.length === 0);
  } catch (e) {
    status.textContent = 'cannot list the models: ' + e.message;
  }
}

// ---- reports ----
async function reportsPage() {
  const status = $('status');
  try {
    const { files } = await api('/api/reports');
    const list = $('reports');
    for (const f of files) {
      const href = '/reports/' + f.path.split('/').map(encodeURIComponent).join('/');
      list.append(el('li', {}, el('a', { href }, f.path), ' ', el('span', { class: 'hint' }, fmt(f.bytes / 1024, 3) + ' KiB')));
    }
    status.textContent = files.length === 0 ? 'No reports yet: scripts/rnn-suite compare --quick writes some.' : files.length + ' file(s).';
  } catch (e) {
    status.textContent = 'cannot list the reports: ' + e.message;
  }
}

// ---- one model ----
async function modelPage() {
  const name = decodeURIComponent(location.pathname.split('/')[2] || '');
  const base = '/api/models/' + encodeURIComponent(name);
  let model;
  try {
    model = await api(base);
  } catch (e) {
    showError(e);
    return;
  }
  document.title = model.name + ' · rnn-suite playground';
  $('title').textContent = model.name;
  $('summary').textContent = model.title + ': ' + model.cell + ' on ' + model.data.name + ', trained '
    + fmt(model.training_seconds, 3) + ' s; ' + model.primary_metric.label + ' ' + fmt(model.metrics[model.primary_metric.key]) + '.';
  scores(model, base);
  const panels = {
    'char-lm': charLm, 'text-classification': classify, 'seq2seq-translation': translate, 'timeseries-forecast': forecast,
    'speech-recognition': speech,
  };
  (panels[model.app] || generic)(model, base);
}

function scores(model, base) {
  const keys = Object.keys(model.metrics).filter((k) => typeof model.metrics[k] === 'number');
  const head = $('scores').querySelector('thead tr');
  keys.forEach((k) => head.append(el('th', {}, k)));
  const body = $('scores').querySelector('tbody');
  const row = (label, metrics) => el('tr', {}, el('td', {}, label), ...keys.map((k) => el('td', { class: 'num' }, fmt(metrics[k]))));
  body.append(row(model.cell, model.metrics));
  for (const [name, metrics] of Object.entries(model.baselines || {})) body.append(row(name + ' (baseline)', metrics));
  for (const file of model.files.filter((f) => f.endsWith('.png'))) {
    $('files').append(el('figure', {}, el('img', { src: base + '/files/' + encodeURIComponent(file), alt: file }), el('figcaption', { class: 'hint' }, file)));
  }
}

function activationColour(a) {
  if (typeof a !== 'number') return '';
  const v = Math.max(-1, Math.min(1, a));
  return v >= 0 ? 'rgba(220,50,47,' + (0.75 * v).toFixed(3) + ')' : 'rgba(38,139,210,' + (-0.75 * v).toFixed(3) + ')';
}

function charLm(model, base) {
  $('charlm').classList.remove('hidden');
  const details = model.app_details;
  $('prime').value = details.default_prime;
  $('explain-link').href = '/models/' + encodeURIComponent(model.name) + '/explain';
  for (let layer = 0; layer < details.layers; layer++) $('layer').append(el('option', { value: layer }, 'layer ' + (layer + 1)));
  $('unit').max = details.hidden - 1;
  const output = $('sample-output');
  action($('sample'), async () => {
    output.textContent = '';
    output.dataset.count = '0';
    output.dataset.done = 'false';
    const prime = $('prime').value;
    output.append(el('span', { class: 'prime' }, prime));
    const params = new URLSearchParams({
      prime, temperature: $('temperature').value, top_k: $('top-k').value, length: $('length').value,
      layer: $('layer').value, unit: $('unit').value,
    });
    $('sample-status').textContent = 'sampling…';
    const response = await fetch(base + '/stream?' + params);
    if (!response.ok) {
      let message = 'HTTP ' + response.status;
      try { message = (await response.json()).error; } catch (e) { /* keep the status */ }
      $('sample-status').textContent = '';
      throw new Error(message);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let count = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (event.startsWith('event: done')) {
          output.dataset.done = 'true';
          continue;
        }
        const item = JSON.parse(data);
        output.append(el('span', { style: 'background:' + activationColour(item.activation), title: fmt(item.activation) }, item.text));
        output.dataset.count = String(++count);
      }
    }
    $('sample-status').textContent = count + ' characters.';
  });

  const input = $('complete-input');
  input.value = details.default_prime;
  let sequence = 0;
  let timer = null;
  const suggest = async () => {
    const mine = ++sequence;
    const box = $('suggestions');
    if (input.value.length === 0) { box.textContent = ''; return; }
    try {
      const answer = await api(base + '/complete', { text: input.value, k: 5 });
      if (mine !== sequence) return;
      showError(null);
      box.textContent = '';
      for (const w of answer.words) {
        box.append(el('button', { class: 'word', title: 'p = ' + fmt(w.probability),
          onclick: () => { input.value += w.completion; input.focus(); suggest(); } }, w.word));
      }
      for (const c of answer.characters) {
        const shown = c.char === ' ' ? '␣' : c.char === '\n' ? '↵' : c.char;
        box.append(el('button', { class: 'char', title: 'p = ' + fmt(c.probability),
          onclick: () => { input.value += c.char; input.focus(); suggest(); } }, shown + ' ' + fmt(c.probability, 2)));
      }
      box.dataset.ready = String(mine);
    } catch (e) {
      if (mine === sequence) showError(e);
    }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  suggest();
}

function classify(model, base) {
  $('classify').classList.remove('hidden');
  $('classify-text').value = model.app_details.example;
  action($('classify-button'), async () => {
    const answer = await api(base + '/classify', { text: $('classify-text').value });
    const bars = $('bars');
    bars.textContent = '';
    for (const c of answer.classes) {
      bars.append(el('div', { class: 'bar-row' + (c.label === answer.predicted ? ' best' : ''), 'data-probability': c.probability },
        el('span', {}, c.label), el('div', {}, el('div', { class: 'bar', style: 'width:' + (100 * c.probability).toFixed(2) + '%' })),
        el('span', { class: 'num' }, fmt(c.probability, 3))));
    }
    const words = $('words');
    words.textContent = '';
    for (const w of answer.words) {
      const v = w.influence;
      const colour = typeof v !== 'number' ? '' : v >= 0 ? 'rgba(43,138,62,' + Math.min(0.8, 3 * v).toFixed(3) + ')'
        : 'rgba(164,22,26,' + Math.min(0.8, -3 * v).toFixed(3) + ')';
      words.append(el('span', { style: 'background:' + colour, title: 'influence ' + fmt(v) + (w.known ? '' : ' (unknown word)') }, w.word));
    }
  });
}

function translate(model, base) {
  $('translate').classList.remove('hidden');
  const details = model.app_details;
  $('beam').value = details.beam;
  if (details.examples.length > 0) $('sentence').value = details.examples[0];
  for (const sentence of details.examples) {
    $('examples').append(el('button', { onclick: () => { $('sentence').value = sentence; $('translate-button').click(); } }, sentence));
  }
  action($('translate-button'), async () => {
    const answer = await api(base + '/translate', { sentence: $('sentence').value, beam: Number($('beam').value) });
    const body = $('hypotheses').querySelector('tbody');
    body.textContent = '';
    const row = (label, h) => el('tr', {}, el('td', {}, label), el('td', { class: 'translation' }, (h.text || '(empty: the model ended the sentence at once)') + (h.reached_limit ? ' […]' : '')),
      el('td', { class: 'num' }, fmt(h.log_probability)));
    body.append(row('greedy', answer.greedy), row('beam ' + answer.beam.width, answer.beam));
    $('hypotheses').classList.remove('hidden');
    const heat = $('attention');
    heat.textContent = '';
    if (answer.attention) {
      const a = answer.attention;
      heat.append(el('tr', {}, el('th', {}), ...a.source_tokens.map((t) => el('th', {}, t))));
      a.weights.forEach((weights, i) => {
        // shade ∝ √weight: a peak stands out and small weights stay visible, on the same scale in every row
        heat.append(el('tr', {}, el('th', {}, a.output_tokens[i]),
          ...weights.map((w) => el('td', { style: 'background:rgba(20,40,140,' + (0.9 * Math.sqrt(w)).toFixed(3) + ')', title: fmt(w, 3) }))));
      });
    }
    $('attention-box').classList.toggle('hidden', !answer.attention);
  });
}

const COLOURS = ['#1f5fa8', '#e8590c', '#2b8a3e', '#9c36b5', '#c92a2a'];

function plotForecast(answer) {
  const svg = $('plot');
  const ns = 'http://www.w3.org/2000/svg';
  const shape = (tag, attrs, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'style') node.style.cssText = v; // CSSOM, which the page's content policy allows
      else node.setAttribute(k, v);
    }
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  svg.textContent = '';
  const history = answer.history.values;
  const n = history.length + answer.horizon;
  const all = history.concat(...answer.forecasts.map((f) => f.values));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.05 || 1;
  const [left, right, top, bottom] = [60, 790, 20, 320];
  const x = (i) => left + (right - left) * i / Math.max(1, n - 1);
  const y = (v) => bottom - (bottom - top) * (v - (lo - pad)) / (hi - lo + 2 * pad);
  shape('line', { x1: left, y1: bottom, x2: right, y2: bottom, stroke: '#999' });
  shape('line', { x1: left, y1: top, x2: left, y2: bottom, stroke: '#999' });
  shape('text', { x: 4, y: top + 8 }, fmt(hi, 4));
  shape('text', { x: 4, y: bottom }, fmt(lo, 4));
  shape('text', { x: left, y: bottom + 16 }, answer.history.labels[0]);
  shape('text', { x: right - 60, y: bottom + 16 }, answer.labels[answer.labels.length - 1]);
  const path = (values, offset) => values.map((v, i) => (i === 0 ? 'M' : 'L') + x(i + offset).toFixed(1) + ' ' + y(v).toFixed(1)).join(' ');
  shape('path', { d: path(history, 0), fill: 'none', stroke: '#444', 'stroke-width': 1.5, class: 'series' });
  const last = history[history.length - 1];
  answer.forecasts.forEach((f, k) => {
    const colour = COLOURS[k % COLOURS.length];
    shape('path', { d: path([last].concat(f.values), history.length - 1), fill: 'none', stroke: colour,
      'stroke-width': f.baseline ? 1.2 : 2.5, 'stroke-dasharray': f.baseline ? '4 3' : '', class: 'forecast', 'data-name': f.name });
    shape('text', { x: left + 10, y: top + 14 + 14 * k, fill: colour, style: 'fill:' + colour }, f.name + (f.baseline ? ' (baseline)' : ''));
  });
  const table = $('forecast-table');
  table.querySelector('thead').textContent = '';
  table.querySelector('tbody').textContent = '';
  table.querySelector('thead').append(el('tr', {}, el('th', {}, 'step'), ...answer.forecasts.map((f) => el('th', {}, f.name))));
  answer.labels.forEach((label, i) => table.querySelector('tbody').append(
    el('tr', {}, el('td', {}, label), ...answer.forecasts.map((f) => el('td', { class: 'num' }, fmt(f.values[i]))))));
  table.classList.remove('hidden');
}

function forecast(model, base) {
  $('forecast').classList.remove('hidden');
  const details = model.app_details;
  const horizon = $('horizon');
  horizon.max = details.horizon;
  horizon.value = details.horizon;
  $('horizon-value').textContent = horizon.value + ' of ' + details.horizon;
  let csv = null;
  const run = async () => {
    showError(null);
    const body = { horizon: Number(horizon.value) };
    $('horizon-value').textContent = horizon.value + ' of ' + details.horizon;
    if (csv !== null) body.csv = csv.text;
    try {
      const answer = await api(base + '/forecast', body);
      $('forecast-source').textContent = 'forecast of ' + answer.target + ' after the end of ' + (csv ? csv.name : answer.series);
      plotForecast(answer);
    } catch (e) {
      showError(e);
    }
  };
  horizon.addEventListener('input', () => { $('horizon-value').textContent = horizon.value + ' of ' + details.horizon; });
  horizon.addEventListener('change', run);
  action($('forecast-own'), async () => { csv = null; $('csv-file').value = ''; await run(); });
  $('csv-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    csv = { name: file.name, text: await file.text() };
    await run();
  });
  run();
}

// ---- speech ----
const SPEECH_RATE = 16000;

/** Mono 16-bit PCM WAV bytes of float samples in [-1, 1]. */
function wavBytes(samples, rate) {
  const buffer = new ArrayBuffer(44 + 2 * samples.length);
  const view = new DataView(buffer);
  const text = (at, s) => { for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i)); };
  text(0, 'RIFF'); view.setUint32(4, 36 + 2 * samples.length, true); text(8, 'WAVE');
  text(12, 'fmt '); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
  view.setUint32(24, rate, true); view.setUint32(28, 2 * rate, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
  text(36, 'data'); view.setUint32(40, 2 * samples.length, true);
  for (let i = 0; i < samples.length; i++) {
    view.setInt16(44 + 2 * i, Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767), true);
  }
  return new Uint8Array(buffer);
}

/** A recording (WebM/Opus, whatever MediaRecorder made) decoded by the browser, mixed to mono at 16 kHz. */
async function recordingToWav(blob) {
  const context = new AudioContext();
  let decoded;
  try {
    decoded = await context.decodeAudioData(await blob.arrayBuffer());
  } finally {
    context.close();
  }
  const frames = Math.max(1, Math.ceil(decoded.duration * SPEECH_RATE));
  const offline = new OfflineAudioContext(1, frames, SPEECH_RATE);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  return wavBytes(rendered.getChannelData(0), SPEECH_RATE);
}

function speech(model, base) {
  $('speech').classList.remove('hidden');
  const details = model.app_details;
  const maxSeconds = details.max_seconds;
  $('speech-max').textContent = fmt(maxSeconds, 3);
  $('speech-vocabulary').textContent = details.vocabulary.join(', ');
  const status = $('speech-status');
  const recognise = async (bytes, what) => {
    showError(null);
    status.textContent = 'recognising ' + what + '…';
    $('recognised').textContent = '';
    $('speech-bars').textContent = '';
    const response = await fetch(base + '/recognise', { method: 'POST', headers: { 'Content-Type': 'audio/wav' }, body: bytes });
    let answer = null;
    try { answer = await response.json(); } catch (e) { /* not JSON */ }
    if (!response.ok) {
      status.textContent = '';
      throw new Error(answer && answer.error ? answer.error : 'HTTP ' + response.status);
    }
    $('recognised').textContent = answer.text || '(nothing: no word recognised)';
    $('recognised').dataset.ready = 'true';
    status.textContent = what + ': ' + fmt(answer.seconds, 3) + ' s at ' + answer.sample_rate + ' Hz.';
    const rows = answer.ctc ? answer.words.map((w) => ({ word: w.word, p: w.confidence }))
      : answer.alternatives.map((a) => ({ word: a.word, p: a.probability }));
    for (const r of rows) {
      $('speech-bars').append(el('div', { class: 'bar-row' + (r.word === answer.text ? ' best' : ''), 'data-probability': r.p },
        el('span', {}, r.word), el('div', {}, el('div', { class: 'bar', style: 'width:' + (100 * r.p).toFixed(2) + '%' })),
        el('span', { class: 'num' }, fmt(r.p, 3))));
    }
  };
  $('wav-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try { await recognise(new Uint8Array(await file.arrayBuffer()), file.name); } catch (e) { showError(e); }
  });
  const record = $('record');
  const stop = $('stop');
  if (!navigator.mediaDevices || !window.MediaRecorder) {
    record.disabled = true;
    record.title = 'this browser cannot record here (recording needs a secure page: http://127.0.0.1 or https)';
    return;
  }
  let recorder = null;
  let timer = null;
  record.addEventListener('click', async () => {
    showError(null);
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      showError(new Error('cannot use the microphone: ' + e.message));
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.addEventListener('dataavailable', (e) => { if (e.data.size > 0) chunks.push(e.data); });
    recorder.addEventListener('stop', async () => {
      clearTimeout(timer);
      stream.getTracks().forEach((t) => t.stop());
      record.disabled = false;
      stop.disabled = true;
      const blob = new Blob(chunks, { type: recorder.mimeType });
      $('playback').src = URL.createObjectURL(blob);
      $('playback').classList.remove('hidden');
      try { await recognise(await recordingToWav(blob), 'the recording'); } catch (e) { showError(e); }
    });
    recorder.start();
    record.disabled = true;
    stop.disabled = false;
    status.textContent = 'recording… (stops by itself after ' + fmt(maxSeconds, 3) + ' s)';
    // a little under the limit: the encoder's last frame may run past the stop
    timer = setTimeout(() => { if (recorder.state === 'recording') recorder.stop(); }, Math.max(500, 1000 * maxSeconds - 300));
  });
  stop.addEventListener('click', () => { if (recorder && recorder.state === 'recording') recorder.stop(); });
}

function generic(model, base) {
  $('generic').classList.remove('hidden');
  action($('predict-button'), async () => {
    const inputs = $('inputs').value.split('\n').filter((line) => line.trim().length > 0);
    const answer = await api(base + '/predict', { inputs });
    $('answers').textContent = answer.answers.join('\n\n');
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const page = document.body.dataset.page;
  if (page === 'models') modelsPage();
  else if (page === 'reports') reportsPage();
  else if (page === 'model') modelPage();
});
