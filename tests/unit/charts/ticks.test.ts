import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { spacedTicks } from '../../../src/charts/draw.ts';

describe('value-axis ticks', () => {
  it('are thinned until their labels have room (Table 3 at 320px: a plot of about 100px)', () => {
    const narrow = scaleLinear().domain([0, 250_000]).nice().range([176, 280]);
    expect(spacedTicks(narrow, 1)).toEqual([0, 200_000]);
    const wide = scaleLinear().domain([0, 250_000]).nice().range([176, 740]);
    expect(spacedTicks(wide, 6)).toEqual([0, 50_000, 100_000, 150_000, 200_000, 250_000]);
  });
});
