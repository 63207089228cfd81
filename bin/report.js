#!/usr/bin/env node
// Shebang shim: run the CLI and set the exit code; nothing else.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
