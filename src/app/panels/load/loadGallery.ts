/** Ready load experiments: every `examples/*.load.json`, by the name each file gives itself. */
import type { LoadDoc } from './loadDoc';

const FILES = import.meta.glob<unknown>('../../../../examples/*.load.json', { eager: true, import: 'default' });

export interface GalleryEntry {
  /** The file name (`echo-50x100.load.json`). */
  file: string;
  name: string;
  description?: string;
  doc: LoadDoc;
}

const isDoc = (v: unknown): v is LoadDoc =>
  typeof v === 'object' && v !== null && (v as LoadDoc).schema === 'orrery.load/1' && typeof (v as LoadDoc).name === 'string';

export const LOAD_GALLERY: readonly GalleryEntry[] = Object.entries(FILES)
  .flatMap(([path, doc]) => {
    if (!isDoc(doc)) return [];
    // The file's $schema points next to it on disk; the editor knows the schema already.
    const { $schema: _schema, ...rest } = doc;
    const entry: GalleryEntry = { file: path.split('/').pop()!, name: doc.name, doc: rest as LoadDoc };
    if (typeof doc['description'] === 'string') entry.description = doc['description'];
    return [entry];
  })
  .sort((a, b) => a.name.localeCompare(b.name));
