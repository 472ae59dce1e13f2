// `npm run docs:errors`: writes docs/errors.md from the error registry (src/protocol/errors.ts).
// src/protocol/errorDocs.test.ts fails until the committed file matches.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_DOCS_PATH, renderErrorDocs } from '../src/protocol/errorDocs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', ERROR_DOCS_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderErrorDocs());
console.log(`✓ wrote ${ERROR_DOCS_PATH}`);
