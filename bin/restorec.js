#!/usr/bin/env node
// Kept so `node bin/restorec.js` keeps working; the entry point is bin/restorec.cjs.
import './restorec.cjs';
