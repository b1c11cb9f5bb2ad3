// Defence in depth: the engine masks secrets in its own output, but a provider error can echo a
// connection string. Anything the worker persists (log lines, outputs, errors) passes through here
// with the run's known secret values.
const MASK = "[secret]";
/** Very short values would mask ordinary words; real credentials are longer. */
const MIN_SECRET_LENGTH = 4;

export type Redactor = { add(secrets: readonly string[]): void; text(value: string): string; json<T>(value: T): T };

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  const text = (value: string) => {
    let out = value;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  };
  const json = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(json);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v)]));
    return value;
  };
  return {
    add(list) {
      for (const s of list) if (s.length >= MIN_SECRET_LENGTH) secrets.add(s);
    },
    text,
    json: <T>(value: T) => json(value) as T,
  };
}
