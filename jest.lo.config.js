/** `npm run test:lo`: the tests that run LibreOffice (skipped without it, unless REQUIRE_LIBREOFFICE=1). */
const { exactly, shared, testFilesOf } = require("./jest.suites");

module.exports = {
  ...shared,
  displayName: "libreoffice",
  roots: ["<rootDir>/test"],
  testRegex: testFilesOf("libreoffice").map(exactly),
};
