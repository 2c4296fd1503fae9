import { describe, expect, it } from 'vitest';
import { nearest, neighbourToward } from '../../../client/view/neighbours.js';

describe('arrow keys between neighbours', () => {
  const from = { id: 'alliance:nato', x: 0, y: 0 };
  const around = [
    { id: 'east', x: 100, y: 10 },
    { id: 'far-east', x: 300, y: 0 },
    { id: 'north', x: 5, y: -80 },
    { id: 'south-west', x: -60, y: 70 },
  ];

  it('picks the nearest neighbour that lies the way the arrow points', () => {
    expect(neighbourToward(from, around, 1, 0)).toBe('east');
    expect(neighbourToward(from, around, 0, -1)).toBe('north');
    expect(neighbourToward(from, around, 0, 1)).toBe('south-west');
  });

  it('says so when no neighbour lies that way', () => {
    expect(neighbourToward(from, around.slice(0, 2), -1, 0)).toBeNull();
  });

  it('starts from the node nearest the middle when nothing is selected', () => {
    expect(nearest(around, 280, 5)).toBe('far-east');
  });
});
