#!/usr/bin/env node
import process from 'node:process';
import { runCli } from './runCli.js';

const stopSignals = ['SIGINT', 'SIGTERM'] as const;

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  onStopRequest(listener) {
    for (const signal of stopSignals) process.once(signal, listener);
    return () => {
      for (const signal of stopSignals) process.off(signal, listener);
    };
  },
});
