import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import {
  ARTIFACTS,
  E2E_ADMIN,
  openViewNamed,
  pageAt,
  settle,
  signInWithDialog,
  useExplorer,
} from './harness.js';
import { horizontalOverflow, seriousA11yViolations, sidewaysScrolled } from './screen-checks.js';

/*
 * From the world data to a three-slide briefing: NATO in 1955, NATO in 2024, and the Warsaw
 * Pact walked from 1989 to 1992; saved as views, built into a deck, presented with the keys,
 * exported as PDF and PowerPoint and each file checked on its own (poppler, unzip).
 */
const explorer = useExplorer();
const BANNER = 'UNCLASSIFIED // BRIEFING EXERCISE';
const has = (tool: string) => spawnSync('which', [tool]).status === 0;

interface Slide {
  name: string;
  alliance: string;
  asOf: string;
  walk?: { from: number; to: number };
  layout?: string;
}
const SLIDES: Slide[] = [
  // On the world map: the exports draw the map layer under it.
  { name: 'NATO in 1955', alliance: 'alliance:nato', asOf: '1955-06-01', layout: 'geo' },
  { name: 'NATO in 2024', alliance: 'alliance:nato', asOf: '2024-06-01' },
  {
    name: 'Warsaw Pact 1989 to 1992',
    alliance: 'alliance:warsaw-pact',
    asOf: '1989-06-01',
    walk: { from: 1989, to: 1992 },
  },
];

/** The alliance and its members on the date, from the API: what the view starts from. */
async function hashFor(slide: Slide): Promise<string> {
  const res = await fetch(
    `${explorer.server.baseUrl}/api/alliances/${slide.alliance}/members?asOf=${slide.asOf}`,
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as { members: { id: string }[] };
  const ids = [slide.alliance, ...body.members.map((m) => m.id)];
  return `#n=${ids.join(',')}&d=${slide.asOf}&l=${slide.layout ?? 'grouped'}`;
}

async function signIn(page: Page) {
  await page.waitForSelector('#sign-in-open, #account-menu', { timeout: 10_000 });
  if (await page.isVisible('#sign-in-open')) await signInWithDialog(page, E2E_ADMIN);
}

/** Tabs from the focused control until `selector` has the focus (it is keyboard reachable). */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)})`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} is not reached with Tab`);
}

/** A PNG's pixel size from its IHDR chunk. */
function pngSize(file: string) {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Clicks a header control, through the More menu when the header has folded it away. */
async function header(page: Page, id: string) {
  if (!(await page.isVisible(id))) await page.click('#toolbar-more');
  await page.click(id);
}

// Page scripts are source text: this file is compiled without DOM types.
const positionsOf = (page: Page) =>
  page.evaluate(
    'Object.fromEntries(window.__entente.nodeBoxes().map((b) => [b.id, { x: b.x, y: b.y }]))',
  ) as Promise<Record<string, { x: number; y: number }>>;
const textIs = (sel: string, text: string) =>
  `[...document.querySelectorAll(${JSON.stringify(sel)})].some((el) => el.textContent === ${JSON.stringify(text)})`;

/** Whether the briefing routes are served (the server part lands separately). */
async function briefingRoutes(): Promise<boolean> {
  const res = await fetch(`${explorer.server.baseUrl}/api/views`);
  const ok = res.status !== 404;
  if (!ok) console.warn('briefings e2e: /api/views is not served by this build; skipped');
  return ok;
}

/** Catches the download a click (or `press`, a key on the focused control) starts. */
async function download(page: Page, button: string, file: string, press?: string): Promise<string> {
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    press ? page.keyboard.press(press) : page.click(button),
  ]);
  const target = path.join(ARTIFACTS, file);
  await dl.saveAs(target);
  return target;
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  const tag = `${size.width}x${size.height}`;

  describe(`briefings at ${tag}`, () => {
    it('saves three views, builds a deck, presents it and exports PDF and PPTX', async () => {
      if (!(await briefingRoutes())) return;
      const docs = size.width === 1280 ? path.join(ROOT, 'docs', 'img') : null;
      if (docs) mkdirSync(docs, { recursive: true });
      const shot = async (page: Page, name: string) => {
        const file = path.join(ARTIFACTS, `briefings-${name}-${tag}.png`);
        await page.screenshot({ path: file });
        if (docs) copyFileSync(file, path.join(docs, `briefings-${name}.png`));
      };

      // 1. Three views, each drawn from the world data and saved from the Views dialog.
      let page = await pageAt(explorer, size);
      await signIn(page);
      const saved: Record<string, Record<string, { x: number; y: number }>> = {};
      for (const [i, slide] of SLIDES.entries()) {
        await page.close();
        page = await pageAt(explorer, size, await hashFor(slide));
        await settle(page);
        await header(page, '#views-open');
        await page.waitForSelector('#views-dialog[open]');
        await page.fill('#view-name', `${slide.name} ${tag}`);
        await page.fill('#view-caption', `${slide.name}: members from the curated data`);
        await page.fill('#view-notes', `Speaker prompt ${i + 1} <b>not markup</b>`);
        saved[slide.name] = await positionsOf(page);
        await page.click('#view-save');
        await page.waitForFunction(textIs('#views-list .item-name', `${slide.name} ${tag}`), null, {
          timeout: 20_000,
        });
        if (i === 0) {
          expect(await horizontalOverflow(page)).toEqual([]);
          expect(await seriousA11yViolations(page)).toEqual([]);
          await shot(page, 'views');
        }
        await page.keyboard.press('Escape');
      }

      // 2. Reopening the first view draws it where it was saved, positions included.
      await header(page, '#views-open');
      await openViewNamed(page, `NATO in 1955 ${tag}`);
      await settle(page);
      const first = saved['NATO in 1955'] ?? {};
      const now = await positionsOf(page);
      expect(Object.keys(now).sort()).toEqual(Object.keys(first).sort());
      for (const [id, p] of Object.entries(first)) {
        expect(Math.abs((now[id]?.x ?? Number.NaN) - p.x)).toBeLessThan(0.5);
        expect(Math.abs((now[id]?.y ?? Number.NaN) - p.y)).toBeLessThan(0.5);
      }
      expect(await page.evaluate('window.__entente.snapshot().asOf')).toBe('1955-06-01');

      // Its short link opens the same view on a fresh page.
      await header(page, '#views-open');
      await page.click('#views-list li[data-id] .view-link');
      await page.waitForFunction(
        '/\\/v\\/[A-Za-z0-9]{8}/.test(document.querySelector("#toast")?.textContent ?? "")',
      );
      const link = /https?:\/\/\S+\/v\/[A-Za-z0-9]{8}/.exec(
        (await page.textContent('#toast')) ?? '',
      )?.[0];
      expect(link).toBeDefined();
      await page.keyboard.press('Escape');
      const short = await explorer.browser.context.newPage();
      await short.setViewportSize(size);
      await short.goto(link ?? '');
      await short.waitForFunction('window.__entente && window.__entente.ready === true', null, {
        timeout: 30_000,
      });
      await settle(short);
      expect(await short.evaluate('window.__entente.snapshot().asOf')).toBe('1955-06-01');
      expect(Object.keys(await positionsOf(short)).sort()).toEqual(Object.keys(first).sort());
      expect(await short.evaluate('location.pathname')).toBe('/');
      await short.close();

      // 3. A deck of the three views: banner, titles, notes, a time walk on the third.
      await header(page, '#decks-open');
      await page.waitForSelector('#deck-dialog[open]');
      await page.fill('#deck-new-name', `Alliances briefing ${tag}`);
      await page.click('#deck-create');
      await page.waitForSelector('#deck-edit:not([hidden])', { timeout: 10_000 });
      await page.fill('#deck-banner-top', BANNER);
      await page.press('#deck-banner-top', 'Tab');
      await page.fill('#deck-banner-bottom', BANNER);
      await page.press('#deck-banner-bottom', 'Tab');
      for (const [i, slide] of SLIDES.entries()) {
        const viewId = await page.evaluate<string>(
          `[...document.querySelectorAll('#deck-add-view option')].find((o) => o.textContent === ${JSON.stringify(`${slide.name} ${tag}`)})?.value ?? ''`,
        );
        expect(viewId).toMatch(/^view_/);
        await page.selectOption('#deck-add-view', viewId);
        await page.click('#deck-add-slide');
        await page.waitForFunction(
          `document.querySelectorAll('#deck-slides li.slide').length === ${i + 1}`,
          null,
          { timeout: 10_000 },
        );
        const li = `#deck-slides li.slide:nth-child(${i + 1})`;
        await page.fill(`${li} .slide-title`, slide.name);
        await page.press(`${li} .slide-title`, 'Tab');
        await page.fill(`${li} .slide-notes`, `Say: ${slide.name} <script>alert(1)</script>`);
        await page.press(`${li} .slide-notes`, 'Tab');
        if (slide.walk) {
          await page.fill(`${li} .slide-walk-from`, String(slide.walk.from));
          await page.fill(`${li} .slide-walk-to`, String(slide.walk.to));
          await page.press(`${li} .slide-walk-to`, 'Tab');
        }
      }
      await settle(page);
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'deck');

      // 4. Present: the first slide, arrows move on, the walk reaches 1992, Escape returns.
      await page.click('#deck-present');
      await page.waitForSelector('#presenter:not([hidden])[data-shown="1"]', { timeout: 20_000 });
      expect(await page.textContent('#presenter-title')).toBe('NATO in 1955');
      expect(await page.textContent('#presenter-banner-top')).toBe(BANNER);
      expect(await page.textContent('#presenter-page')).toBe('1 / 3');
      await page.waitForFunction(
        'document.querySelector("#presenter-sources")?.textContent?.startsWith("Sources")',
        null,
        { timeout: 10_000 },
      );
      expect(await page.textContent('#presenter-sources')).toMatch(/https?:\/\//);
      await shot(page, 'present');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('#presenter[data-shown="2"]', { timeout: 20_000 });
      expect(await page.textContent('#presenter-title')).toBe('NATO in 2024');
      await page.keyboard.press('PageDown');
      await page.waitForSelector('#presenter[data-shown="3"]', { timeout: 20_000 });
      await page.waitForFunction(
        'document.querySelector("#presenter .slide-date")?.textContent?.includes("1992")',
        null,
        { timeout: 20_000 },
      );
      await shot(page, 'walk');
      await page.keyboard.press('ArrowLeft');
      await page.waitForSelector('#presenter[data-shown="2"]', { timeout: 20_000 });
      await page.keyboard.press('Escape');
      await page.waitForSelector('#presenter[hidden]', { state: 'attached', timeout: 10_000 });
      expect(await page.isVisible('#cy')).toBe(true);

      // 5. Exports, each read back independently.
      await header(page, '#decks-open');
      await page.waitForSelector('#deck-dialog[open]');
      const pdf = await download(page, '#deck-export-pdf', `briefings-${tag}.pdf`);
      const pptx = await download(page, '#deck-export-pptx', `briefings-${tag}.pptx`);
      checkPdf(pdf, tag);
      checkPptx(pptx);

      // 6. Deck settings from the keyboard: rename, share and unshare, a logo (a bad one refused).
      await page.focus('#deck-name');
      await page.fill('#deck-name', `Renamed briefing ${tag}`);
      await page.keyboard.press('Tab');
      await page.waitForFunction(
        `[...document.querySelectorAll('#deck-pick option')].some((o) => o.textContent?.startsWith(${JSON.stringify(`Renamed briefing ${tag}`)}))`,
        null,
        { timeout: 10_000 },
      );
      await tabTo(page, '#deck-share');
      await page.keyboard.press('Enter');
      await page.waitForFunction(textIs('#deck-visibility', 'shared'), null, { timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.waitForFunction(textIs('#deck-visibility', 'private'), null, { timeout: 10_000 });
      await tabTo(page, '#deck-logo');
      await page.setInputFiles('#deck-logo', {
        name: 'not-a-logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('plain text, not a picture'),
      });
      await page.waitForFunction(
        'document.querySelector("#deck-status")?.textContent?.includes("cannot be used")',
        null,
        { timeout: 10_000 },
      );
      expect(await page.isVisible('#deck-logo-preview')).toBe(false);
      await page.setInputFiles('#deck-logo', {
        name: 'logo.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1f4e79"/></svg>',
        ),
      });
      await page.waitForSelector('#deck-logo-preview:not([hidden])', { timeout: 10_000 });
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await sidewaysScrolled(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, 'deck-settings');
      const withLogo = await download(page, '#deck-export-pptx', `briefings-logo-${tag}.pptx`);
      const logoDir = mkdtempSync(path.join(tmpdir(), 'entente-pptx-logo-'));
      execFileSync('unzip', ['-q', '-o', withLogo, '-d', logoDir]);
      const slide1 = readFileSync(path.join(logoDir, 'ppt', 'slides', 'slide1.xml'), 'utf8');
      expect([...slide1.matchAll(/<a:blip /g)].length).toBe(2);
      await tabTo(page, '#deck-logo-remove');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#deck-logo-preview[hidden]', {
        state: 'attached',
        timeout: 10_000,
      });
      await page.keyboard.press('Escape');

      // 7. One view exported from the Views list, reached with the keyboard: PNG, 4K PNG, SVG.
      await header(page, '#views-open');
      await page.waitForSelector('#views-dialog[open]');
      await page.fill('#views-search', `NATO in 1955 ${tag}`);
      await page.waitForFunction(
        'document.querySelectorAll("#views-list li[data-id]").length === 1',
        null,
        { timeout: 10_000 },
      );
      const row = '#views-list li[data-id]';
      await tabTo(page, `${row} .view-export-png`);
      const png = await download(page, '', `briefings-view-${tag}.png`, 'Enter');
      expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
      await tabTo(page, `${row} .view-export-png4k`);
      const png4k = await download(page, '', `briefings-view-4k-${tag}.png`, 'Enter');
      expect(pngSize(png4k)).toEqual({ width: 3840, height: 2160 });
      await tabTo(page, `${row} .view-export-svg`);
      const svg = readFileSync(
        await download(page, '', `briefings-view-${tag}.svg`, 'Enter'),
        'utf8',
      );
      expect(svg).toContain('<svg');
      expect(svg).toContain('id="world"');
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await sidewaysScrolled(page)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.close();
    }, 300_000);
  });
}

/** 3 slides and the sources appendix: pages that are not blank, titles, banner and a URL. */
function checkPdf(file: string, tag: string) {
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  if (!has('pdftoppm') || !has('pdftotext')) {
    console.warn('briefings e2e: poppler-utils (pdftoppm, pdftotext) absent; PDF checks skipped');
    return;
  }
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  for (const s of SLIDES) expect(text).toContain(s.name);
  expect(text).toContain(BANNER);
  expect(text).toMatch(/https?:\/\/\S+/);
  const dir = path.join(ARTIFACTS, `briefings-pages-${tag}`);
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '40', '-gray', file, path.join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.pgm'));
  expect(pages.length).toBeGreaterThanOrEqual(SLIDES.length + 1);
  for (const p of pages) {
    // A PGM's pixels follow its header; a blank page is one grey level throughout.
    const buf = readFileSync(path.join(dir, p));
    const head = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(buf.subarray(0, 40).toString('latin1'));
    expect(head).not.toBeNull();
    const pixels = buf.subarray(buf.length - Number(head?.[1]) * Number(head?.[2]));
    expect(new Set(pixels).size).toBeGreaterThan(1);
  }
}

/** One slide per slide plus sources; titles as text, notes in the notes pane, map images. */
function checkPptx(file: string) {
  expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-pptx-'));
  execFileSync('unzip', ['-q', '-o', file, '-d', dir]);
  const slidesDir = path.join(dir, 'ppt', 'slides');
  const slides = readdirSync(slidesDir).filter((f) => /^slide\d+\.xml$/.test(f));
  expect(slides.length).toBe(SLIDES.length + 1);
  const xml = slides.map((f) => readFileSync(path.join(slidesDir, f), 'utf8')).join('\n');
  for (const s of SLIDES) expect(xml).toContain(s.name);
  expect(xml).toContain(BANNER);
  const notesDir = path.join(dir, 'ppt', 'notesSlides');
  const notes = readdirSync(notesDir)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => readFileSync(path.join(notesDir, f), 'utf8'))
    .join('\n');
  // Notes hold the typed text, escaped: never markup.
  expect(notes).toContain('Say: NATO in 1955');
  expect(notes).toContain('&lt;script&gt;');
  const media = readdirSync(path.join(dir, 'ppt', 'media'));
  expect(media.filter((f) => /\.(png|svg)$/.test(f)).length).toBeGreaterThanOrEqual(SLIDES.length);
  // Each map also as SVG for PowerPoint 2016+; the first slide's is on the world map.
  expect(xml.match(/<asvg:svgBlip /g)?.length).toBe(SLIDES.length);
  const svgs = media.filter((f) => f.endsWith('.svg'));
  expect(svgs.length).toBe(SLIDES.length);
  const first = readFileSync(path.join(dir, 'ppt', 'media', 'entente-map-1.svg'), 'utf8');
  expect(first).toContain('id="world"');
}
