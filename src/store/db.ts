import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userError } from '../errors.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

// Where the store lives: --db, else SHIPBENCH_DB, else .shipbench/shipbench.db in the working directory.
export function storePath(explicit?: string): string {
  return resolve(explicit ?? process.env.SHIPBENCH_DB ?? join('.shipbench', 'shipbench.db'));
}

// Opens (creating if needed) the SQLite store and brings its schema up to date.
export function openDb(path: string): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw userError('store.open', `cannot open the store ${path} (${(error as Error).message})`, 'pass --db with a writable path or set SHIPBENCH_DB', error);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw userError('store.open', `${path} is not a shipbench store (not an SQLite database)`, 'pass --db with the path of a store, or a new file name to start one', error);
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
      throw userError('store.open', `cannot open the store ${path} (${(error as Error).message})`, 'pass --db with a writable path on a disk with free space', error);
    }
    throw error;
  }
  return db;
}

// Applies the migrations this database has not seen yet, each in its own transaction.
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw userError('store.version', `the store was written by a newer shipbench (schema ${current}, this one knows ${migrations.length})`, 'upgrade shipbench or use another --db');
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return migrations.length;
}
