export * from './invite.code';
export * from './invite.model';
export * from './invite.redeem';
export * from './invite.status';
