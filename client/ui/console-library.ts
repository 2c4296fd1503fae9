import type { LibraryParam, LibraryQuery } from '../../server/contract/index.js';
import type { ConsoleActions } from '../actions/console-actions.js';
import type { ConsoleStores } from '../state/console.js';
import { formDefaults, libraryParams } from '../state/console-params.js';
import { h, listenAll, render } from './dom.js';

const INPUT_TYPE: Record<LibraryParam['type'], string> = {
  id: 'text',
  date: 'date',
  int: 'number',
  string: 'text',
};

/** The saved queries: a list; the chosen one opens a form generated from its parameters. */
export function mountLibrary(el: HTMLElement, cs: ConsoleStores, a: ConsoleActions): () => void {
  const values = new Map<string, Record<string, string>>();
  let formError: string | null = null;
  const valuesOf = (q: LibraryQuery) => {
    let v = values.get(q.name);
    if (!v) {
      v = formDefaults(q, a.asOf());
      values.set(q.name, v);
    }
    return v;
  };

  const form = (q: LibraryQuery) => {
    const v = valuesOf(q);
    const busy = cs.$status.get().type === 'loading';
    const submit = (e: Event) => {
      e.preventDefault();
      const params = libraryParams(q, v);
      formError = params.ok ? null : params.message;
      if (params.ok) void a.runLibrary(q.name, params.value);
      else draw();
    };
    return h(
      'form',
      { class: 'library-form', id: 'library-form', onsubmit: submit },
      ...q.params.map((p) =>
        h(
          'label',
          { class: 'param' },
          h(
            'span',
            { class: 'param-name' },
            p.name,
            h('small', { class: 'param-type' }, ` ${p.type}`),
          ),
          h('input', {
            type: INPUT_TYPE[p.type],
            name: p.name,
            value: v[p.name] ?? '',
            step: p.type === 'int' ? 1 : undefined,
            placeholder: String(p.default),
            oninput: (e: Event) => {
              v[p.name] = (e.target as HTMLInputElement).value;
            },
          }),
          h('span', { class: 'param-help' }, p.description),
        ),
      ),
      q.params.length === 0 ? h('p', { class: 'muted' }, 'No parameters.') : null,
      formError ? h('p', { class: 'form-error', role: 'alert' }, formError) : null,
      h(
        'div',
        { class: 'run-row' },
        h(
          'button',
          { type: 'submit', class: 'primary', id: 'library-run', disabled: busy },
          busy ? 'Running…' : 'Run query',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => {
              values.set(q.name, formDefaults(q, a.asOf()));
              formError = null;
              draw();
            },
          },
          'Reset to defaults',
        ),
      ),
    );
  };

  const draw = () => {
    const list = cs.$library.get();
    const status = cs.$libraryStatus.get();
    const selected = cs.$selectedQuery.get();
    if (!list) {
      render(
        el,
        status.type === 'error'
          ? h('p', { class: 'form-error', role: 'alert' }, status.message)
          : h(
              'p',
              { class: 'muted pad' },
              h('span', { class: 'spinner' }),
              ' Loading saved queries…',
            ),
      );
      return;
    }
    render(
      el,
      h(
        'ul',
        { class: 'library', id: 'library-list' },
        ...list.map((q) =>
          h(
            'li',
            { 'data-name': q.name, class: q.name === selected ? 'open' : undefined },
            h(
              'button',
              {
                type: 'button',
                class: 'library-item',
                'aria-expanded': q.name === selected ? 'true' : 'false',
                onclick: () => {
                  formError = null;
                  cs.$selectedQuery.set(q.name === selected ? null : q.name);
                },
              },
              h('span', { class: 'library-title' }, q.title),
              h('span', { class: 'library-desc' }, q.description),
              h('code', { class: 'library-name' }, `:run ${q.name}`),
            ),
            q.name === selected ? form(q) : null,
          ),
        ),
      ),
    );
    el.querySelector('li.open')?.scrollIntoView({ block: 'nearest' });
  };
  draw();
  return listenAll([
    cs.$library.listen(draw),
    cs.$libraryStatus.listen(draw),
    cs.$selectedQuery.listen(draw),
    cs.$status.listen(draw),
  ]);
}
