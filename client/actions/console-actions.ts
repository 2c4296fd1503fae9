import type { Json, QueryResponse } from '../../server/contract/index.js';
import type { Api } from '../api/client.js';
import { ApiError } from '../api/http.js';
import type { ConsolePane, ConsoleResult, ConsoleStores, ErrorPosition } from '../state/console.js';
import { consoleHint } from '../state/console-hints.js';
import { HISTORY_KEY, pushHistory } from '../state/console-history.js';
import { parseCommand, parseParams } from '../state/console-params.js';
import { applyResultGraph } from '../state/console-result.js';
import type { Stores } from '../state/stores.js';
import type { CanvasActions } from './canvas-actions.js';
import { latestWins } from './latest.js';
import { messageOf } from './track.js';

type Storage = Pick<globalThis.Storage, 'setItem'>;

const withHint = (message: string, hint: string | null) => (hint ? `${message}\n${hint}` : message);

function positionOf(details: unknown): ErrorPosition | undefined {
  const p = (details as { position?: { line?: unknown; column?: unknown } } | undefined)?.position;
  return p && typeof p.line === 'number' && typeof p.column === 'number'
    ? { line: p.line, column: p.column }
    : undefined;
}

/**
 * The console's verbs: run Cypher, run a saved query, load the library. This module is the
 * one place that sets the console's status; results go onto the canvas through producers.
 */
export function createConsoleActions(
  api: Api,
  s: Stores,
  cs: ConsoleStores,
  canvas: CanvasActions,
  storage: Storage | null,
) {
  const latest = latestWins();

  /**
   * Runs one request and puts its answer on screen; a later run wins, so a slow answer never
   * replaces a newer one.
   */
  async function execute(
    what: string,
    call: () => Promise<QueryResponse>,
    source: (res: QueryResponse) => ConsoleResult['source'],
    cypher = '',
  ): Promise<boolean> {
    cs.$status.set({ type: 'loading', what });
    const out = await latest(async (isLatest) => {
      const res = await call();
      if (isLatest()) await show(res, source(res));
    });
    if (!out.latest) return false;
    if (out.ok) {
      cs.$status.set({ type: 'idle' });
      return true;
    }
    const e = out.error;
    cs.$status.set(
      e instanceof ApiError
        ? {
            type: 'error',
            code: e.code,
            message: withHint(e.message, consoleHint(cypher, e.code)),
            position: positionOf(e.details),
          }
        : { type: 'error', code: 'CLIENT', message: e instanceof Error ? e.message : String(e) },
    );
    return false;
  }

  /**
   * Result nodes and relationships onto the canvas, merged or replacing it. Relationships
   * between the result and what stays on the canvas are fetched first, so nodes and their
   * edges arrive together and the layout places them once.
   */
  async function show(res: QueryResponse, source: ConsoleResult['source']) {
    const mode = cs.$mode.get();
    const before = s.$canvas.get().present;
    const nodes = res.graph.nodes;
    let added = nodes.filter((n) => !(n.id in before.nodes)).length;
    canvas.mergeAll(res.graph.edges);
    if (nodes.length > 0) {
      const ids = nodes.map((n) => n.id);
      const keep = mode === 'merge' ? before.order : [];
      await canvas.loadAmong([...new Set([...keep, ...ids])], s.$asOf.get());
      if (mode === 'replace') {
        added = nodes.length;
        s.$path.set(null);
        s.$overlap.set([]);
      }
      canvas.change((c) => applyResultGraph(c, nodes, mode));
      const sel = s.$selection.get();
      if (sel && !(sel in s.$canvas.get().present.nodes)) s.$selection.set(null);
    }
    cs.$result.set({ response: res, source, mode, added });
    cs.$sort.set(null);
  }

  const remember = (cypher: string, params: string) => {
    const next = pushHistory(cs.$history.get(), {
      cypher,
      params,
      at: new Date().toISOString(),
    });
    cs.$history.set(next);
    try {
      storage?.setItem(HISTORY_KEY, JSON.stringify(next));
    } catch {
      // A full or disabled localStorage only costs the history across reloads.
    }
  };

  async function loadLibrary() {
    if (cs.$library.get() || cs.$libraryStatus.get().type === 'loading') return;
    cs.$libraryStatus.set({ type: 'loading', what: 'Loading saved queries' });
    try {
      const res = await api.queries();
      cs.$library.set(res.queries);
      cs.$libraryStatus.set({ type: 'idle' });
    } catch (e) {
      cs.$libraryStatus.set({ type: 'error', message: messageOf(e) });
    }
  }

  async function runLibrary(name: string, params: Record<string, Json>) {
    await loadLibrary();
    const q = cs.$library.get()?.find((x) => x.name === name);
    cs.$selectedQuery.set(name);
    const title = q?.title ?? name;
    const ok = await execute(
      `Running “${title}”`,
      () => api.runQuery(name, params),
      () => ({ kind: 'library', name, title }),
    );
    // The saved query's `view` picks the tab its answer opens on.
    if (ok) cs.$tab.set(q?.view === 'graph' ? 'graph' : 'table');
  }

  /** Opens a pane of the console's left side; the library loads when first shown. */
  function showPane(pane: ConsolePane) {
    cs.$pane.set(pane);
    if (pane === 'library') void loadLibrary();
  }

  return {
    /** The explorer's date: saved queries' date parameters start from it. */
    asOf: () => s.$asOf.get(),
    loadLibrary,
    runLibrary,
    showPane,
    /** Opens or closes the console; opening loads the library (the editor completes `:run`). */
    toggle() {
      const open = !cs.$open.get();
      cs.$open.set(open);
      if (open) void loadLibrary();
    },
    close: () => cs.$open.set(false),
    /** Runs the editor's text: Cypher for the server, or `:run <name>` for a saved query. */
    async run(cypher: string, paramsText: string) {
      const text = cypher.trim();
      if (text === '') {
        cs.$status.set({ type: 'error', code: 'EMPTY', message: 'Type a Cypher query first.' });
        return;
      }
      const params = parseParams(paramsText);
      if (!params.ok) {
        cs.$status.set({ type: 'error', code: 'INVALID_PARAMS', message: params.message });
        return;
      }
      remember(cypher, paramsText);
      const command = parseCommand(text);
      if (command.kind === 'library') {
        showPane('library');
        await runLibrary(command.name, params.value);
        return;
      }
      await execute(
        'Running query',
        () => api.query(text, params.value),
        () => ({ kind: 'cypher' }),
        text,
      );
    },
    dismissError() {
      if (cs.$status.get().type === 'error') cs.$status.set({ type: 'idle' });
    },
  };
}

export type ConsoleActions = ReturnType<typeof createConsoleActions>;
