/**
 * The part of saxen 11's API the reader uses (saxen ships no types). Without namespace processing
 * (`ns()` never called) names and attribute values arrive exactly as written; entities are decoded
 * only through the `decodeEntities` argument, which the reader does not use (src/read/xml.ts
 * decodes them itself, strictly).
 */
declare module "saxen" {
  type Decode = (raw: string) => string;
  interface Handlers {
    openTag: (name: string, attributes: () => Record<string, string>, decode: Decode, selfClosing: boolean) => void;
    closeTag: (name: string, decode: Decode, selfClosing: boolean) => void;
    text: (raw: string, decode: Decode) => void;
    comment: (body: string, decode: Decode) => void;
    error: (error: Error) => void;
    warn: (warning: Error) => void;
  }
  export class Parser {
    on<K extends keyof Handlers>(event: K, handler: Handlers[K]): this;
    /** Parses a whole document; returns the error, if the error handler did not throw it. */
    parse(xml: string): Error | null;
    /** Streaming: tokens cut by a chunk's end wait for the next write. */
    write(xml: string): this;
    end(): Error | null;
  }
}
