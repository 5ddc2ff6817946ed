/** Masters named by the user (--include-master, --previous): their bytes → what they hold, or why not. */
export {
  takeLowerMaster,
  takePreviousMaster,
  MASTER_LIMITS,
  type MasterRole,
  type TakenMaster,
  type MasterIntakeOptions,
} from "./take-master";
export { readMasterContent } from "./read-content";
export { readStamp } from "./stamp";
