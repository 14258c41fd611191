/// <reference lib="dom" />
/**
 * Trappa Studio's page: a form per data file beside every deck's live slides.
 * Edits stay in the page until saved; each change is sent to the server, which
 * runs the CLI's stages on it and answers with slides and located messages.
 */
import { AbsorbPanel } from './absorb-panel.js';
import { usePageLanguage, word } from './page-language.js';
import { ActionsPanel } from './actions-panel.js';
import { getJson, postJson, withToken } from './api.js';
import { type ConflictAnswer, conflictPanel } from './conflicts.js';
import { buildForm } from './form.js';
import { reveal, revealSection } from './form-sections.js';
import { showTemplates } from './template-text.js';
import { type ColourContext, refreshContrast } from './colour-field.js';
import { h, type Json, pathId, type Path } from './form-util.js';
import { fieldPath } from './paths.js';
import { LiveChecker } from './live-check.js';
import { LANGUAGES, type Language, type TranslationContext } from './translation-field.js';
import { RenderQueue } from './render-queue.js';
import { changesOf, hasChanges, type PageChange, rejoinChanges, restartChanges, startChanges } from './page-changes.js';
import { showMessages } from './messages.js';
import { SlidesPanel, type Issue } from './slides.js';
import {
  allIssues,
  copy,
  deckTitle,
  fileOf,
  laterIssues,
  state,
  titleOf,
  type ProjectInfo,
  type RenderResult,
} from './state.js';

const slides = new SlidesPanel((deck) => deckTitle(fileOf(deck.file)?.value, deck.id));
let actions: ActionsPanel;
// Made once the page's language is known (boot), as its words are set when it is made.
let absorb: AbsorbPanel;
const main = h('main', { id: 'main', tabindex: '-1' });
const nav = h('ul', { class: 'files' });
const summary = h('div', { class: 'summary', role: 'region' });
const saveStatus = h('p', { class: 'save-status', role: 'status' });
const conflictsBox = h('div', { class: 'conflicts-box' });

async function boot(): Promise<void> {
  state.project = await getJson<ProjectInfo>('/api/project');
  usePageLanguage(state.project.lang);
  summary.setAttribute('aria-label', word('Meldinger fra Trappa'));
  actions = new ActionsPanel(state.project.decks);
  absorb = new AbsorbPanel((deckId) => slides.focus(deckId));
  const app = document.getElementById('app')!;
  app.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, word('Hopp til skjemaet')),
    h(
      'header',
      {},
      h('h1', {}, 'Trappa Studio'),
      h('p', { class: 'project' }, word('Prosjekt: {root}', { root: state.project.root })),
    ),
    h('nav', { 'aria-label': word('Filer og handlinger') }, nav),
    h(
      'div',
      { class: 'workspace' },
      main,
      h(
        'aside',
        { 'aria-labelledby': 'slides-h', tabindex: '0' },
        h('h2', { id: 'slides-h' }, word('Lysbilder')),
        slides.element,
      ),
    ),
  );
  drawNav();
  show(state.project.files[0]?.file ?? 'actions');
  listen();
  await render();
}

function drawNav(): void {
  const items = [
    ...(state.project?.files ?? []).map((f) => ({ key: f.file, label: titleOf(f) })),
    { key: 'actions', label: word('Bygg og send') },
    { key: 'absorb', label: word('Ta inn fra PowerPoint') },
  ];
  nav.replaceChildren(
    ...items.map(({ key, label }) => {
      const b = h('button', { type: 'button', 'data-view': key }, label + (state.edits.has(key) ? ' •' : ''));
      if (key === state.view) b.setAttribute('aria-current', 'page');
      b.addEventListener('click', () => {
        show(key);
        // What the page last heard may be behind the disk (news lost while its event stream
        // reconnected): a form opened without unsaved edits shows the file as it is now.
        if (fileOf(key) && !state.edits.has(key)) void syncFromDisk(key);
      });
      return h('li', {}, b);
    }),
  );
}

function show(view: string, focus?: Path): void {
  state.view = view;
  drawNav();
  slides.focus(fileOf(view)?.kind === 'deck' ? String(fileOf(view)?.value?.id ?? '') : undefined);
  if (view === 'absorb') {
    main.replaceChildren(absorb.element);
    return;
  }
  if (view === 'actions') {
    main.replaceChildren(actions.element);
    void actions.refreshVersions();
    return;
  }
  const file = fileOf(view);
  if (!file || !state.project) return;
  const holder = state.edits.get(view) ?? startEdit(file.value);
  const heading = h('h2', { id: 'form-h' }, titleOf(file));
  if (file.value === null) {
    main.replaceChildren(
      heading,
      summary,
      h('p', { class: 'problem' }, file.problem ?? word('Filen kan ikke leses som data; rett den i et tekstprogram.')),
      ...(file.text ? [h('p', {}, word('Slik står den nå:')), h('pre', {}, file.text)] : []),
    );
    return;
  }
  const save = h('button', { type: 'button', class: 'primary' }, word('Lagre')) as HTMLButtonElement;
  const revert = h('button', { type: 'button' }, word('Forkast endringer')) as HTMLButtonElement;
  save.addEventListener('click', () => void saveFile(view));
  // A link out of the project is shown, never written (project-files.ts).
  if (file.readOnly) save.setAttribute('disabled', '');
  const problem = file.problem ? [h('p', { class: 'problem', role: 'note' }, file.problem)] : [];
  revert.addEventListener('click', () => {
    checker.edited();
    state.edits.delete(view);
    state.touched.add(view);
    show(view);
    scheduleRender();
  });
  const colours = file.kind === 'theme' ? colourContext(holder) : undefined;
  const form = buildForm(state.project.schemas[file.kind], {
    file: view,
    holder,
    idPrefix: 'f',
    colours,
    languages: file.kind === 'strategy' ? translationLanguages(holder.value) : undefined,
    changed(structural, focusPath) {
      if (colours) refreshContrast(main, colours);
      state.edits.set(view, holder);
      state.touched.add(view);
      saveStatus.textContent = word('Endringer som ikke er lagret.');
      checker.edited();
      if (structural) rebuild(view, focusPath);
      scheduleRender();
    },
    // A large file's section built as it opened: its fields get their messages and previews now.
    built() {
      markFields();
      templatePreview();
    },
  });
  main.replaceChildren(
    heading,
    ...problem,
    h('div', { class: 'toolbar' }, save, revert, saveStatus),
    conflictsBox,
    summary,
    form,
  );
  markFields();
  templatePreview();
  if (focus) focusField(focus);
}

/** A copy of a file's value for the form to edit, its changes noted from here on (page-changes.ts). */
function startEdit(value: Json): { value: Json } {
  const holder = { value: copy(value) };
  startChanges(holder.value);
  return holder;
}

/**
 * The page's edits as the server takes them: per file the version the page loaded and the
 * fields changed since (a keystroke in a 2 MB strategy is a few hundred bytes, not 2 MB).
 */
function editedChanges(except?: string): Record<string, { version: string; changes: PageChange[] }> {
  return Object.fromEntries(
    [...state.edits]
      .filter(([file]) => file !== except)
      .map(([file, holder]) => [file, { version: fileOf(file)?.version ?? '', changes: changesOf(holder.value) }]),
  );
}

/** The strategy's own language (its texts' first column) and the page's. */
function translationLanguages(value: Json): TranslationContext {
  const own = (LANGUAGES as readonly string[]).includes(value?.language) ? (value.language as Language) : 'nb';
  return { own, page: state.project?.lang ?? 'nb' };
}

/** Texts written with templates shown as what they become, their code behind «Vis mal» (template-text.ts). */
function templatePreview(): void {
  const form = main.querySelector<HTMLElement>('.form');
  if (!form || !fileOf(state.view)) return;
  void showTemplates(form, state.view, () => editedChanges());
}

/** The theme's colour defaults (from its schema) and the pairs to judge, for the colour fields. */
function colourContext(holder: { value: Json }): ColourContext {
  const props = state.project?.schemas.theme.properties?.colors?.properties ?? {};
  const defaults = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, s.default as string | undefined]));
  return { holder, defaults, pairs: state.project?.colourPairs ?? [] };
}

/** A list changed shape: the form is drawn again and the focus goes where the user expects it. */
function rebuild(view: string, focusPath?: Path): void {
  const active = document.activeElement?.id;
  show(view);
  drawNav();
  if (focusPath) focusField(focusPath);
  else if (active) document.getElementById(active)?.focus();
}

function focusField(path: Path): void {
  revealSection(main, 'f', path);
  const box = main.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldPath(path))}"]`);
  const target = box?.matches('input,select,textarea')
    ? box
    : box?.querySelector<HTMLElement>('input,select,textarea,button');
  const el = target ?? document.getElementById(pathId('f', path));
  reveal(el);
  el?.focus();
}

/** The live slides: one request at a time, edits made meanwhile sent right after (render-queue.ts). */
const renders = new RenderQueue(async () => {
  const touched = [...state.touched];
  state.touched.clear();
  const onlyDecks = touched.length > 0 && touched.every((f) => fileOf(f)?.kind === 'deck');
  const decks = onlyDecks ? touched.map((f) => String(fileOf(f)?.value?.id ?? '')) : undefined;
  const changes = editedChanges();
  let result = await postJson<RenderResult>('/api/render', { changes, decks, have: slides.have() });
  // A slide named by a hash the page no longer holds (it never should): asked for again in full.
  if (!slides.complete(result.decks)) result = await postJson<RenderResult>('/api/render', { changes, decks });
  state.global = result.issues;
  for (const deck of result.decks) state.deckIssues.set(deck.id, deck.issues);
  if (result.issues.length > 0) state.deckIssues.clear();
  slides.show(
    result.decks.map((d) => ({ ...d, issues: [...d.issues, ...laterIssues(d.id)] })),
    result.issues,
  );
  if (!decks && result.issues.length === 0) slides.retain(result.decks.map((d) => d.id));
  slides.focus(fileOf(state.view)?.kind === 'deck' ? String(fileOf(state.view)?.value?.id ?? '') : undefined);
  markFields();
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
  document.body.dataset.serverMs = String(Math.round(result.ms));
  if (result.issues.length === 0) scheduleCheck();
});
const scheduleRender = (): void => void renders.request();
const render = (): Promise<void> => renders.request();

/** When typing pauses, `trappa check`'s design rules run on the edited data (live-check.ts). */
const checker = new LiveChecker({
  busy: () => renders.running,
  edits: () => editedChanges(),
  shown(result) {
    state.findings = new Map(result.decks.map((d) => [d.id, d.findings]));
    state.buildIssues = result.issues;
    const ids = state.project?.decks.map((d) => d.id) ?? [];
    const decks = ids.map((id) => ({
      id,
      file: '',
      slides: [],
      issues: [...(state.deckIssues.get(id) ?? []), ...laterIssues(id)],
    }));
    slides.show(decks, state.global);
    markFields();
  },
});
const scheduleCheck = (): void => checker.schedule();

/** The messages of the last render and check, at their fields and above the form. */
function markFields(): void {
  showMessages(main, summary, allIssues(), state.view);
}

interface SaveAnswer {
  saved: boolean;
  version?: string;
  value?: Json;
  text?: string;
  merged?: boolean;
  /** The file now reads as the page's value: none sent, the form kept. */
  same?: boolean;
  issues?: Issue[];
  reload?: string;
  conflicts?: ConflictAnswer['conflicts'];
  current?: ConflictAnswer['current'];
}

/** Files with a save on its way: news of them waits for the answer (saving.ts would be overkill). */
const saving = new Map<string, string[]>();

async function saveFile(view: string): Promise<void> {
  const holder = state.edits.get(view);
  const file = fileOf(view);
  if (!holder || !file) {
    saveStatus.textContent = word('Ingen endringer å lagre.');
    return;
  }
  saving.set(view, []);
  const body = { file: view, version: file.version, changes: changesOf(holder.value), others: editedChanges(view) };
  // What is saved, and from here the changes typed while the save is out (they stay unsaved).
  const sent = copy(holder.value);
  const sentLog = restartChanges(holder.value);
  const result = await postJson<SaveAnswer>('/api/save', body).catch((error: Error) => error);
  const heard = saving.get(view) ?? [];
  saving.delete(view);
  if (result instanceof Error || !result.saved) rejoinChanges(holder.value, sentLog);
  if (result instanceof Error) {
    saveStatus.textContent = word('Ikke lagret: {message}', { message: result.message });
    return;
  }
  conflictsBox.replaceChildren();
  if (result.conflicts && result.current) {
    const answer = { conflicts: result.conflicts, current: result.current };
    conflictsBox.append(
      conflictPanel(answer, file.value, holder.value, (value, current) => {
        file.value = current.value;
        file.version = current.version;
        holder.value = value;
        show(view);
        void saveFile(view);
      }),
    );
    saveStatus.textContent = word('Ikke lagret: noen andre har endret de samme feltene. Velg under.');
    return;
  }
  if (result.reload) {
    saveStatus.textContent = result.reload;
    return;
  }
  if (!result.saved) {
    state.global = result.issues ?? [];
    markFields();
    saveStatus.textContent = word('Ikke lagret: rett det meldingene peker på først.');
    return;
  }
  if (result.same) {
    // Saved as the page had it: the form stays (drawing a 2 MB strategy's form again takes seconds),
    // the saved value is the new version, and what was typed meanwhile stays an unsaved change of it.
    Object.assign(file, { value: sent, version: result.version });
    if (!hasChanges(holder.value)) state.edits.delete(view);
  } else {
    state.edits.delete(view);
    Object.assign(file, { value: result.value, version: result.version, text: result.text });
    if (state.view === view) show(view);
  }
  saveStatus.textContent = word(result.merged ? 'Lagret. Det andre lagret i mellomtiden, er beholdt.' : 'Lagret.');
  drawNav();
  if (heard.some((version) => version !== result.version)) void changedOnDisk(view);
}

function listen(): void {
  const events = new EventSource(withToken('/api/events'));
  events.addEventListener('job', (e) => actions.onJob(JSON.parse((e as MessageEvent<string>).data)));
  const news = (e: Event): void => {
    const { file, version } = JSON.parse((e as MessageEvent<string>).data) as { file: string; version?: string };
    if (saving.has(file)) saving.get(file)!.push(version ?? '');
    else if (version === undefined || fileOf(file)?.version !== version) void changedOnDisk(file);
  };
  events.addEventListener('changed', news);
  // After a reconnect the news sent meanwhile is lost: catch up on the file shown.
  let opened = false;
  events.addEventListener('open', () => {
    if (opened && state.view && fileOf(state.view)) void syncFromDisk(state.view);
    opened = true;
  });
  events.addEventListener('saved', news);
}

/** The page's copy of `file` brought up to the disk when it differs and the page has no edits of it. */
async function syncFromDisk(file: string): Promise<void> {
  const project = await getJson<ProjectInfo>('/api/project');
  const fresh = project.files.find((f) => f.file === file);
  const mine = fileOf(file);
  if (!fresh || !mine || fresh.version === mine.version || state.edits.has(file)) return;
  Object.assign(mine, fresh);
  if (state.view === file) show(file);
  state.touched.add(file);
  scheduleRender();
}

/** Someone else changed a file: take it in unless the page has unsaved edits of it. */
async function changedOnDisk(file: string): Promise<void> {
  const project = await getJson<ProjectInfo>('/api/project');
  const editing = state.edits.has(file);
  for (const fresh of project.files) {
    const mine = fileOf(fresh.file);
    if (mine && !(editing && fresh.file === file)) Object.assign(mine, fresh);
  }
  if (state.project) {
    state.project.files = project.files.map((f) => fileOf(f.file) ?? f);
    // A deck file added or removed by someone else: the deck choice follows.
    state.project.decks = project.decks;
    actions.setDecks(project.decks);
  }
  const notice = editing
    ? `${file} ble endret av noen andre. Dine endringer er beholdt; når du lagrer, slås de sammen med det som er lagret.`
    : `${file} ble endret av noen andre og er lastet inn på nytt.`;
  if (state.view === file && !editing) show(file);
  else drawNav();
  saveStatus.textContent = notice;
  document.body.dataset.news = String(Number(document.body.dataset.news ?? 0) + 1);
  state.touched.add(file);
  scheduleRender();
}

void boot();
