export * from './people';
export * from './save-station';
export * from './station-print';
export * from './stations';
export * from './units';
