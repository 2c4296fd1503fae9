import type { Scenario, ScenarioChange } from './analytics-model.js';

/** A scenario being built: its changes, possibly none yet (the server refuses an empty one). */
export interface ScenarioDraft {
  name?: string;
  changes: readonly ScenarioChange[];
}

export const emptyScenario: ScenarioDraft = { changes: [] };

const same = (x: ScenarioChange, y: ScenarioChange) => JSON.stringify(x) === JSON.stringify(y);

/** Adds a change once; a change that undoes an earlier one removes that one instead. */
export function addChange(s: ScenarioDraft, change: ScenarioChange): ScenarioDraft {
  if (s.changes.some((c) => same(c, change))) return s;
  const opposite: ScenarioChange | null =
    change.op === 'addMembership'
      ? { ...change, op: 'removeMembership' }
      : change.op === 'removeMembership'
        ? { ...change, op: 'addMembership' }
        : null;
  if (opposite && s.changes.some((c) => same(c, opposite))) {
    return { ...s, changes: s.changes.filter((c) => !same(c, opposite)) };
  }
  return { ...s, changes: [...s.changes, change] };
}

export function removeChange(s: ScenarioDraft, index: number): ScenarioDraft {
  return { ...s, changes: s.changes.filter((_, i) => i !== index) };
}

/** The draft as the contract's scenario, or null while it has no change. */
export const scenarioOf = (s: ScenarioDraft): Scenario | null =>
  s.changes.length === 0 ? null : { ...s, changes: [...s.changes] };

/** A change in words, with names where known. */
export function describeChange(c: ScenarioChange, nameOf: (id: string) => string): string {
  switch (c.op) {
    case 'removeNation':
      return `Without ${nameOf(c.nation)}`;
    case 'removeTreaty':
      return `${nameOf(c.treaty)} ends`;
    case 'addMembership':
      return `${nameOf(c.nation)} joins ${nameOf(c.treaty)}`;
    case 'removeMembership':
      return `${nameOf(c.nation)} leaves ${nameOf(c.treaty)}`;
  }
}
