import { describe, expect, it } from 'vitest';
import { abbreviates, shortName } from '../../../client/view/short-name.js';

describe('short names', () => {
  it('accept acronyms that abbreviate the name', () => {
    expect(abbreviates('NATO', 'North Atlantic Treaty Organization')).toBe(true);
    expect(abbreviates('OSCE', 'Organization for Security and Co-operation in Europe')).toBe(true);
    expect(abbreviates('ASEAN', 'Association of Southeast Asian Nations')).toBe(true);
    expect(abbreviates('SEATO', 'Southeast Asia Treaty Organization')).toBe(true);
    expect(abbreviates('CSTO', 'Collective Security Treaty Organization')).toBe(true);
    expect(abbreviates('ADMM-Plus', "ASEAN Defence Ministers' Meeting-Plus")).toBe(true);
  });

  it('refuse acronyms that stand for something else', () => {
    expect(abbreviates('WTO', 'Warsaw Pact')).toBe(false);
    expect(abbreviates('UN', 'United Nations Security Council')).toBe(false);
  });

  it('fall back to the name when no alias fits', () => {
    expect(shortName('Warsaw Pact', ['Warsaw Treaty Organization', 'WTO', 'Warsaw Treaty'])).toBe(
      'Warsaw Pact',
    );
    expect(shortName('North Atlantic Treaty Organization', ['NATO', 'OTAN'])).toBe('NATO');
  });
});
