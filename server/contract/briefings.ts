import { z } from 'zod';
import { ScenarioSchema } from './analytics.js';
import { LAYERS } from './api.js';
import {
  BRIEFING_NAME_MAX_CHARS,
  BRIEFING_NOTES_MAX_CHARS,
  BRIEFING_SEARCH_MAX_CHARS,
  BRIEFING_TEXT_MAX_CHARS,
  BRIEFING_TITLE_MAX_CHARS,
  DECK_MAX_SLIDES,
  VIEW_MAX_NODES,
  VIEWS_LIST_LIMIT,
} from './limits.js';
import { LogoSchema } from './logo.js';
import { IsoDateSchema, NodeIdSchema, SourceSchema } from './primitives.js';

/**
 * Briefings: saved views (the picture of an exploration: nodes, positions, dates, filters,
 * styling, words) and decks (ordered slides over saved views, with a banner and a theme),
 * stored per user through the store port and exported as PDF, PPTX, PNG and SVG.
 * Every string is bounded (limits.ts). Text is stored as typed: titles and notes holding
 * `<script>` stay text and are escaped wherever they are drawn.
 */

/** View ids `view_...`, deck ids `deck_...`; short ids are 8 URL-safe characters. */
export const ViewIdSchema = z.string().regex(/^view_[A-Za-z0-9_-]{8,64}$/, 'a view id');
export const DeckIdSchema = z.string().regex(/^deck_[A-Za-z0-9_-]{8,64}$/, 'a deck id');
export const ShortIdSchema = z.string().regex(/^[A-Za-z0-9]{8}$/, 'a short view id');

export const VISIBILITIES = ['private', 'shared'] as const;
export const VisibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof VisibilitySchema>;

export const DECK_ASPECTS = ['16:9', '4:3'] as const;
export const DeckAspectSchema = z.enum(DECK_ASPECTS);
export type DeckAspect = z.infer<typeof DeckAspectSchema>;

export const DECK_THEMES = ['light', 'dark', 'colour-blind'] as const;
export const DeckThemeSchema = z.enum(DECK_THEMES);
export type DeckTheme = z.infer<typeof DeckThemeSchema>;

const Text = (max: number) => z.string().max(max);
const Name = z.string().trim().min(1, 'a name').max(BRIEFING_NAME_MAX_CHARS);
const Token = z.string().max(64);
const Coordinate = z.number().finite().min(-1e9).max(1e9);

/** What is hidden (the explorer's filters): labels, relationship types, regions, kinds. */
export const ViewFiltersSchema = z.strictObject({
  labels: z.array(Token).max(20).default([]),
  rels: z.array(Token).max(20).default([]),
  regions: z.array(Token).max(50).default([]),
  kinds: z.array(Token).max(50).default([]),
});

/** A colour as #rgb or #rrggbb. */
const Colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'a colour as #rrggbb');

/** Per-node styling a view keeps (colour, size, a role such as "member" or "partner"). */
export const ViewNodeStyleSchema = z.strictObject({
  color: Colour.optional(),
  size: z.number().finite().min(1).max(500).optional(),
  role: Token.optional(),
});

/**
 * The picture a view keeps. Dates are `YYYY-MM-DD`; `compareFrom` set means a compare range
 * (compareFrom .. asOf). Positions are model coordinates keyed by node id.
 */
export const ViewStateSchema = z.strictObject({
  nodes: z.array(NodeIdSchema).max(VIEW_MAX_NODES),
  pinned: z.array(NodeIdSchema).max(VIEW_MAX_NODES).default([]),
  positions: z
    .record(NodeIdSchema, z.strictObject({ x: Coordinate, y: Coordinate }))
    .refine((p) => Object.keys(p).length <= VIEW_MAX_NODES, 'too many positions')
    .default({}),
  asOf: IsoDateSchema,
  compareFrom: IsoDateSchema.nullable().default(null),
  layer: z.enum(LAYERS).default('curated'),
  layout: Token.default('fcose'),
  view: Token.default('graph'),
  sizeBy: Token.default('degree'),
  filters: ViewFiltersSchema.default({ labels: [], rels: [], regions: [], kinds: [] }),
  /** Node roles and styling, keyed by node id. */
  styles: z
    .record(NodeIdSchema, ViewNodeStyleSchema)
    .refine((s) => Object.keys(s).length <= VIEW_MAX_NODES, 'too many styles')
    .default({}),
  overlap: z.array(NodeIdSchema).max(20).default([]),
  overlapAssociates: z.boolean().default(false),
  ties: z
    .strictObject({
      minWeight: z.number().int().min(0).max(1000),
      topK: z.number().int().min(1).max(1000).nullable(),
    })
    .default({ minWeight: 2, topK: 5 }),
  selected: NodeIdSchema.nullable().default(null),
  path: z.strictObject({ from: NodeIdSchema, to: NodeIdSchema }).nullable().default(null),
  /**
   * The what-if scenario open in the Analytics drawer (analytics.ts, `POST
   * /api/analytics/what-if`), reopened with the view; absent when there is none.
   */
  scenario: ScenarioSchema.optional(),
  caption: Text(BRIEFING_TEXT_MAX_CHARS).default(''),
  notes: Text(BRIEFING_NOTES_MAX_CHARS).default(''),
});
export type ViewState = z.infer<typeof ViewStateSchema>;
export type ViewStateInput = z.input<typeof ViewStateSchema>;

/** Who owns a view or deck: the user id and the username at the time of reading. */
const OwnerSchema = z.strictObject({ id: z.string(), username: z.string() });

export const SavedViewSchema = z.strictObject({
  id: ViewIdSchema,
  shortId: ShortIdSchema,
  name: z.string(),
  owner: OwnerSchema,
  visibility: VisibilitySchema,
  state: ViewStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** A view as listed: everything but its state, plus its node count. */
export const ViewSummarySchema = SavedViewSchema.omit({ state: true }).extend({
  nodeCount: z.number().int().nonnegative(),
  asOf: z.string(),
});
export type ViewSummary = z.infer<typeof ViewSummarySchema>;

/** `POST /api/views`. */
export const CreateViewBodySchema = z.strictObject({
  name: Name,
  visibility: VisibilitySchema.default('private'),
  state: ViewStateSchema,
});
export type CreateViewBody = z.input<typeof CreateViewBodySchema>;

/** `PATCH /api/views/:id`: rename, share or unshare, replace the state. */
export const UpdateViewBodySchema = z
  .strictObject({
    name: Name.optional(),
    visibility: VisibilitySchema.optional(),
    state: ViewStateSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateViewBody = z.input<typeof UpdateViewBodySchema>;

/** `POST /api/views/:id/duplicate` and `POST /api/decks/:id/duplicate`: the copy's name. */
export const DuplicateBodySchema = z.strictObject({ name: Name.optional() });

/** `GET /api/views`, `GET /api/decks`: search by name (case-insensitive substring). */
export const BriefingListQuerySchema = z.strictObject({
  q: z.string().max(BRIEFING_SEARCH_MAX_CHARS).optional(),
  /** `mine` lists only the caller's own; `all` (default) adds what others share. */
  scope: z.enum(['mine', 'all']).default('all'),
  limit: z.coerce
    .number()
    .int()
    .min(VIEWS_LIST_LIMIT.min)
    .max(VIEWS_LIST_LIMIT.max)
    .default(VIEWS_LIST_LIMIT.default),
});
export type BriefingListQuery = z.infer<typeof BriefingListQuerySchema>;

export const ViewParamsSchema = z.strictObject({ id: ViewIdSchema });
export const DeckParamsSchema = z.strictObject({ id: DeckIdSchema });
export const ShortParamsSchema = z.strictObject({ shortId: ShortIdSchema });

export const ViewListResponseSchema = z.strictObject({ views: z.array(ViewSummarySchema) });

/**
 * What changed in the data since a view was saved, read for its node ids on its date:
 * relationships among its nodes that ended or started since `updatedAt`, nodes gone.
 */
export const ViewChangesSchema = z.strictObject({
  ended: z.number().int().nonnegative(),
  started: z.number().int().nonnegative(),
  removedNodes: z.number().int().nonnegative(),
  /** The ids of nodes no longer in the data. */
  missing: z.array(z.string()),
});
export type ViewChanges = z.infer<typeof ViewChangesSchema>;

/** `GET /api/views/:id` and `GET /api/v/:shortId`: the view and what changed since. */
export const ViewResponseSchema = z.strictObject({
  view: SavedViewSchema,
  changes: ViewChangesSchema,
});
export type ViewResponse = z.infer<typeof ViewResponseSchema>;

/** A time walk plays the date from one year to another (inclusive), e.g. 1989 to 1992. */
export const TimeWalkSchema = z
  .strictObject({
    from: z.number().int().min(1800).max(2100),
    to: z.number().int().min(1800).max(2100),
  })
  .refine((w) => w.from <= w.to, 'from must not be after to');

export const SlideSchema = z.strictObject({
  viewId: ViewIdSchema,
  title: Text(BRIEFING_TITLE_MAX_CHARS).default(''),
  subtitle: Text(BRIEFING_TITLE_MAX_CHARS).default(''),
  notes: Text(BRIEFING_NOTES_MAX_CHARS).default(''),
  timeWalk: TimeWalkSchema.optional(),
});
export type Slide = z.infer<typeof SlideSchema>;
export type SlideInput = z.input<typeof SlideSchema>;

export { LogoSchema };

const DeckFields = {
  name: Name,
  visibility: VisibilitySchema.default('private'),
  /** The user-typed caveat printed at the top and bottom of every slide. */
  bannerTop: Text(BRIEFING_TEXT_MAX_CHARS).default(''),
  bannerBottom: Text(BRIEFING_TEXT_MAX_CHARS).default(''),
  aspect: DeckAspectSchema.default('16:9'),
  theme: DeckThemeSchema.default('light'),
  logo: LogoSchema.nullable().default(null),
  slides: z.array(SlideSchema).max(DECK_MAX_SLIDES, `at most ${DECK_MAX_SLIDES} slides`),
};

export const DeckSchema = z.strictObject({
  id: DeckIdSchema,
  owner: OwnerSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  ...DeckFields,
  name: z.string(),
});
export type Deck = z.infer<typeof DeckSchema>;

export const DeckSummarySchema = DeckSchema.omit({ slides: true, logo: true }).extend({
  slideCount: z.number().int().nonnegative(),
});
export type DeckSummary = z.infer<typeof DeckSummarySchema>;

/** `POST /api/decks`. Every slide's view must exist and be readable by the caller. */
export const CreateDeckBodySchema = z.strictObject(DeckFields);
export type CreateDeckBody = z.input<typeof CreateDeckBodySchema>;

/** `PATCH /api/decks/:id`: any of the deck's fields; `slides` replaces the whole list. */
export const UpdateDeckBodySchema = z
  .strictObject({
    name: Name.optional(),
    visibility: VisibilitySchema.optional(),
    bannerTop: Text(BRIEFING_TEXT_MAX_CHARS).optional(),
    bannerBottom: Text(BRIEFING_TEXT_MAX_CHARS).optional(),
    aspect: DeckAspectSchema.optional(),
    theme: DeckThemeSchema.optional(),
    logo: LogoSchema.nullable().optional(),
    slides: DeckFields.slides.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateDeckBody = z.input<typeof UpdateDeckBodySchema>;

export const DeckListResponseSchema = z.strictObject({ decks: z.array(DeckSummarySchema) });
export const DeckResponseSchema = z.strictObject({ deck: DeckSchema });

/** `GET /api/decks/:id/export?format=pdf|pptx`. */
export const DECK_EXPORT_FORMATS = ['pdf', 'pptx'] as const;
export const DeckExportQuerySchema = z.strictObject({
  format: z.enum(DECK_EXPORT_FORMATS),
});

/** `GET /api/views/:id/export?format=png|svg&scale=1|2`: 1920x1080 or 3840x2160. */
export const VIEW_EXPORT_FORMATS = ['png', 'svg'] as const;
export const ViewExportQuerySchema = z.strictObject({
  format: z.enum(VIEW_EXPORT_FORMATS),
  scale: z.enum(['1', '2']).default('1'),
  theme: DeckThemeSchema.default('light'),
});

export const BRIEFING_FILES = {
  pdf: { type: 'application/pdf', extension: 'pdf' },
  pptx: {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
  png: { type: 'image/png', extension: 'png' },
  svg: { type: 'image/svg+xml', extension: 'svg' },
} as const;

/** A source cited by a slide (the sources footer and the appendix). */
export const CitedSourceSchema = SourceSchema;
