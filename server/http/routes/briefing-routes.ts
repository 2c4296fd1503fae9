import { randomBytes } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import type { User } from '../../contract/auth.js';
import { roleAtLeast } from '../../contract/auth.js';
import {
  BRIEFING_FILES,
  type Deck,
  type SavedView,
  type ViewSummary,
} from '../../contract/briefings.js';
import { BRIEFING_NAME_MAX_CHARS } from '../../contract/limits.js';
import type { Source } from '../../contract/primitives.js';
import { routes } from '../../contract/routes.js';
import { type SlideFrame, slideModel, viewChanges } from '../../domain/briefing/slide-data.js';
import { SLIDE_SIZES, type SlideModel, slideSvg } from '../../domain/briefing/slide-svg.js';
import { AppError } from '../../lib/app-error.js';
import { worldPaths } from '../../lib/world-outline.js';
import type { BriefingStore } from '../../store/briefing-store.js';
import type { GraphStore } from '../../store/graph-store.js';
import { deckPdf, deckPptx, type ExportSlide, svgToPng } from '../briefing-files.js';
import { handle, handleFile } from '../handle.js';
import { principalOf } from '../middleware/authenticate.js';

export interface BriefingOptions {
  /** The server's public address; short links in footers start with it (else the request's). */
  publicUrl?: string;
  /** Today as YYYY-MM-DD (what "changed since saved" compares against). */
  today?: () => string;
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
const SHORT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
function shortId(): string {
  const bytes = randomBytes(8);
  return Array.from(bytes, (b) => SHORT_ALPHABET[b % SHORT_ALPHABET.length]).join('');
}

/** The signed-in caller (every briefing route needs at least the viewer role). */
function callerOf(res: Response): User {
  const user = principalOf(res).user;
  if (!user) throw new AppError('UNAUTHORIZED', 'sign in to use this');
  return user;
}

const readable = (item: { owner: { id: string }; visibility: string }, user: User) =>
  item.owner.id === user.id || item.visibility === 'shared';

function mayShare(user: User, visibility: string) {
  if (visibility === 'shared' && !roleAtLeast(user.role, 'analyst')) {
    throw new AppError('FORBIDDEN', 'sharing with other users needs the analyst role');
  }
}

const copyName = (name: string) => {
  const suffix = ' (copy)';
  const room = BRIEFING_NAME_MAX_CHARS - suffix.length;
  return `${[...name].slice(0, room).join('')}${suffix}`;
};

/** A file name from a user's name for it: letters, digits and dashes only. */
const fileName = (name: string, extension: string) =>
  `${
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'briefing'
  }.${extension}`;

function summary(v: SavedView): ViewSummary {
  const { state, ...rest } = v;
  return { ...rest, nodeCount: state.nodes.length, asOf: state.asOf };
}

function deckSummary(d: Deck) {
  const { slides, logo: _logo, ...rest } = d;
  return { ...rest, slideCount: slides.length };
}

/**
 * Saved views and decks (viewer and up: own views; analyst and up: sharing and decks), and
 * their exports drawn on the server from the saved state and the current data. Private items
 * are their owner's alone: to anyone else they do not exist (404), admins included; shared
 * ones every signed-in user reads, and only the owner changes or deletes (403).
 */
export function briefingRoutes(
  store: GraphStore,
  open: () => Promise<BriefingStore>,
  options: BriefingOptions = {},
): Router {
  // Strict: `/api/views/` (an empty id) is not the list `/api/views`.
  const r = Router({ strict: true });
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const linkBase = (req: Request) =>
    `${(options.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/$/, '')}/v/`;

  const readableView = async (id: string, user: User) => {
    const view = await (await open()).viewById(id);
    if (!view || !readable(view, user)) throw new AppError('NOT_FOUND', `no view ${id}`);
    return view;
  };
  const ownView = async (id: string, user: User) => {
    const view = await readableView(id, user);
    if (view.owner.id !== user.id) {
      throw new AppError('FORBIDDEN', 'only the owner of a view may change or delete it');
    }
    return view;
  };
  const readableDeck = async (id: string, user: User) => {
    const deck = await (await open()).deckById(id);
    if (!deck || !readable(deck, user)) throw new AppError('NOT_FOUND', `no deck ${id}`);
    return deck;
  };
  const ownDeck = async (id: string, user: User) => {
    const deck = await readableDeck(id, user);
    if (deck.owner.id !== user.id) {
      throw new AppError('FORBIDDEN', 'only the owner of a deck may change or delete it');
    }
    return deck;
  };
  /** Every slide's view must exist and be readable by the one building the deck. */
  const checkSlides = async (slides: readonly { viewId: string }[], user: User) => {
    const briefings = await open();
    const missing: string[] = [];
    for (const id of new Set(slides.map((s) => s.viewId))) {
      const view = await briefings.viewById(id);
      if (!view || !readable(view, user)) missing.push(id);
    }
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `no view ${missing[0]}${missing.length > 1 ? ' and others' : ''}`,
        {
          details: { views: missing },
        },
      );
    }
  };
  const withChanges = async (view: SavedView) => ({
    view,
    changes: await viewChanges(store, view, today()),
  });

  r.get(
    routes.listViews.path,
    handle(routes.listViews, async ({ query }, _req, res) => {
      const user = callerOf(res);
      const views = await (await open()).listViews({
        userId: user.id,
        scope: query.scope,
        q: query.q ?? '',
        limit: query.limit,
      });
      return { views: views.map(summary) };
    }),
  );
  r.post(
    routes.createView.path,
    handle(routes.createView, async ({ body }, _req, res) => {
      const user = callerOf(res);
      mayShare(user, body.visibility);
      const briefings = await open();
      let short = shortId();
      while (await briefings.viewByShortId(short)) short = shortId();
      const now = new Date().toISOString();
      const view: SavedView = {
        id: newId('view'),
        shortId: short,
        name: body.name,
        owner: { id: user.id, username: user.username },
        visibility: body.visibility,
        state: body.state,
        createdAt: now,
        updatedAt: now,
      };
      await briefings.createView(view);
      return withChanges(view);
    }),
  );
  r.get(
    routes.getView.path,
    handle(routes.getView, async ({ params }, _req, res) =>
      withChanges(await readableView(params.id, callerOf(res))),
    ),
  );
  r.get(
    routes.viewByShortId.path,
    handle(routes.viewByShortId, async ({ params }, _req, res) => {
      const user = callerOf(res);
      const view = await (await open()).viewByShortId(params.shortId);
      if (!view || !readable(view, user)) {
        throw new AppError('NOT_FOUND', `no view with short id ${params.shortId}`);
      }
      return withChanges(view);
    }),
  );
  r.patch(
    routes.updateView.path,
    handle(routes.updateView, async ({ params, body }, _req, res) => {
      const user = callerOf(res);
      const view = await ownView(params.id, user);
      if (body.visibility) mayShare(user, body.visibility);
      const next: SavedView = {
        ...view,
        name: body.name ?? view.name,
        visibility: body.visibility ?? view.visibility,
        state: body.state ?? view.state,
        updatedAt: new Date().toISOString(),
      };
      await (await open()).updateView(view.id, next);
      return withChanges(next);
    }),
  );
  r.post(
    routes.duplicateView.path,
    handle(routes.duplicateView, async ({ params, body }, _req, res) => {
      const user = callerOf(res);
      const view = await readableView(params.id, user);
      const briefings = await open();
      let short = shortId();
      while (await briefings.viewByShortId(short)) short = shortId();
      const now = new Date().toISOString();
      const copy: SavedView = {
        ...view,
        id: newId('view'),
        shortId: short,
        name: body.name ?? copyName(view.name),
        owner: { id: user.id, username: user.username },
        visibility: 'private',
        createdAt: now,
        updatedAt: now,
      };
      await briefings.createView(copy);
      return withChanges(copy);
    }),
  );
  r.delete(
    routes.deleteView.path,
    handle(routes.deleteView, async ({ params }, _req, res) => {
      const view = await ownView(params.id, callerOf(res));
      await (await open()).deleteView(view.id);
      return { ok: true as const };
    }),
  );

  r.get(
    routes.listDecks.path,
    handle(routes.listDecks, async ({ query }, _req, res) => {
      const user = callerOf(res);
      const decks = await (await open()).listDecks({
        userId: user.id,
        scope: query.scope,
        q: query.q ?? '',
        limit: query.limit,
      });
      return { decks: decks.map(deckSummary) };
    }),
  );
  r.post(
    routes.createDeck.path,
    handle(routes.createDeck, async ({ body }, _req, res) => {
      const user = callerOf(res);
      await checkSlides(body.slides, user);
      const now = new Date().toISOString();
      const deck: Deck = {
        ...body,
        id: newId('deck'),
        owner: { id: user.id, username: user.username },
        createdAt: now,
        updatedAt: now,
      };
      await (await open()).createDeck(deck);
      return { deck };
    }),
  );
  r.get(
    routes.getDeck.path,
    handle(routes.getDeck, async ({ params }, _req, res) => ({
      deck: await readableDeck(params.id, callerOf(res)),
    })),
  );
  r.patch(
    routes.updateDeck.path,
    handle(routes.updateDeck, async ({ params, body }, _req, res) => {
      const user = callerOf(res);
      const deck = await ownDeck(params.id, user);
      if (body.slides) await checkSlides(body.slides, user);
      const next: Deck = {
        ...deck,
        ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
        updatedAt: new Date().toISOString(),
      };
      await (await open()).updateDeck(deck.id, next);
      return { deck: next };
    }),
  );
  r.post(
    routes.duplicateDeck.path,
    handle(routes.duplicateDeck, async ({ params, body }, _req, res) => {
      const user = callerOf(res);
      const deck = await readableDeck(params.id, user);
      const now = new Date().toISOString();
      const copy: Deck = {
        ...deck,
        id: newId('deck'),
        name: body.name ?? copyName(deck.name),
        owner: { id: user.id, username: user.username },
        visibility: 'private',
        createdAt: now,
        updatedAt: now,
      };
      await (await open()).createDeck(copy);
      return { deck: copy };
    }),
  );
  r.delete(
    routes.deleteDeck.path,
    handle(routes.deleteDeck, async ({ params }, _req, res) => {
      const deck = await ownDeck(params.id, callerOf(res));
      await (await open()).deleteDeck(deck.id);
      return { ok: true as const };
    }),
  );

  r.get(
    routes.exportView.path,
    handleFile(routes.exportView, async ({ params, query }, req, res) => {
      const view = await readableView(params.id, callerOf(res));
      const frame: SlideFrame = {
        aspect: '16:9',
        theme: query.theme,
        bannerTop: '',
        bannerBottom: '',
        logo: null,
        world: worldPaths(),
        page: { number: 1, of: 1 },
        linkBase: linkBase(req),
      };
      const { model } = await slideModel(store, view, undefined, frame, today());
      const file = BRIEFING_FILES[query.format];
      const body =
        query.format === 'svg'
          ? slideSvg(model)
          : svgToPng(
              slideSvg(model, { world: 'cover' }),
              SLIDE_SIZES[frame.aspect].width * Number(query.scale),
            );
      return { body, type: file.type, filename: fileName(view.name, file.extension) };
    }),
  );
  r.get(
    routes.exportDeck.path,
    handleFile(routes.exportDeck, async ({ params, query }, req, res) => {
      const user = callerOf(res);
      const deck = await readableDeck(params.id, user);
      const briefings = await open();
      const slides: ExportSlide[] = [];
      const sources = new Map<string, Source>();
      for (const [i, slide] of deck.slides.entries()) {
        const frame: SlideFrame = {
          aspect: deck.aspect,
          theme: deck.theme,
          bannerTop: deck.bannerTop,
          bannerBottom: deck.bannerBottom,
          logo: deck.logo,
          world: worldPaths(),
          page: { number: i + 1, of: deck.slides.length },
          linkBase: linkBase(req),
        };
        const view = await briefings.viewById(slide.viewId);
        if (!view || !readable(view, user)) {
          slides.push({ model: unavailable(slide.title, frame), notes: slide.notes });
          continue;
        }
        const built = await slideModel(store, view, slide, frame, today());
        for (const s of built.sources) if (!sources.has(s.url)) sources.set(s.url, s);
        slides.push({ model: built.model, notes: slide.notes });
      }
      const file = BRIEFING_FILES[query.format];
      const input = {
        name: deck.name,
        aspect: deck.aspect,
        theme: deck.theme,
        slides,
        sources: [...sources.values()],
        logo: deck.logo,
      };
      const body = query.format === 'pdf' ? await deckPdf(input) : await deckPptx(input);
      return { body, type: file.type, filename: fileName(deck.name, file.extension) };
    }),
  );
  return r;
}

/** A slide whose view was deleted or made private since: drawn empty, saying so. */
function unavailable(title: string, frame: SlideFrame): SlideModel {
  return {
    aspect: frame.aspect,
    theme: frame.theme,
    title: title || 'Slide unavailable',
    subtitle: 'The saved view of this slide was deleted or is no longer shared.',
    dateLine: '',
    bannerTop: frame.bannerTop,
    bannerBottom: frame.bannerBottom,
    caption: '',
    nodes: [],
    edges: [],
    sources: [],
    changes: '',
    link: '',
    page: frame.page,
    logo: frame.logo,
    world: null,
  };
}
