// exceljs's streaming writer constructs an archiver it never uses here: the master writer replaces
// its zip with one that keeps the parts in memory (src/xlsx/master/parts-writer.ts). The browser
// build gets this stand-in instead of archiver and its Node dependencies.
module.exports = function archiver() {
  return { pipe() {}, append() {}, on() {}, finalize() {} };
};
