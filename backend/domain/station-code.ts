/**
 * A station's door code (the QR code's `scene`) is case-insensitive: `ft-hf` and `FT-HF` are one
 * code. It is stored upper-case (admin.saveStation, the seed), so every lookup by code normalises
 * the same way — a code typed by hand or printed in lower case still finds its station.
 */
export function normaliseStationCode(code: string): string {
  return code.trim().toUpperCase();
}
