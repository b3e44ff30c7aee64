import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { StoredFileNotFoundError } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'spct-storage-'));
    storage = new LocalFileStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const files = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));

  it('stores a stream under its key, measuring size and sha256, and reads it back', async () => {
    const chunks = [Buffer.from('hello '), Buffer.from('world')];
    const stored = await storage.put('ws/abc-1', Readable.from(chunks));
    const all = Buffer.concat(chunks);
    expect(stored).toEqual({
      sizeBytes: all.length,
      sha256: createHash('sha256').update(all).digest('hex'),
    });
    expect(await readFile(path.join(root, 'ws/abc-1'))).toEqual(all);
    const back: Buffer[] = [];
    for await (const chunk of await storage.get('ws/abc-1')) back.push(chunk as Buffer);
    expect(Buffer.concat(back)).toEqual(all);
  });

  it('leaves nothing behind when the stream fails half-way', async () => {
    async function* failing() {
      yield Buffer.alloc(64 * 1024, 1);
      throw new Error('client went away');
    }
    await expect(storage.put('ws/broken', Readable.from(failing()))).rejects.toThrow(
      'client went away',
    );
    expect(await files()).toEqual([]);
  });

  it('reports a missing key on get, and deletes idempotently', async () => {
    await expect(storage.get('ws/missing')).rejects.toBeInstanceOf(StoredFileNotFoundError);
    await storage.put('ws/x', Readable.from([Buffer.from('x')]));
    await storage.delete('ws/x');
    await storage.delete('ws/x');
    expect(await files()).toEqual([]);
  });

  it.each(['../escape', '/etc/passwd', 'a/../../b', 'a\\b', '', 'a//b', '.hidden/x'])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(
        /storage key/i,
      );
      await expect(storage.get(key)).rejects.toThrow(/storage key/i);
      await expect(storage.delete(key)).rejects.toThrow(/storage key/i);
    },
  );
});
