// Archive family: ZIPs with path traversal, symlinks, bombs, encryption, nesting, overlapping
// entries, and truncated or bit-flipped ZIPs.
import { writeZip, type ZipEntrySpec } from '../zip-writer.ts';
import {
  EITHER,
  EXT,
  FAILED,
  FORMATS,
  flipBits,
  type Good,
  type HostileFile,
  READY,
} from './common.ts';

/** ZIP uploads, with what the archive and each entry must end as. */
export async function addArchives(files: HostileFile[], good: Good): Promise<void> {
  // ZIPs.
  const addZip = (
    name: string,
    bytes: Buffer,
    spec: Omit<HostileFile, 'name' | 'category' | 'bytes'>,
  ) => files.push({ category: 'zip', name: `zip/${name}`, bytes, ...spec });
  const ok = READY();
  addZip(
    'traversal.zip',
    writeZip([
      { name: 'figure1/a.png', data: good.png },
      { name: '../../../../../../tmp/twinspect-escape.png', data: good.png },
      { name: '..\\..\\..\\twinspect-escape-backslash.png', data: good.png },
      { name: '/tmp/twinspect-escape-absolute.png', data: good.png },
      { name: 'C:\\Windows\\twinspect-escape.png', data: good.png },
      { name: 'figure1/../../twinspect-escape-inner.png', data: good.png },
      { name: 'figure1/nul\0.png', data: good.png },
      {
        name: 'figure1/link.png',
        data: Buffer.from('/etc/passwd'),
        unixMode: 0o120777,
        deflate: false,
      },
      {
        name: 'figure1/link-dir',
        data: Buffer.from('../../..'),
        unixMode: 0o120777,
        deflate: false,
      },
      { name: 'figure1/b.jpg', data: good.jpeg },
    ]),
    {
      expect: EITHER,
      entries: {
        'figure1/a.png': ok,
        'figure1/b.jpg': ok,
        '../../../../../../tmp/twinspect-escape.png': FAILED(/unsafe path/),
        '/tmp/twinspect-escape-absolute.png': FAILED(/unsafe path/),
        'figure1/link.png': FAILED(/symbolic link/),
      },
    },
  );
  addZip(
    'ratio-bomb.zip',
    writeZip([
      { name: 'bomb.png', data: Buffer.alloc(50_000_000) },
      { name: 'ok.png', data: good.png },
    ]),
    {
      expect: EITHER,
      entries: { 'bomb.png': FAILED(/ZIP bomb/), 'ok.png': ok },
    },
  );
  addZip(
    'lying-size.zip',
    writeZip([{ name: 'small.png', data: Buffer.alloc(5_000_000, 1), declaredSize: 40_000 }]),
    {
      expect: EITHER,
      entries: { 'small.png': FAILED(/./) },
    },
  );
  addZip(
    'nested.zip',
    writeZip([
      { name: 'inner.zip', data: writeZip([{ name: 'bomb.png', data: Buffer.alloc(10_000_000) }]) },
    ]),
    {
      expect: EITHER,
      entries: { 'inner.zip': FAILED(/not an image file/) },
    },
  );
  addZip('encrypted.zip', writeZip([{ name: 'secret.png', data: good.png, encrypted: true }]), {
    expect: EITHER,
    entries: { 'secret.png': FAILED(/encrypted/) },
  });
  addZip(
    'overlapping.zip',
    writeZip([
      { name: 'p0.png', data: good.png },
      ...Array.from({ length: 300 }, (_, i) => ({
        name: `p${i + 1}.png`,
        data: good.png,
        sameDataAs: 0,
      })),
    ]),
    {
      expect: EITHER,
      entries: {
        'p0.png': ok,
        ...Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [`p${i + 1}.png`, FAILED(/overlaps/)]),
        ),
      },
    },
  );
  addZip(
    'too-many-entries.zip',
    writeZip(
      Array.from(
        { length: 20_001 },
        (_, i): ZipEntrySpec => ({ name: `e${i}.png`, data: Buffer.alloc(0), deflate: false }),
      ),
    ),
    {
      expect: FAILED(/entries, over the limit/),
      wholeArchive: true,
    },
  );
  addZip('empty.zip', writeZip([]), { expect: FAILED(/no image/i), wholeArchive: true });
  addZip(
    'only-folders-and-junk.zip',
    writeZip([
      { name: 'figs/', data: Buffer.alloc(0) },
      { name: '__MACOSX/figs/._a.png', data: Buffer.from('junk') },
      { name: 'figs/.DS_Store', data: Buffer.from('junk') },
    ]),
    { expect: FAILED(/no image/i), wholeArchive: true },
  );
  addZip('garbage.zip', Buffer.from('PK\x03\x04 this is not a zip at all'), {
    expect: FAILED(/ZIP/),
    wholeArchive: true,
  });
  addZip(
    'inner-corrupt-images.zip',
    writeZip(FORMATS.map((f) => ({ name: `cut.${EXT[f]}`, data: good[f].subarray(0, 20) }))),
    {
      expect: EITHER,
      entries: Object.fromEntries(FORMATS.map((f) => [`cut.${EXT[f]}`, FAILED(/./)])),
    },
  );
  addZip(
    'unicode-and-long-names.zip',
    writeZip([
      { name: `${'é'.repeat(300)}.png`, data: good.png },
      { name: 'fig\u202egnp.exe.png', data: good.png },
      { name: `${'a/'.repeat(200)}deep.png`, data: good.png },
    ]),
    { expect: EITHER },
  );
  const zipBase = writeZip([
    { name: 'a.png', data: good.png },
    { name: 'b.jpg', data: good.jpeg },
  ]);
  for (let i = 0; i < 6; i++) {
    addZip(`truncated-${i}.zip`, zipBase.subarray(0, Math.floor((zipBase.length * (i + 1)) / 7)), {
      expect: EITHER,
    });
  }
  for (let i = 0; i < 14; i++) {
    addZip(`bit-flipped-${i}.zip`, flipBits(zipBase, 9000 + i, i % 2 === 0), { expect: EITHER });
  }
}
