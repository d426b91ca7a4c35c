/**
 * How much work a heavy test does, from the environment, so that no test depends on the machine's speed: the
 * defaults finish well inside the test limits on a loaded two-core machine, and a quiet or a patient machine may
 * ask for more (README, Configuration). `variable` must hold a positive whole number when set; else `fallback`.
 * Throws, naming the variable, on any other value.
 */
export function runCount(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error(`${variable} must be a positive whole number (a count of runs), not ${JSON.stringify(value)}.`);
  }
  return Number(value);
}
