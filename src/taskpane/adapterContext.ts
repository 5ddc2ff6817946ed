import { createContext, useContext } from "react";
import type { OfficeAdapter } from "../ports/host";

/** The Office adapter, or null while the pane is still finding out where it runs. */
export const OfficeAdapterContext = createContext<OfficeAdapter | null>(null);

export function useOfficeAdapter(): OfficeAdapter | null {
  return useContext(OfficeAdapterContext);
}
