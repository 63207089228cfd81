// Counting work instead of timing it: a test that asserts how much a piece of code did stays right
// on a loaded machine, where a timed one fails.

/**
 * How many characters String.prototype.indexOf looked through for `needle` while `run` ran: a
 * search that finds it at `at` from `from` looked at at - from characters; one that does not, at the
 * rest of the string. (The method is wrapped for the duration of `run` only.)
 */
export function charactersSearched(needle: string, run: () => void): number {
  const original = String.prototype.indexOf;
  let searched = 0;
  String.prototype.indexOf = function (this: string, search: string, position?: number): number {
    const at = original.call(this, search, position);
    if (search === needle) searched += (at < 0 ? this.length : at) - Math.max(0, Math.min(position ?? 0, this.length));
    return at;
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = original;
  }
  return searched;
}

/** How many times the method `name` of `prototype` was called while `run` ran (wrapped for its duration). */
export function callsOf(prototype: object, name: string, run: () => void): number {
  const target = prototype as Record<string, unknown>;
  const original = target[name] as (...args: unknown[]) => unknown;
  let calls = 0;
  target[name] = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  try {
    run();
  } finally {
    target[name] = original;
  }
  return calls;
}
