/** Any value as text for the page: a string as it is, anything else as JSON where it can be, never an exception. */
export function displayText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    // undefined for functions and symbols; throws on cycles, BigInt and nesting deeper than the stack.
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // Described below instead.
  }
  try {
    return String(value);
  } catch {
    // An object without a prototype has no toString.
    return Object.prototype.toString.call(value);
  }
}

/** `text` cut to `maxLength` characters, with `suffix(total length)` when it was cut. */
export function shortened(text: string, maxLength: number, suffix: (length: number) => string): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}${suffix(text.length)}`;
}
