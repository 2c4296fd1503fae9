import type { SessionResponse } from '../../server/contract/index.js';
import {
  IMPORT_KINDS,
  type ImportJob,
  type ImportKind,
} from '../../server/contract/user-imports.js';
import { IMPORT_FILES, type ImportActions, type ImportState } from '../actions/import-actions.js';
import { can } from '../state/session.js';
import { h, listenAll, render } from './dom.js';
import { field, modal } from './modal.js';

const KIND_TEXT: Record<ImportKind, string> = {
  csv: 'CSV pair (nodes.csv + relationships.csv)',
  json: 'JSON bundle (seed format)',
  atop: 'ATOP 5.1 (alliance- and member-level CSVs)',
};

interface SessionSource {
  get(): SessionResponse;
  subscribe(cb: (s: SessionResponse) => void): () => void;
}

function counts(label: string, c: { new: number; updated: number; unchanged: number }) {
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h('td', {}, String(c.new)),
    h('td', {}, String(c.updated)),
    h('td', {}, String(c.unchanged)),
  );
}

function preview(job: ImportJob): Node[] {
  const out: Node[] = [];
  if (job.diff) {
    out.push(
      h(
        'table',
        { class: 'import-counts', id: 'import-counts' },
        h('caption', {}, 'What the import changes'),
        h(
          'tr',
          {},
          h('td', {}),
          h('th', { scope: 'col' }, 'New'),
          h('th', { scope: 'col' }, 'Updated'),
          h('th', { scope: 'col' }, 'Unchanged'),
        ),
        counts('Nodes', job.diff.nodes),
        counts('Relationships', job.diff.relationships),
      ),
      h(
        'ul',
        { class: 'import-sample', id: 'import-sample', 'aria-label': 'Sample of records' },
        ...job.diff.sample.map((e) =>
          h(
            'li',
            { 'data-status': e.status },
            `${e.status} · ${e.label} · ${e.id}${e.changed ? ` (${e.changed.join(', ')})` : ''}`,
          ),
        ),
      ),
    );
  }
  if (job.atop) {
    const a = job.atop;
    out.push(
      h(
        'p',
        { id: 'import-atop' },
        `${a.alliances} alliances, ${a.memberRows} member rows, ${a.atopOnlyStates} states only ATOP knows: ${a.nodes} nodes and ${a.relationships} relationships in the ATOP layer`,
      ),
    );
  }
  return out;
}

function issuesList(issues: NonNullable<ImportJob['error']>['issues']): Node | null {
  if (!issues?.length) return null;
  return h(
    'ul',
    { class: 'import-issues', id: 'import-issues', 'aria-label': 'Problems found' },
    ...issues.map((i) =>
      h(
        'li',
        {},
        `${i.file}${i.line ? ` line ${i.line}` : i.record ? ` ${i.record}` : ''} · ${i.field}: ${i.message}`,
      ),
    ),
  );
}

const PHASE_TEXT: Record<ImportJob['phase'], string> = {
  validating: 'Checking',
  ready: 'Ready: review the changes, then confirm',
  committing: 'Writing',
  committed: 'Imported',
  failed: 'Refused: nothing was written',
  cancelled: 'Cancelled: nothing was written',
};

/**
 * The Import dialog (editors and admins): choose a kind, pick its files, see the preview
 * (counts, a sample, or every problem with file, line and field) and the rows checked so far,
 * then confirm or cancel before anything is written. The header's Import button opens it.
 */
export function mountImportDialog(session: SessionSource, a: ImportActions) {
  const dlg = modal('import-dialog', 'Import data', () => void a.cancel());
  let kind: ImportKind = 'csv';
  const kindSelect = h(
    'select',
    {
      id: 'import-kind',
      autofocus: true,
      onchange: (e: Event) => {
        kind = (e.target as HTMLSelectElement).value as ImportKind;
        drawFiles();
      },
    },
    ...IMPORT_KINDS.map((k) => h('option', { value: k }, KIND_TEXT[k])),
  );
  const filesEl = h('div', { class: 'import-files' });
  const inputs = new Map<string, HTMLInputElement>();
  const drawFiles = () => {
    inputs.clear();
    render(
      filesEl,
      ...IMPORT_FILES[kind].map((f) => {
        const input = h('input', {
          type: 'file',
          id: `import-file-${f.field}`,
          accept: kind === 'json' ? '.json,application/json' : '.csv,text/csv',
        });
        inputs.set(f.field, input);
        return field(f.optional ? `${f.name} (optional)` : f.name, input);
      }),
    );
    a.reset();
  };
  const previewBtn = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      id: 'import-preview',
      onclick: () => {
        const files: Record<string, File | undefined> = {};
        for (const [k, input] of inputs) files[k] = input.files?.[0];
        void a.start(kind, files);
      },
    },
    'Preview',
  );
  const confirmBtn = h(
    'button',
    { type: 'button', class: 'tool primary', id: 'import-confirm', onclick: () => void a.commit() },
    'Confirm import',
  );
  const cancelBtn = h(
    'button',
    { type: 'button', class: 'tool', id: 'import-cancel', onclick: () => void a.cancel() },
    'Cancel import',
  );
  const progress = h('progress', {
    id: 'import-progress',
    max: 1,
    value: 0,
    'aria-label': 'Rows checked',
  });
  const statusEl = h('p', {
    id: 'import-status',
    class: 'form-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const resultEl = h('div', { id: 'import-result', class: 'import-result' });
  dlg.body.append(
    h(
      'p',
      { class: 'muted' },
      'Your files are checked and compared with the database first; nothing is written until you confirm. docs/data-model.md lists the columns.',
    ),
    field('Kind', kindSelect),
    filesEl,
    h('div', { class: 'import-actions' }, previewBtn, cancelBtn, confirmBtn),
    progress,
    statusEl,
    resultEl,
  );
  drawFiles();

  const draw = (st: ImportState) => {
    const job = st.type === 'job' ? st.job : undefined;
    const busy =
      st.type === 'uploading' || job?.phase === 'validating' || job?.phase === 'committing';
    previewBtn.disabled = busy;
    kindSelect.disabled = busy;
    confirmBtn.disabled = job?.phase !== 'ready';
    cancelBtn.disabled = !(job?.phase === 'validating' || job?.phase === 'ready');
    progress.max = Math.max(job?.rowsTotal ?? 1, 1);
    progress.value = job?.rowsDone ?? 0;
    statusEl.classList.toggle('error', st.type === 'error' || job?.phase === 'failed');
    if (st.type === 'idle') statusEl.textContent = '';
    else if (st.type === 'uploading') statusEl.textContent = 'Uploading…';
    else if (st.type === 'error') statusEl.textContent = st.message;
    else if (job) {
      const rows = job.rowsTotal ? ` · ${job.rowsDone} of ${job.rowsTotal} rows checked` : '';
      statusEl.textContent = `${PHASE_TEXT[job.phase]}${job.error ? `: ${job.error.message}` : ''}${rows}`;
    }
    render(
      resultEl,
      ...(job ? preview(job) : []),
      st.type === 'error'
        ? issuesList(st.issues)
        : job?.error
          ? issuesList(job.error.issues)
          : null,
    );
  };

  const openBtn = h(
    'button',
    {
      type: 'button',
      class: 'tool',
      id: 'import-open',
      title: 'Import CSV, a JSON bundle or ATOP 5.1 (editors)',
      onclick: () => dlg.open(),
    },
    'Import',
  );
  const showButton = (s: SessionResponse) => {
    openBtn.hidden = !can(s, 'editor');
    if (openBtn.hidden && dlg.dialog.open) dlg.close();
  };
  const dispose = listenAll([a.$import.subscribe(draw), session.subscribe(showButton)]);
  return {
    button: openBtn,
    open: dlg.open,
    dispose: () => {
      dispose();
      dlg.dispose();
    },
  };
}
