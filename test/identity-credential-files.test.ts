/** The client's credential files in the data folder: owner-only, written exclusively, never through a symlink. */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialFile, fileCredentialStore } from '../collaboration-server/credential-store.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';

const cleanup = cleanupAfterEach();

describe('credential files', () => {
  it('are kept per name, owner-only, in a folder of their own that is made if missing', () => {
    const data = join(tempDir('huddle-cred-', cleanup), 'not-yet', '.huddle');
    const store = fileCredentialStore(data);
    expect(store.load('Alice')).toBeUndefined();
    store.save('Alice', 'secret-a');
    store.save('Bob', 'secret-b');
    store.save('Alice', 'secret-a2');
    expect([store.load('Alice'), store.load('Bob'), store.load('Carol')]).toEqual(['secret-a2', 'secret-b', undefined]);
    expect(statSync(data).mode & 0o077).toBe(0);
    expect(statSync(join(data, 'credentials')).mode & 0o777).toBe(0o700);
    expect(statSync(credentialFile(data, 'Alice')).mode & 0o777).toBe(0o600);
    // no temporary files left behind, and the name may be anything without escaping the folder
    store.save('../../etc/passwd', 'x');
    expect(readdirSync(join(data, 'credentials')).sort()).toHaveLength(3);
    expect(readdirSync(join(data, 'credentials')).every((f) => /^[0-9a-f]{32}\.json$/.test(f))).toBe(true);
  });

  it('are never read through a symlink, and saving replaces a planted link without touching its target', () => {
    const root = tempDir('huddle-cred-', cleanup);
    const data = join(root, '.huddle');
    const store = fileCredentialStore(data);
    store.save('Bob', 'bob');
    const target = join(root, 'victim.txt');
    writeFileSync(target, 'keep me\n');
    symlinkSync(target, credentialFile(data, 'Alice'));
    expect(() => store.load('Alice')).toThrow(/symlink/);
    store.save('Alice', 'secret');
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    expect(lstatSync(credentialFile(data, 'Alice')).isSymbolicLink()).toBe(false);
    expect(store.load('Alice')).toBe('secret');
  });

  it('refuse a credentials folder that is a symlink or open to others, saying what to run', () => {
    const root = tempDir('huddle-cred-', cleanup);
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    const data = join(root, '.huddle');
    mkdirSync(data, { mode: 0o700 });
    symlinkSync(elsewhere, join(data, 'credentials'));
    expect(() => fileCredentialStore(data).save('Alice', 'secret')).toThrow(/not a folder/);
    expect(readdirSync(elsewhere)).toEqual([]);

    const open = join(root, 'open', '.huddle');
    fileCredentialStore(open).save('Alice', 'secret');
    chmodSync(credentialFile(open, 'Alice'), 0o644);
    expect(() => fileCredentialStore(open).load('Alice')).toThrow(/chmod 600/);
    chmodSync(credentialFile(open, 'Alice'), 0o600);
    chmodSync(join(open, 'credentials'), 0o777);
    expect(() => fileCredentialStore(open).load('Alice')).toThrow(/chmod 700/);
    expect(existsSync(credentialFile(open, 'Alice'))).toBe(true);
  });
});
