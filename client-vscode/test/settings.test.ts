import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  checkBoolean,
  checkDisabledRules,
  checkInlayHints,
  checkExtraArgs,
  checkSeverityOverrides,
  didChangeConfigurationParams,
  FILE_GLOBS,
  normaliseCode,
  serverSettings,
} from '../src/lib/settings';

test('initializationOptions carry severityOverrides, disabledRules and fileGlobs', () => {
  const r = serverSettings({ severityOverrides: { PT204: 'error', PT103: 'off' }, disabledRules: ['PT202'] });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.value, {
    severityOverrides: { PT204: 'error', PT103: 'off' },
    disabledRules: ['PT202'],
    fileGlobs: [...FILE_GLOBS],
    inlayHints: { values: true, capacity: true, reach: true },
    codeLens: true,
  });
  assert.ok(r.value.fileGlobs.includes('**/provider_config/*.yaml'));
  assert.ok(r.value.fileGlobs.includes('**/*.ptree.json'));
});

test('didChangeConfiguration wraps the same keys in settings.ptree', () => {
  const s = serverSettings({ severityOverrides: { PT303: 'warning' }, disabledRules: [] }).value;
  assert.deepEqual(didChangeConfigurationParams(s), { settings: { ptree: s } });
});

test('unset settings give empty values and no warnings', () => {
  const r = serverSettings({});
  assert.deepEqual(r.value.severityOverrides, {});
  assert.deepEqual(r.value.disabledRules, []);
  assert.deepEqual(r.warnings, []);
});

test('severity overrides: codes and severities are normalised, bad entries dropped with a warning', () => {
  const r = checkSeverityOverrides({ pt204: 'Error', PT303: 'warn', PT103: 'loud', 'not a code': 'off', PT202: 3 });
  assert.deepEqual(r.value, { PT204: 'error', PT303: 'warning' });
  assert.equal(r.warnings.length, 3);
  assert.match(r.warnings.join('\n'), /PT103 has "loud"; use one of error, warning, information, hint, off/);
  assert.match(r.warnings.join('\n'), /"not a code" is not a rule code/);
  assert.match(r.warnings.join('\n'), /PT202 has a number/);
});

test('severity overrides that are not an object are ignored with a warning', () => {
  for (const bad of [['PT204'], 'PT204=error', 7, true]) {
    const r = checkSeverityOverrides(bad);
    assert.deepEqual(r.value, {});
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /should be an object/);
  }
});

test('disabled rules: an array of codes, normalised and deduplicated', () => {
  const r = checkDisabledRules(['pt202', 'PT202', ' PT103 ', 5, '']);
  assert.deepEqual(r.value, ['PT202', 'PT103']);
  assert.equal(r.warnings.length, 2);
});

test('disabled rules given as one string are split, with a warning', () => {
  const r = checkDisabledRules('PT202, PT103');
  assert.deepEqual(r.value, ['PT202', 'PT103']);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0], /should be an array/);
});

test('disabled rules of another type are ignored with a warning', () => {
  const r = checkDisabledRules({ PT202: true });
  assert.deepEqual(r.value, []);
  assert.match(r.warnings[0], /not an object; ignored/);
});

test('extraArgs that are not an array are ignored with a warning', () => {
  for (const bad of ['-Xmx512m', { a: 1 }, 12]) {
    const r = checkExtraArgs(bad);
    assert.deepEqual(r.value, []);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /"ptree\.server\.extraArgs" should be an array/);
  }
});

test('extraArgs: strings kept in order, numbers stringified with a warning, the rest dropped', () => {
  assert.deepEqual(checkExtraArgs(['-Xmx512m', '-XX:+UseSerialGC']), { value: ['-Xmx512m', '-XX:+UseSerialGC'], warnings: [] });
  const r = checkExtraArgs(['-Xss2m', 7, null, '']);
  assert.deepEqual(r.value, ['-Xss2m', '7']);
  assert.equal(r.warnings.length, 3);
  assert.deepEqual(checkExtraArgs(undefined), { value: [], warnings: [] });
});

test('normaliseCode', () => {
  assert.equal(normaliseCode(' pt303 '), 'PT303');
  assert.equal(normaliseCode('PT303'), 'PT303');
  assert.equal(normaliseCode('reserved-vs-total'), undefined);
  assert.equal(normaliseCode(303), undefined);
  assert.equal(normaliseCode(undefined), undefined);
});

test('inlay hints and code lens: each kind switches, ill-typed values keep it on with a warning', () => {
  const r = serverSettings({ inlayHints: { values: false, capacity: true, reach: 'no' }, codeLens: false });
  assert.deepEqual(r.value.inlayHints, { values: false, capacity: true, reach: true });
  assert.equal(r.value.codeLens, false);
  assert.deepEqual(r.warnings, ['"ptree.inlayHints.reach" should be true or false, not "no"; using true.']);
  assert.deepEqual(checkInlayHints(7).value, { values: true, capacity: true, reach: true });
  assert.equal(checkInlayHints(7).warnings.length, 1);
  assert.deepEqual(checkBoolean(undefined, 'ptree.codeLens', true), { value: true, warnings: [] });
  assert.equal(checkBoolean([], 'ptree.codeLens', true).warnings.length, 1);
});
