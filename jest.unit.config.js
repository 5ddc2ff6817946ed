/** `npm test`: the unit and property tests, everything under test/ but the LibreOffice and browser suites. */
const { shared, libreOfficeTestFiles } = require("./jest.suites");

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

module.exports = {
  ...shared,
  displayName: "unit",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/", ...libreOfficeTestFiles().map((f) => `^${escape(f)}$`)],
};
