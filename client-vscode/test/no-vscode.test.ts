// The lib modules are the testable part of the extension: none may import the editor API.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

test('src/lib has no vscode import', () => {
  const dir = path.resolve(__dirname, '..', '..', 'src', 'lib');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 3, `lib modules found in ${dir}`);
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    assert.doesNotMatch(text, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, `${f} imports vscode`);
  }
});
