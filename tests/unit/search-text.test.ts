import { describe, expect, it } from 'vitest';
import { rankMatches, type SearchCandidate } from '../../server/lib/search-rank.js';
import { foldText } from '../../server/lib/text.js';

describe('foldText', () => {
  it.each([
    ["Côte d'Ivoire", 'cote d ivoire'],
    ['CÔTE D’IVOIRE', 'cote d ivoire'],
    ['Türkiye', 'turkiye'],
    ['U.S.', 'us'],
    ['São Tomé and Príncipe', 'sao tome and principe'],
    ['  North   Atlantic—Treaty ', 'north atlantic treaty'],
    ['Ｎａｔｏ', 'nato'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('rankMatches', () => {
  const candidates: SearchCandidate[] = [
    {
      id: 'nation:USA',
      label: 'Nation',
      name: 'United States',
      aliases: ['US', 'United States of America'],
    },
    { id: 'nation:GBR', label: 'Nation', name: 'United Kingdom', aliases: ['UK'] },
    { id: 'nation:ARE', label: 'Nation', name: 'United Arab Emirates', aliases: ['UAE'] },
    { id: 'nation:AUS', label: 'Nation', name: 'Australia', aliases: [] },
    { id: 'alliance:aukus', label: 'Alliance', name: 'AUKUS', aliases: [] },
    { id: 'nation:CIV', label: 'Nation', name: "Côte d'Ivoire", aliases: ['Ivory Coast'] },
  ];
  const ids = (q: string, limit = 10) => rankMatches(candidates, q, limit).map((m) => m.id);

  it('puts an exact name first, then exact aliases, then prefixes', () => {
    expect(ids('united states')[0]).toBe('nation:USA');
    expect(ids('uk')[0]).toBe('nation:GBR');
    expect(ids('united')).toEqual(['nation:USA', 'nation:GBR', 'nation:ARE']);
  });

  it('matches the ISO code in a nation id', () => {
    expect(ids('usa')[0]).toBe('nation:USA');
    expect(ids('AUS')[0]).toBe('nation:AUS');
  });

  it('says which alias matched', () => {
    expect(rankMatches(candidates, 'ivory', 1)[0]).toMatchObject({
      id: 'nation:CIV',
      matched: 'Ivory Coast',
    });
    expect(rankMatches(candidates, 'cote', 1)[0]?.matched).toBeUndefined();
  });

  it('matches across spacing and word order', () => {
    expect(ids('cote divoire')).toEqual(['nation:CIV']);
    expect(ids('emirates arab')).toEqual(['nation:ARE']);
  });

  it('returns nothing for blank or unmatched queries and honours the limit', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('xyz')).toEqual([]);
    expect(ids('u', 2)).toHaveLength(2);
  });
});
