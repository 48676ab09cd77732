/** Privacy rules for what readers other than the resident and the station's officers see. */
export * from './mask-numbers';
