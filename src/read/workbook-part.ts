/** xl/workbook.xml and its relationships: sheets in order, where each lives, names, the 1904 flag. */
import { parseXml, textValue, xmlDecode } from "./xml";

export interface SheetEntry {
  readonly name: string;
  readonly state?: string;
  readonly rId?: string;
}

export interface DefinedNameEntry {
  readonly name: string;
  readonly text: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: readonly DefinedNameEntry[];
  readonly date1904: boolean;
}

export function parseWorkbookPart(bytes: Uint8Array): WorkbookPart {
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedNameEntry[] = [];
  let date1904 = false;
  let name: { name: string; text: string } | undefined;
  parseXml(bytes, {
    open(tag, attributes) {
      if (tag === "sheet") {
        const a = attributes();
        sheets.push({ name: xmlDecode(a.name ?? ""), state: a.state, rId: a["r:id"] });
      } else if (tag === "workbookPr") date1904 = attributes().date1904 === "1";
      else if (tag === "definedName") name = { name: attributes().name ?? "", text: "" };
    },
    text(t) {
      if (name) name.text += textValue(t);
    },
    close(tag) {
      if (tag === "definedName" && name) {
        definedNames.push(name);
        name = undefined;
      }
    },
  });
  return { sheets, definedNames, date1904 };
}

/** Relationship id → target, from a .rels part. */
export function parseRelationships(bytes: Uint8Array): Map<string, string> {
  const targets = new Map<string, string>();
  parseXml(bytes, {
    open(tag, attributes) {
      if (tag !== "Relationship") return;
      const a = attributes();
      if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
    },
  });
  return targets;
}
