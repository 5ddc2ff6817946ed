/**
 * `npm run test:browser`: the built task pane in Chromium (`npm run build && npm run build:sim` first).
 * Kept out of `npm test` because it needs dist/, dist-sim/ and Chromium.
 */
const { shared } = require("./jest.suites");

module.exports = {
  ...shared,
  displayName: "browser",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60000,
};
