/** Jest runs every test under test/ with ts-jest; type errors are caught by `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // test/browser needs the built dist/ and Chromium: `npm run test:browser` (jest.browser.config.js).
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
    // saxen and csv-parse's browser build are ES modules only; Jest's CommonJS runtime needs them compiled like our sources.
    "/node_modules/(saxen|csv-parse)/.+\\.js$": ["ts-jest", { diagnostics: false, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(saxen|csv-parse)/)"],
  testTimeout: 30000,
};
