/** How many CPU cores this process may use (Node adapter): the default for batch workers and conversions. */
import * as os from "os";

export function cpuCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}
