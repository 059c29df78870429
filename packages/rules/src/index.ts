export * from './term.rules.ts';
export * from './term.ts';
export * from './org-structure.rules.ts';
export * from './org-structure.ts';
export * from './member-lifecycle.rules.ts';
export * from './member-lifecycle.ts';
