// @peculiar/x509 resolves its algorithms through tsyringe, which refuses to load unless a
// Reflect metadata polyfill is present ("tsyringe requires a reflect polyfill"). No polyfill
// package is installed, and tsyringe only ever calls these three functions (x509 passes no
// constructor parameters, so "design:paramtypes" is always empty), so a tiny WeakMap-backed
// shim is enough. It installs nothing when a real polyfill (reflect-metadata, core-js) is
// already loaded. Import it before "@peculiar/x509" (ES modules evaluate imports in order).

type MetadataStore = WeakMap<object, Map<unknown, unknown>>;
type ReflectWithMetadata = typeof Reflect & {
  getMetadata?: (key: unknown, target: object) => unknown;
  getOwnMetadata?: (key: unknown, target: object) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: object) => void;
};

const reflect = Reflect as ReflectWithMetadata;

if (typeof reflect.getMetadata !== "function") {
  const store: MetadataStore = new WeakMap();
  const own = (key: unknown, target: object): unknown => store.get(target)?.get(key);

  reflect.getOwnMetadata = own;
  reflect.defineMetadata = (key, value, target) => {
    const map = store.get(target) ?? new Map<unknown, unknown>();
    map.set(key, value);
    store.set(target, map);
  };
  // Like reflect-metadata: look on the target, then up its prototype chain.
  reflect.getMetadata = (key, target) => {
    for (let t: object | null = target; t !== null; t = Object.getPrototypeOf(t)) {
      const map = store.get(t);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
}

export {};
