/**
 * The browser test of the built task pane: `npm run build && npm run test:browser`. Kept out of plain
 * `npm test` because it needs dist/ and Chromium.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/browser"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 60000,
};
