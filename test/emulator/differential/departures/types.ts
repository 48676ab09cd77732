import type { Area, Disagreement, Input } from '../run';

/**
 * Where mingo departs from MongoDB and the emulator follows MongoDB: every disagreement the
 * differential test meets must be one of these, or the test fails. Each entry names MongoDB's
 * rule and where MongoDB states it, recognises the cases it explains from their input (or from
 * a refusal's message), and carries one hand-written case with MongoDB's answer, checked
 * against both engines by database-differential.test.ts.
 */
export interface Departure {
  id: string;
  area: Area;
  /** MongoDB's rule, which the emulator follows and mingo does not. */
  rule: string;
  /** Where MongoDB says so. */
  source: string;
  applies(d: Disagreement): boolean;
  /** Hand-written cases and MongoDB's answers to them (REFUSED: MongoDB refuses the request). */
  examples: Example[];
}

export const REFUSED = Symbol('refused');

export interface Example {
  input: Input;
  mongodb: unknown;
}
