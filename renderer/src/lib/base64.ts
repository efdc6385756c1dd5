/** Chunk size below the argument limit of String.fromCharCode.apply. */
const CHUNK = 0x8000;

/** Encodes file bytes for a JSON request (`session:import`). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
