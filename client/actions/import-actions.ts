import { atom } from 'nanostores';
import type {
  ImportIssue,
  ImportJob,
  ImportKind,
  UserImportBody,
} from '../../server/contract/user-imports.js';
import { ApiError } from '../api/http.js';
import type { ImportApi } from '../api/imports.js';

/** Where the import dialog is: one union, set only here. */
export type ImportState =
  | { type: 'idle' }
  | { type: 'uploading' }
  | { type: 'job'; job: ImportJob }
  | {
      type: 'error';
      message: string;
      issues?: ImportIssue[];
    };

/** The files each kind asks for, by body field, with the name users know them by. */
export const IMPORT_FILES: Record<
  ImportKind,
  Array<{ field: string; name: string; optional?: boolean }>
> = {
  csv: [
    { field: 'nodes', name: 'nodes.csv' },
    { field: 'relationships', name: 'relationships.csv' },
  ],
  json: [{ field: 'bundle', name: 'bundle.json' }],
  atop: [
    { field: 'alliances', name: 'atop5_1a.csv' },
    { field: 'members', name: 'atop5_1m.csv' },
    { field: 'cowCodes', name: 'COW_country_codes.csv', optional: true },
  ],
};

const POLL_MS = 250;

async function base64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function errorState(e: unknown): ImportState {
  if (e instanceof ApiError) {
    const issues = Array.isArray(e.details) ? (e.details as never) : undefined;
    return { type: 'error', message: e.message, ...(issues ? { issues } : {}) };
  }
  return { type: 'error', message: String(e) };
}

/**
 * Import actions: upload the files (raw bytes, base64) to start a staged job, poll its
 * progress until the preview is ready, then commit or cancel. `onCommitted` refreshes the
 * explorer.
 */
export function createImportActions(api: ImportApi, onCommitted: () => void) {
  const $import = atom<ImportState>({ type: 'idle' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const poll = (id: string) => {
    timer = setTimeout(async () => {
      try {
        const job = await api.get(id);
        const now = $import.get();
        if (now.type !== 'job' || now.job.id !== id) return;
        $import.set({ type: 'job', job });
        if (job.phase === 'validating') poll(id);
      } catch (e) {
        $import.set(errorState(e));
      }
    }, POLL_MS);
  };
  const current = () => {
    const st = $import.get();
    return st.type === 'job' ? st.job : undefined;
  };
  return {
    $import,
    async start(kind: ImportKind, files: Record<string, File | undefined>) {
      stop();
      const missing = IMPORT_FILES[kind].find((f) => !f.optional && !files[f.field]);
      if (missing) {
        $import.set({ type: 'error', message: `Choose ${missing.name}` });
        return;
      }
      // A new preview replaces the one shown: its staged job is cancelled, not left open.
      const previous = current();
      if (previous && (previous.phase === 'validating' || previous.phase === 'ready')) {
        await api.cancel(previous.id).catch(() => undefined);
      }
      $import.set({ type: 'uploading' });
      try {
        const body: Record<string, string> = { kind };
        for (const { field } of IMPORT_FILES[kind]) {
          const file = files[field];
          if (file) body[field] = await base64(file);
        }
        const job = await api.start(body as unknown as UserImportBody);
        $import.set({ type: 'job', job });
        if (job.phase === 'validating') poll(job.id);
      } catch (e) {
        $import.set(errorState(e));
      }
    },
    async commit() {
      const job = current();
      if (!job || job.phase !== 'ready') return;
      $import.set({ type: 'job', job: { ...job, phase: 'committing' } });
      try {
        $import.set({ type: 'job', job: await api.commit(job.id) });
        onCommitted();
      } catch (e) {
        $import.set(errorState(e));
      }
    },
    async cancel() {
      stop();
      const job = current();
      if (job && (job.phase === 'validating' || job.phase === 'ready')) {
        try {
          $import.set({ type: 'job', job: await api.cancel(job.id) });
          return;
        } catch (e) {
          $import.set(errorState(e));
          return;
        }
      }
      $import.set({ type: 'idle' });
    },
    reset() {
      stop();
      $import.set({ type: 'idle' });
    },
  };
}

export type ImportActions = ReturnType<typeof createImportActions>;
