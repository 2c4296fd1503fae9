import { HULL_COLOURS } from './palette.js';

/** The hull colour of the i-th chosen alliance (shared by hulls, legend and matrix). */
export const hullColour = (i: number) => HULL_COLOURS[i % HULL_COLOURS.length] as string;
