import { describe, expect, it } from 'vitest';
import { dateInside, existsOn, lifetimeOf, lifetimeText } from '../../../client/state/lifetime.js';
import { alliance, nation } from './fixtures.js';

const today = '2026-12-01';

describe('lifetimes', () => {
  const warsaw = alliance('warsaw-pact', {
    founded: '1955-05-14',
    dissolved: '1991-07-01',
  });

  it('say when an alliance existed', () => {
    expect(lifetimeOf(warsaw)).toEqual({ start: '1955-05-14', end: '1991-07-01' });
    expect(lifetimeText(lifetimeOf(warsaw))).toBe('1955-05-14 – 1991-07-01');
    expect(existsOn(warsaw, today)).toBe(false);
    expect(existsOn(warsaw, '1985-06-01')).toBe(true);
  });

  it('offer a date inside the lifetime: a year before the end, or the start', () => {
    expect(dateInside(lifetimeOf(warsaw), today, today)).toBe('1990-07-01');
    expect(dateInside(lifetimeOf(warsaw), '1950-01-01', today)).toBe('1955-05-14');
    expect(dateInside(lifetimeOf(warsaw), '1985-06-01', today)).toBeNull();
  });

  it('treat a state before its independence as not yet existing', () => {
    const croatia = nation('HRV', { since: '1991-06-25' });
    expect(existsOn(croatia, '1985-06-01')).toBe(false);
    expect(existsOn(croatia, '1991-06-25')).toBe(true);
    expect(lifetimeText(lifetimeOf(croatia))).toBe('from 1991-06-25');
  });
});
