export * from './manage-invites';
export * from './redeem-invite';
export * from './unbind-person';
