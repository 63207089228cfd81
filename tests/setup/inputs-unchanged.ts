// After every test file: no input file was changed, added or removed by what the file ran.

import { afterAll, expect, inject } from 'vitest';
import { inputChecksums } from './checksums.js';

afterAll(() => {
  expect(inputChecksums(), 'input files (fixtures/, ../shared) must never change').toEqual(inject('inputChecksums'));
});
