export * from './person.input';
export * from './station.input';
export * from './opening-hours.label';
export * from './unit.input';
