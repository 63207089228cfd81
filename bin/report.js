#!/usr/bin/env node
// Shebang shim: run the CLI (the bundled build, for a fast start) and set the exit code; nothing else.
import { main } from '../dist/bundle/report.js';

process.exitCode = await main(process.argv.slice(2));
