// ESLint (flat config) for the book's browser modules, run by `make lint`.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["_build/", "node_modules/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["docs/_ext/**/*.mjs", "docs/_ext/**/*.js"],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.worker },
    },
  },
  {
    files: ["docs/_ext/**/*.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tools/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: globals.node },
  },
];
