import { describe, expect, it } from 'vitest';
import { holdsOn, today } from '../../server/contract/time.js';
import { resolveAsOf } from '../../server/domain/as-of.js';

describe('time rule: since <= D and (until is null or D < until)', () => {
  const spell = { since: '1955-05-06', until: '1990-10-03' };

  it('holds on the first day and not the day before', () => {
    expect(holdsOn(spell, '1955-05-06')).toBe(true);
    expect(holdsOn(spell, '1955-05-05')).toBe(false);
  });

  it('does not hold on the until day (exclusive) but holds the day before', () => {
    expect(holdsOn(spell, '1990-10-02')).toBe(true);
    expect(holdsOn(spell, '1990-10-03')).toBe(false);
  });

  it('holds forever when until is null', () => {
    expect(holdsOn({ since: '1949-08-24', until: null }, '9999-12-31')).toBe(true);
  });

  it('defaults asOf to today in UTC', () => {
    const now = new Date('2024-03-07T23:59:59Z');
    expect(today(now)).toBe('2024-03-07');
    expect(resolveAsOf(undefined, now)).toBe('2024-03-07');
    expect(resolveAsOf('1985-01-01', now)).toBe('1985-01-01');
  });
});
