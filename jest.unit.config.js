/**
 * `npm test`: the unit and property tests — everything under test/ but the memory, LibreOffice and
 * browser suites (jest.suites.js). Two workers: Jest's default on two cores is one.
 */
const { exactly, shared, testFilesOf } = require("./jest.suites");

module.exports = {
  ...shared,
  displayName: "unit",
  roots: ["<rootDir>/test"],
  testRegex: testFilesOf("unit").map(exactly),
  maxWorkers: 2,
};
