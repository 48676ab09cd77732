/** How typed text is read by every rule that stores, counts, compares or scans it. */
export * from './normalise';
