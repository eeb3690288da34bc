#!/usr/bin/env node
// A committed launcher, so installing the workspace links the bin before the package is built.
import '../dist/cli.js';
