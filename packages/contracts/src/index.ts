export * from './common.ts';
export * from './errors.ts';
export * from './permissions.ts';
export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './todo.ts';
export * from './credit-code.ts';
