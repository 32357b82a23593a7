import { defineConfig } from "tsup"

/**
 * The build every Murojaat package shares: ESM and CommonJS for Node 20+, source maps. Declarations
 * come from `tsc` (one .d.ts per module), not from tsup. `shims` makes `import.meta.url` work in the
 * CommonJS build (the PostgreSQL adapter finds its migrations with it).
 */
export const library = (entry: ReadonlyArray<string>) =>
  defineConfig({ entry: [...entry], format: ["esm", "cjs"], sourcemap: true, clean: true, shims: true, target: "node20" })
