import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  sourcemap: true,
  clean: true,
  // `import.meta.url` (migrations folder, package resolution) works in the CommonJS build too.
  shims: true,
  target: "node20"
})
