import { describe, expect, it } from 'vitest';
import {
  SERIES_COLORS,
  SERIES_DASHES,
  STATUS_COLORS,
  STATUS_PATTERNS,
  statusFill,
  statusPatternId,
} from '@/lib/charts/palette';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@/lib/vocabulary';

// sRGB -> linear RGB -> CIE XYZ (D65) -> CIELAB; colour-vision deficiency by Machado et al. (2009), severity 1.0,
// applied in linear RGB. Distances are CIE76 ΔE (Euclidean in Lab); ΔE ≈ 2.3 is a just-noticeable difference.
type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const DEUTERANOPIA: Matrix = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const PROTANOPIA: Matrix = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];

function linear(hex: string): Rgb {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

const luminance = ([r, g, b]: Rgb) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(luminance(rgb));
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

function simulate(rgb: Rgb, matrix: Matrix): Rgb {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return matrix.map(([a, b, c]) => clamp(a * rgb[0] + b * rgb[1] + c * rgb[2])) as Rgb;
}

const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const lightness = (hex: string) => lab(linear(hex))[0];
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(linear(a)), luminance(linear(b))].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
};
const visions: [string, (rgb: Rgb) => Rgb][] = [
  ['normal vision', (rgb) => rgb],
  ['deuteranopia', (rgb) => simulate(rgb, DEUTERANOPIA)],
  ['protanopia', (rgb) => simulate(rgb, PROTANOPIA)],
];

const pairs = <T>(items: readonly T[]) => items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as const));
const adjacent = IMPLEMENTATION_STATUSES.slice(1).map(
  (status, index) => [IMPLEMENTATION_STATUSES[index]!, status] as const,
);
const ORDINAL: ImplementationStatus[] = ['FULLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED', 'IN_PROGRESS', 'NOT_STARTED'];

describe('status palette', () => {
  it('has one distinct 6-digit colour per implementation status', () => {
    expect(Object.keys(STATUS_COLORS).sort()).toEqual([...IMPLEMENTATION_STATUSES].sort());
    for (const color of Object.values(STATUS_COLORS)) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(Object.values(STATUS_COLORS)).size).toBe(IMPLEMENTATION_STATUSES.length);
  });

  it('orders the ordinal statuses by lightness, at least 18 L* apart, fully implemented darkest', () => {
    const values = ORDINAL.map((status) => lightness(STATUS_COLORS[status]));
    for (let index = 1; index < values.length; index++) {
      expect(values[index]! - values[index - 1]!).toBeGreaterThanOrEqual(18);
    }
  });

  it.each(adjacent)('keeps %s and %s apart in greyscale print (ΔL* ≥ 18, luminance ratio ≥ 1.8)', (a, b) => {
    expect(Math.abs(lightness(STATUS_COLORS[a]) - lightness(STATUS_COLORS[b]))).toBeGreaterThanOrEqual(18);
    expect(contrast(STATUS_COLORS[a], STATUS_COLORS[b])).toBeGreaterThanOrEqual(1.8);
  });

  it('keeps any two flat (unhatched) statuses at least 9 L* apart in greyscale', () => {
    const flat = IMPLEMENTATION_STATUSES.filter((status) => !STATUS_PATTERNS[status]);
    for (const [a, b] of pairs(flat)) {
      expect(Math.abs(lightness(STATUS_COLORS[a]) - lightness(STATUS_COLORS[b])), `${a} / ${b}`).toBeGreaterThanOrEqual(
        9,
      );
    }
  });

  it.each(visions)('keeps every two statuses at least ΔE 20 apart with %s', (_, see) => {
    for (const [a, b] of pairs(IMPLEMENTATION_STATUSES)) {
      const distance = deltaE(lab(see(linear(STATUS_COLORS[a]))), lab(see(linear(STATUS_COLORS[b]))));
      expect(distance, `${a} / ${b}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('draws NOT_APPLICABLE and NO_INFORMATION in neutral greys, NOT_APPLICABLE hatched', () => {
    for (const status of ['NOT_APPLICABLE', 'NO_INFORMATION'] as const) {
      const [, a, b] = lab(linear(STATUS_COLORS[status]));
      expect(Math.hypot(a, b)).toBeLessThan(2);
    }
    for (const status of ORDINAL) {
      const [, a, b] = lab(linear(STATUS_COLORS[status]));
      expect(Math.hypot(a, b), status).toBeGreaterThan(20);
    }
    expect(STATUS_PATTERNS).toEqual({ NOT_APPLICABLE: 'hatch' });
    expect(statusFill('status by theme', 'NOT_APPLICABLE')).toBe('url(#status-by-theme-pattern-not_applicable)');
    expect(statusPatternId('a"b', 'NOT_APPLICABLE')).toBe('a-b-pattern-not_applicable');
    expect(statusFill('x', 'FULLY_IMPLEMENTED')).toBe(STATUS_COLORS.FULLY_IMPLEMENTED);
  });
});

describe('series palette', () => {
  it('gives lines at least 3:1 contrast against white (WCAG non-text contrast)', () => {
    for (const color of SERIES_COLORS) expect(contrast(color, '#ffffff'), color).toBeGreaterThanOrEqual(3);
  });

  it.each(visions)('keeps consecutive series at least ΔE 15 apart with %s', (_, see) => {
    for (let index = 1; index < SERIES_COLORS.length; index++) {
      const [a, b] = [SERIES_COLORS[index - 1]!, SERIES_COLORS[index]!];
      expect(deltaE(lab(see(linear(a))), lab(see(linear(b)))), `${a} / ${b}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('gives every series its own dash pattern for greyscale print', () => {
    expect(new Set(SERIES_DASHES).size).toBe(SERIES_DASHES.length);
    expect(SERIES_DASHES.length).toBe(SERIES_COLORS.length);
  });
});
