/** 办理公开: what anyone may see of residents' cases, and the board's periods and figures. Pure, no SDK. */
export * from './board.figures';
export * from './board.input';
export * from './board.period';
export * from './public-case';
export * from './public-reply';
