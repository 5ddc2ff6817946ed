/**
 * ESLint flat config for `npm run lint` (office-addin-lint 3 uses ./eslint.config.mjs when it exists,
 * and lints src/**\/*.{ts,tsx,js,jsx}). It is eslint-plugin-office-addins' React preset (Office.js
 * load/sync rules, React rules, Prettier), with:
 * - the preset's TypeScript block also applied to .tsx, which the preset's file pattern leaves out;
 * - no-undef off for TypeScript: tsc already rejects undefined names and knows the Office/DOM globals;
 * - React 17+ JSX transform (no React import needed) and TypeScript props instead of prop-types;
 * - names starting with "_" may go unused (an ignored tuple element or parameter says so on purpose);
 * - formatting enforced by Prettier (.prettierrc.json: 120 columns); `npm run lint:fix` formats.
 */
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

const typescriptBlock = officeAddins.configs.recommended.find((c) => c.files?.some((f) => f.includes("ts")));

export default [
  { ignores: ["dist/**", "build-tsc/**", "coverage/**", "node_modules/**"] },
  ...officeAddins.configs.react,
  { ...typescriptBlock, files: ["**/*.tsx"] },
  {
    // The one JavaScript module of src (the merge worker's start, for webpack's `new URL(…, import.meta.url)`).
    files: ["src/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { Worker: "readonly", URL: "readonly" } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "prettier/prettier": "error",
    },
  },
];
