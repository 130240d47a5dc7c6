// telar serve: the page. Plain JavaScript, no library, nothing fetched from elsewhere.
// Files stay in this page's memory and go only to the telar on this machine, which keeps
// them in memory for one render and writes nothing to disk.
'use strict';

const TEXT = {
  en: {
    privacy: 'Nothing leaves this machine: your files go only to the telar running here, which keeps them in memory and writes nothing to disk. Only the files you download are saved.',
    language: 'Language', files: '1. Your files', drop: 'Drop a story, a transcript or lesson files here (pictures and a template too), or',
    pick: 'Choose files…', what: '2. What to make', artifact: 'Make a', zine: 'zine', banner: 'banner', manual: 'field manual',
    template: 'Template', paper: 'Paper', layout: 'Layout', 'layout-print': 'print: one sheet to fold',
    'layout-reader': 'reader: the 8 pages in order', size: 'Banner size (empty: the template’s)', tile: 'Tiles for a home printer',
    'no-tiles': 'no tiles: one big page', page: 'Page size', sheet: 'Printer paper', default: 'the template’s',
    anonymize: 'Replace speakers’ names by pseudonyms', 'qr-offline': 'Put the story itself into QR codes (offline)',
    download: '3. Download', preview: 'Preview', remove: 'remove', 'no-files': 'No file yet: add a story to see a preview.',
    rendering: 'Rendering…', waiting: 'Waiting for {0} render(s) before this one…', ready: 'Preview ready: {0} sheet(s).',
    failed: 'telar could not make it (exit status {0}):', saved: 'Downloaded {0}.', busy: 'The server is busy; try again.',
    refused: 'The server refused the request:',
  },
  es: {
    privacy: 'Nada sale de esta computadora: tus archivos van solo al telar que corre aquí, que los guarda en memoria y no escribe nada en el disco. Solo se guardan los archivos que descargas.',
    language: 'Idioma', files: '1. Tus archivos', drop: 'Suelta aquí una historia, una transcripción o lecciones (también imágenes y una plantilla), o',
    pick: 'Elegir archivos…', what: '2. Qué hacer', artifact: 'Hacer', zine: 'fanzine', banner: 'pancarta', manual: 'manual de campo',
    template: 'Plantilla', paper: 'Papel', layout: 'Disposición', 'layout-print': 'imprimir: una hoja para doblar',
    'layout-reader': 'lectura: las 8 páginas en orden', size: 'Tamaño de la pancarta (vacío: el de la plantilla)',
    tile: 'Partes para una impresora casera', 'no-tiles': 'sin partes: una sola página grande', page: 'Tamaño de página',
    sheet: 'Papel de la impresora', default: 'el de la plantilla', anonymize: 'Cambiar los nombres por seudónimos',
    'qr-offline': 'Poner la historia misma en códigos QR (sin conexión)', download: '3. Descargar', preview: 'Vista previa',
    remove: 'quitar', 'no-files': 'Aún no hay archivos: agrega una historia para ver la vista previa.', rendering: 'Procesando…',
    waiting: 'Esperando {0} trabajo(s) antes de este…', ready: 'Vista previa lista: {0} hoja(s).',
    failed: 'telar no pudo hacerlo (código de salida {0}):', saved: 'Descargado {0}.', busy: 'El servidor está ocupado; vuelve a intentarlo.',
    refused: 'El servidor rechazó la solicitud:',
  },
};

const token = document.documentElement.dataset.token;
const lang = document.documentElement.lang === 'es' ? 'es' : 'en';
const client = Math.random().toString(36).slice(2);
const files = new Map();  // name -> File: in this page's memory only
let seq = 0;
let templates = [];
let timer = null;

const $ = (sel) => document.querySelector(sel);
const t = (key, ...args) => (TEXT[lang][key] || key).replace(/\{(\d)\}/g, (_, i) => args[i]);

function translatePage() {
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  $('#lang').value = lang;
}

function api(path) {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

function artifact() { return document.querySelector('input[name=artifact]:checked').value; }

function showControls() {
  const kind = artifact();
  for (const el of document.querySelectorAll('[data-for]')) el.hidden = !el.dataset.for.split(' ').includes(kind);
  const select = $('#template');
  const keep = select.value;
  select.replaceChildren();
  for (const tpl of templates.filter((x) => x.kind === kind)) {
    const o = document.createElement('option');
    o.value = tpl.name;
    o.textContent = tpl.description ? `${tpl.name} — ${tpl.description}` : tpl.name;
    select.append(o);
  }
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
}

function listFiles() {
  const ul = $('#file-list');
  ul.replaceChildren();
  for (const name of [...files.keys()].sort()) {
    const li = document.createElement('li');
    li.textContent = name;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = t('remove');
    b.setAttribute('aria-label', `${t('remove')} ${name}`);
    b.addEventListener('click', () => { files.delete(name); listFiles(); schedule(); });
    li.append(b);
    ul.append(li);
  }
}

function addFiles(list) {
  for (const f of list) files.set(f.name, f);
  listFiles();
  schedule();
}

// A preview is a PNG at a low resolution, and a newer preview replaces it in the queue.
function form(format, isPreview) {
  const data = new FormData();
  data.append('artifact', artifact());
  data.append('format', format);
  data.append('client', isPreview ? client : `${client}-download`);
  if (isPreview) data.append('opt:dpi', artifact() === 'banner' ? '36' : '50');
  data.append('seq', String(++seq));
  for (const el of document.querySelectorAll('[data-opt]')) {
    const label = el.closest('[data-for]');
    if (label && label.hidden) continue;
    if (el.type === 'checkbox') { if (el.checked) data.append(`opt:${el.dataset.opt}`, 'true'); continue; }
    if (el.value !== '') data.append(`opt:${el.dataset.opt}`, el.value);
  }
  for (const [name, f] of files) data.append('file', f, name);
  return data;
}

function status(text, busy) {
  $('#status-text').textContent = text;
  $('#progress').hidden = !busy;
}

function showErrors(text) {
  const pre = $('#errors');
  pre.textContent = text;
  pre.hidden = text === '';
}

function bytes(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function pollWhile(promise) {
  let done = false;
  promise.finally(() => { done = true; });
  while (!done) {
    await new Promise((r) => setTimeout(r, 400));
    if (done) break;
    try {
      const s = await (await fetch(api('/api/status'), { headers: { 'X-Telar-Token': token } })).json();
      const p = $('#progress');
      if (s.running && s.progress > 0) p.value = s.progress; else p.removeAttribute('value');
      status(s.waiting > 0 ? t('waiting', s.waiting) : t('rendering'), true);
    } catch (e) { /* the render's own answer tells */ }
  }
}

// Sends the files and options; returns the reply's JSON, or null when it was replaced.
async function render(format, isPreview) {
  const request = fetch(api('/api/render'), { method: 'POST', body: form(format, isPreview), headers: { 'X-Telar-Token': token } });
  status(t('rendering'), true);
  pollWhile(request);
  const res = await request;
  if (res.status === 409) return null;  // a newer preview replaced this one
  const type = res.headers.get('Content-Type') || '';
  if (!type.startsWith('application/json')) {
    status('', false);
    showErrors(`${res.status === 503 ? t('busy') : t('refused')}\n${await res.text()}`);
    return null;
  }
  const reply = await res.json();
  status('', false);
  showErrors(reply.ok ? reply.messages : `${t('failed', reply.exit)}\n${reply.messages}`);
  return reply.ok ? reply : null;
}

async function preview() {
  if (files.size === 0) { status(t('no-files'), false); return; }
  const reply = await render('png', true);
  if (!reply) return;
  const box = $('#preview');
  for (const img of box.querySelectorAll('img')) URL.revokeObjectURL(img.src);
  box.replaceChildren();
  reply.files.forEach((f, i) => {
    const img = document.createElement('img');
    img.src = URL.createObjectURL(new Blob([bytes(f.data)], { type: f.type }));
    img.alt = `${t('preview')} ${i + 1} / ${reply.files.length}: ${f.name}`;
    box.append(img);
  });
  status(t('ready', reply.files.length), false);
}

async function download(format) {
  if (files.size === 0) { status(t('no-files'), false); return; }
  for (const b of document.querySelectorAll('[data-format]')) b.disabled = true;
  try {
    const reply = await render(format, false);
    if (!reply) return;
    for (const f of reply.files) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes(f.data)], { type: f.type }));
      a.download = f.name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    }
    status(t('saved', reply.files.map((f) => f.name).join(', ')), false);
  } finally {
    for (const b of document.querySelectorAll('[data-format]')) b.disabled = false;
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(preview, 300);
}

async function start() {
  translatePage();
  $('#lang').addEventListener('change', (e) => {
    const url = new URL(location.href);
    url.searchParams.set('lang', e.target.value);
    location.href = url.toString();
  });
  $('#file').addEventListener('change', (e) => { addFiles(e.target.files); e.target.value = ''; });
  const drop = $('#drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); addFiles(e.dataTransfer.files); });
  for (const el of document.querySelectorAll('input[name=artifact]'))
    el.addEventListener('change', () => { showControls(); schedule(); });
  for (const el of document.querySelectorAll('[data-opt]')) el.addEventListener('change', schedule);
  for (const b of document.querySelectorAll('[data-format]')) b.addEventListener('click', () => download(b.dataset.format));
  $('#form').addEventListener('submit', (e) => e.preventDefault());
  templates = await (await fetch(api('/api/templates'), { headers: { 'X-Telar-Token': token } })).json();
  showControls();
  status(t('no-files'), false);
}

start();
