import type { z } from 'zod';
import { type Layer, type RouteName, type Routes, routes } from '../../server/contract/index.js';
import { analyticsLayer } from '../state/analytics-model.js';
import { ApiError, buildUrl, explainAccess, type Fetcher, requestJson } from './http.js';

/** What a route takes and answers, read from the contract's route map. */
type Field<R extends RouteName, K extends 'params' | 'query' | 'body'> = Routes[R] extends {
  [P in K]: infer S extends z.ZodType;
}
  ? S
  : never;
/** Path parameters, as the server parses them. */
export type ParamsOf<R extends RouteName> = z.output<Field<R, 'params'>>;
/** Query parameters the client may set: the parsed values, each optional (defaults apply). */
export type QueryOf<R extends RouteName> = Partial<z.output<Field<R, 'query'>>>;
/** A request body, as sent (fields with defaults may be left out). */
export type BodyOf<R extends RouteName> = z.input<Field<R, 'body'>>;
export type ResponseOf<R extends RouteName> = z.output<Routes[R]['response']>;

type QueryValues = Parameters<typeof buildUrl>[2];

export interface ApiOptions {
  /**
   * The signed-in session's CSRF token (null for guests and bearer tokens); sent as
   * `x-csrf-token` on every request that is not a GET.
   */
  csrfToken?: () => string | null;
  /**
   * A 401 while the client thought it was signed in: the session ended on the server
   * (expired, signed out elsewhere, password reset, account disabled).
   */
  onSessionLost?: () => void;
  /** The data layer every read asks for (default curated). */
  layer?: () => Layer;
}

/** The typed API client: one method per route of server/contract, every answer safeParsed. */
export function createApi(
  fetcher: Fetcher = (input, init) => fetch(input, init),
  options: ApiOptions = {},
) {
  const denied = (e: unknown, access: string) => {
    // A public route's 401 (a wrong password) says nothing about the session.
    if (e instanceof ApiError && e.status === 401 && access !== 'public' && options.csrfToken?.()) {
      options.onSessionLost?.();
    }
    return explainAccess(e, access);
  };
  const get = <R extends RouteName>(
    name: R,
    params: ParamsOf<R> | Record<string, never>,
    query: QueryOf<R>,
    signal?: AbortSignal,
  ): Promise<ResponseOf<R>> =>
    requestJson(
      fetcher,
      buildUrl(routes[name].path, params as Record<string, string>, query as QueryValues),
      routes[name].response,
      { signal },
    ).catch((e: unknown) => {
      throw denied(e, routes[name].access);
    }) as Promise<ResponseOf<R>>;
  /** POST, PATCH or DELETE by the route's method, with a JSON body when there is one. */
  const send = <R extends RouteName>(
    name: R,
    params: ParamsOf<R> | Record<string, never>,
    body?: BodyOf<R>,
  ): Promise<ResponseOf<R>> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = options.csrfToken?.();
    if (csrf) headers['x-csrf-token'] = csrf;
    return requestJson(
      fetcher,
      buildUrl(routes[name].path, params as Record<string, string>),
      routes[name].response,
      {
        method: routes[name].method.toUpperCase(),
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    ).catch((e: unknown) => {
      throw denied(e, routes[name].access);
    }) as Promise<ResponseOf<R>>;
  };
  const post = send;
  const layer = () => options.layer?.() ?? 'curated';
  /** A file route: the bytes as a Blob and the name the server gave it; errors as for JSON. */
  const file = async (
    name: 'exportGraph' | 'exportCanvas' | 'exportDeck' | 'exportView',
    url: string,
    init: RequestInit,
  ) => {
    let res: Response;
    try {
      res = await fetcher(url, init);
    } catch (cause) {
      throw new ApiError('NETWORK', `Cannot reach the server (${String(cause)})`, 0);
    }
    if (!res.ok) {
      // The error envelope is JSON: let requestJson raise it the one way.
      await requestJson(async () => res, url, routes[name].response).catch((e: unknown) => {
        throw denied(e, routes[name].access);
      });
    }
    const disposition = res.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'entente-export';
    return { blob: await res.blob(), filename };
  };

  return {
    /** Saved views: one's own and those shared, searched by name. */
    views: (q?: string) => get('listViews', {}, { q: q || undefined }),
    /** A saved view and what changed in the data since it was saved. */
    view: (id: ParamsOf<'getView'>['id']) => get('getView', { id }, {}),
    /** A view by its short id (the short link `/v/<shortId>`). */
    viewByShortId: (shortId: ParamsOf<'viewByShortId'>['shortId']) =>
      get('viewByShortId', { shortId }, {}),
    createView: (body: BodyOf<'createView'>) => send('createView', {}, body),
    updateView: (id: ParamsOf<'updateView'>['id'], body: BodyOf<'updateView'>) =>
      send('updateView', { id }, body),
    duplicateView: (id: ParamsOf<'duplicateView'>['id'], body: BodyOf<'duplicateView'> = {}) =>
      send('duplicateView', { id }, body),
    deleteView: (id: ParamsOf<'deleteView'>['id']) => send('deleteView', { id }),
    decks: (q?: string) => get('listDecks', {}, { q: q || undefined }),
    deck: (id: ParamsOf<'getDeck'>['id']) => get('getDeck', { id }, {}),
    createDeck: (body: BodyOf<'createDeck'>) => send('createDeck', {}, body),
    updateDeck: (id: ParamsOf<'updateDeck'>['id'], body: BodyOf<'updateDeck'>) =>
      send('updateDeck', { id }, body),
    deleteDeck: (id: ParamsOf<'deleteDeck'>['id']) => send('deleteDeck', { id }),
    /** A deck as PDF or PPTX, from the server's renderer, as a file. */
    exportDeck: (
      id: ParamsOf<'exportDeck'>['id'],
      format: QueryOf<'exportDeck'>['format'] & string,
    ) => file('exportDeck', buildUrl(routes.exportDeck.path, { id }, { format }), {}),
    /** One saved view drawn by the server as a slide: SVG, or PNG at scale 1 or 2. */
    exportView: (
      id: ParamsOf<'exportView'>['id'],
      format: QueryOf<'exportView'>['format'] & string,
      scale: '1' | '2' = '1',
    ) => file('exportView', buildUrl(routes.exportView.path, { id }, { format, scale }), {}),
    health: () => get('health', {}, {}),
    stats: () => get('stats', {}, { layer: layer() }),
    search: (q: string, opts: Omit<QueryOf<'search'>, 'q'> & { signal?: AbortSignal } = {}) =>
      get('search', {}, { q, types: opts.types, limit: opts.limit, layer: layer() }, opts.signal),
    node: (id: ParamsOf<'node'>['id']) => get('node', { id }, {}),
    neighbourhood: (
      id: ParamsOf<'neighbourhood'>['id'],
      query: QueryOf<'neighbourhood'> & { asOf: string },
    ) => get('neighbourhood', { id }, { layer: layer(), ...query }),
    subgraph: (body: BodyOf<'subgraph'>) => post('subgraph', {}, { layer: layer(), ...body }),
    members: (id: ParamsOf<'members'>['id'], asOf: string) =>
      get('members', { id }, { asOf, layer: layer() }),
    memberships: (id: ParamsOf<'memberships'>['id'], asOf: string) =>
      get('memberships', { id }, { asOf, layer: layer() }),
    shortestPath: (
      from: QueryOf<'shortestPath'>['from'] & string,
      to: QueryOf<'shortestPath'>['to'] & string,
      asOf: string,
      maxHops?: QueryOf<'shortestPath'>['maxHops'],
      /** Relationship types to follow, alliance kinds and ids to route around, all shortest. */
      steer: Pick<QueryOf<'shortestPath'>, 'rels' | 'exclude' | 'avoid' | 'all'> = {},
    ) =>
      get('shortestPath', {}, {
        from,
        to,
        asOf,
        maxHops,
        layer: layer(),
        ...steer,
      } as QueryOf<'shortestPath'>),
    /** The whole graph of the layer on a date (or over all time) as a file. */
    exportGraph: (query: QueryOf<'exportGraph'> & { format: QueryOf<'exportGraph'>['format'] }) =>
      file(
        'exportGraph',
        buildUrl(routes.exportGraph.path, {}, { layer: layer(), ...query } as QueryValues),
        {},
      ),
    /** A canvas as drawn, as a file. */
    exportCanvas: (body: BodyOf<'exportCanvas'>) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const csrf = options.csrfToken?.();
      if (csrf) headers['x-csrf-token'] = csrf;
      return file('exportCanvas', routes.exportCanvas.path, {
        method: 'POST',
        headers,
        body: JSON.stringify({ layer: layer(), ...body }),
      });
    },
    /** The console: one read-only Cypher query. */
    query: (cypher: BodyOf<'query'>['cypher'], params: BodyOf<'query'>['params']) =>
      post('query', {}, { cypher, params }),
    queries: () => get('queries', {}, {}),
    /** A saved query of the library; the server fills missing parameters with defaults. */
    runQuery: (name: ParamsOf<'runQuery'>['name'], params: BodyOf<'runQuery'>['params']) =>
      post('runQuery', { name }, { params }),

    /** Who is calling: the signed-in user or a guest, with the session's CSRF token. */
    session: () => get('session', {}, {}),
    login: (body: BodyOf<'login'>) => send('login', {}, body),
    logout: () => send('logout', {}),
    /** The first admin, with the one-time token of the set-up link. */
    setup: (body: BodyOf<'setup'>) => send('setup', {}, body),
    tokens: () => get('tokens', {}, {}),
    createToken: (body: BodyOf<'createToken'>) => send('createToken', {}, body),
    revokeToken: (id: ParamsOf<'revokeToken'>['id']) => send('revokeToken', { id }),
    users: () => get('users', {}, {}),
    createUser: (body: BodyOf<'createUser'>) => send('createUser', {}, body),
    updateUser: (id: ParamsOf<'updateUser'>['id'], body: BodyOf<'updateUser'>) =>
      send('updateUser', { id }, body),
    deleteUser: (id: ParamsOf<'deleteUser'>['id']) => send('deleteUser', { id }),
    audit: (query: QueryOf<'audit'>) => get('audit', {}, query),

    /** Alignment analytics on one layer ("all" reads the curated data). */
    analytics: {
      alignment: (q: { nations: string[]; asOf: string; weighted: boolean }) =>
        get('alignment', {}, { ...q, layer: analyticsLayer(layer()) }),
      alignmentSeries: (q: { a: string; b: string; from: number; to: number }) =>
        get('alignmentSeries', {}, { ...q, layer: analyticsLayer(layer()) }),
      alignmentRanking: (q: { nation: string; asOf: string; weighted: boolean }) =>
        get('alignmentRanking', {}, { ...q, layer: analyticsLayer(layer()) }),
      obligations: (q: { nation: string; asOf: string }) =>
        get('obligations', {}, { ...q, layer: analyticsLayer(layer()) }),
      structure: (q: Omit<QueryOf<'structure'>, 'layer'>) =>
        get('structure', {}, { ...q, layer: analyticsLayer(layer()) }),
      whatIf: (q: { scenario: BodyOf<'whatIf'>['scenario']; asOf: string }) =>
        send('whatIf', {}, { ...q, layer: analyticsLayer(layer()) }),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** The audit export's address (JSON lines) for the same filters as `audit`. */
export const auditExportUrl = (query: QueryOf<'audit'>) =>
  buildUrl(`${routes.audit.path}/export`, {}, query as QueryValues);
