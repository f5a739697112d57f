import { decodeBytes, looksLikeGbText } from '../dist/input/encoding.js';
import fs from 'node:fs';
for (const f of fs.readdirSync('test/robustness/fixtures')) {
  const b = fs.readFileSync('test/robustness/fixtures/' + f);
  const r = decodeBytes(b);
  console.log(f, r.ok ? r.encoding : r.message, looksLikeGbText(b));
}
// random bytes
let acc = 0, n = 2000;
for (let k = 0; k < n; k++) { const b = Buffer.alloc(200); for (let i = 0; i < 200; i++) b[i] = 1 + Math.floor(Math.random() * 255); const r = decodeBytes(b); if (r.ok && r.encoding === 'gb18030') acc++; }
console.log('random accepted as gb', acc, '/', n);
acc = 0;
for (let k = 0; k < n; k++) { const b = Buffer.alloc(200); for (let i = 0; i < 200; i++) b[i] = 0x80 + Math.floor(Math.random() * 128); const r = decodeBytes(b); if (r.ok && r.encoding === 'gb18030') acc++; }
console.log('random high accepted as gb', acc, '/', n);
