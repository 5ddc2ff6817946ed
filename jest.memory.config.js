/** `npm run test:memory`: the tests that measure a child process's peak memory on large hostile inputs. */
const { exactly, shared, testFilesOf } = require("./jest.suites");

module.exports = {
  ...shared,
  displayName: "memory",
  roots: ["<rootDir>/test"],
  testRegex: testFilesOf("memory").map(exactly),
  maxWorkers: 2,
};
