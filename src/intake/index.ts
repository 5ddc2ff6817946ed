/** The intake of files, pure and shared by every host: a file's facts and bytes → what it is. */
export type { Conversion, Converter, ConvertedBytes } from "./conversion";
export { intakeFile, unreadableFile, HostReadError, type FileFacts, type ByteSource, type IntakeOptions } from "./file";
export {
  checkResultOf,
  findingToJson,
  type CheckResult,
  type FindingJson,
  type CheckUnreadableCode,
} from "./check-result";
