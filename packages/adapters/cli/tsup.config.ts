import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm", "cjs"],
  sourcemap: true,
  clean: true,
  // `import.meta.url` (the postgres adapter finds its migrations with it) works in the CJS build too.
  shims: true,
  target: "node20"
})
