import type { Stores } from '../state/stores.js';
import { MIN_YEAR, toggledCompare, withYear, yearOf, yearTicks } from '../state/time.js';
import { h, listenAll, render } from './dom.js';

export interface TimeActionsLike {
  setDate(date: string): void;
  step(years: number): void;
  togglePlay(): void;
  setCompare(from: string | null): void;
}

/** The as-of control: year slider with ticks, exact date, play/pause, and compare mode. */
export function mountTimeBar(
  el: HTMLElement,
  s: Pick<Stores, 'today' | '$asOf' | '$compareFrom' | '$playing' | '$changeLog'>,
  a: TimeActionsLike,
): () => void {
  const last = yearOf(s.today);
  const play = h(
    'button',
    {
      type: 'button',
      class: 'play',
      id: 'play',
      title: 'Play / pause (Space)',
      onclick: () => a.togglePlay(),
    },
    '▶',
  );
  const back = h(
    'button',
    { type: 'button', class: 'tool', title: 'One year back ([)', onclick: () => a.step(-1) },
    '−1y',
  );
  const fwd = h(
    'button',
    { type: 'button', class: 'tool', title: 'One year forward (])', onclick: () => a.step(1) },
    '+1y',
  );
  const slider = h('input', {
    type: 'range',
    id: 'year-slider',
    min: MIN_YEAR,
    max: last,
    step: 1,
    'aria-label': 'Year',
  });
  const yearLabel = h('output', { class: 'year', id: 'year-label' });
  const date = h('input', {
    type: 'date',
    id: 'as-of',
    min: `${MIN_YEAR}-01-01`,
    max: s.today,
    'aria-label': 'As-of date',
    required: true,
  });
  const ticks = h(
    'div',
    { class: 'ticks', 'aria-hidden': 'true' },
    ...yearTicks(MIN_YEAR, last, 25).map((y) =>
      h('span', { style: `left:${((y - MIN_YEAR) / (last - MIN_YEAR)) * 100}%` }, String(y)),
    ),
  );
  const compareBox = h('input', { type: 'checkbox', id: 'compare-toggle' });
  const compareDate = h('input', {
    type: 'date',
    id: 'compare-from',
    min: `${MIN_YEAR}-01-01`,
    max: s.today,
    'aria-label': 'Compare from',
  });
  const log = h('div', { class: 'changelog', id: 'changelog', 'aria-live': 'polite' });

  slider.addEventListener('input', () => {
    yearLabel.textContent = slider.value;
  });
  slider.addEventListener('change', () =>
    a.setDate(withYear(s.$asOf.get(), Number(slider.value), s.today)),
  );
  date.addEventListener('change', () => date.value && a.setDate(date.value));
  compareBox.addEventListener('change', () =>
    a.setCompare(
      compareBox.checked ? compareDate.value || toggledCompare(s.$asOf.get(), null, s.today) : null,
    ),
  );
  compareDate.addEventListener(
    'change',
    () => compareBox.checked && compareDate.value && a.setCompare(compareDate.value),
  );

  render(
    el,
    h('div', { class: 'time-controls' }, play, back, fwd),
    h('div', { class: 'slider-wrap' }, slider, ticks),
    h('div', { class: 'date-wrap' }, yearLabel, h('label', { class: 'field' }, 'As of', date)),
    h(
      'div',
      { class: 'compare-wrap' },
      h('label', { class: 'check' }, compareBox, 'Compare from'),
      compareDate,
    ),
    log,
  );

  const draw = () => {
    const asOf = s.$asOf.get();
    slider.value = String(yearOf(asOf));
    yearLabel.textContent = String(yearOf(asOf));
    if (document.activeElement !== date) date.value = asOf;
    const from = s.$compareFrom.get();
    compareBox.checked = from !== null;
    compareDate.value = from ?? compareDate.value;
    compareDate.disabled = from === null;
    play.textContent = s.$playing.get() ? '❚❚' : '▶';
    play.setAttribute('aria-pressed', String(s.$playing.get()));
    const lines = s.$changeLog.get();
    render(
      log,
      from
        ? h(
            'span',
            { class: 'muted' },
            `Comparing ${from} → ${asOf}: green appeared, red dashed ended, grey persisted.`,
          )
        : lines.length === 0
          ? h('span', { class: 'muted' }, 'No joins or exits on the canvas since the last date.')
          : h(
              'span',
              {},
              h('strong', {}, `${yearOf(asOf)}: `),
              lines.slice(0, 4).join(' · '),
              lines.length > 4 ? ` · +${lines.length - 4} more` : '',
            ),
    );
  };
  draw();
  return listenAll([
    s.$asOf.listen(draw),
    s.$compareFrom.listen(draw),
    s.$playing.listen(draw),
    s.$changeLog.listen(draw),
  ]);
}
