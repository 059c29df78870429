import { describe, expect, it } from 'vitest';
import { isPlainRead } from './database.ts';

/** What may keep PGlite's remembered answers (ADR 0016): only a plain read; anything else moves the epoch. */
describe('isPlainRead', () => {
  it.each(['select 1', '  SELECT a.id from account a where a.id = $1', 'select count(*) from member -- for a report'])('%s is a plain read', (text) => {
    expect(isPlainRead(text)).toBe(true);
  });
  it.each([
    'update account set disabled = true',
    'insert into session values ($1)',
    'delete from session',
    'with d as (delete from change_mark returning weight) insert into change_mark select 1',
    'with next as (select id from job for update skip locked) update job set state = 1',
    'select * from org where id = $1 for update',
    'select id from member for no key update',
    'select * from org for share',
    "select nextval('seq')",
    "select set_config('a.b', 'c', false)",
    'select pg_advisory_xact_lock(1)',
    "select pg_notify('c', 'x')",
    'savepoint sp_1',
    'begin',
  ])('%s is not', (text) => {
    expect(isPlainRead(text)).toBe(false);
  });
});
