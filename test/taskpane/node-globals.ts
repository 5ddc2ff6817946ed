/**
 * What jsdom lacks and the project's reader (under the WPS stand-in) uses: TextEncoder, TextDecoder
 * and WebCrypto, Node's own.
 */
import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
