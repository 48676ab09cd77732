/** The scheduler's pure rules: the run's clock and budget, which cases each job selects, what handlers are told. */
export * from './timer-clock';
export * from './selection';
export * from './due-reminder';
export * from './budget';
