// ESLint flat config: typescript-eslint's recommended rules for the add-in (src) and its tests.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.ts", "bench/**/*.ts"],
    extends: [tseslint.configs.recommended],
  },
);
