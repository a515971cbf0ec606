import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pluginMessages } from './plugin-messages.js';
import { SDK_HOST } from './sdk-version.js';

describe('SDK_HOST', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(SDK_HOST).toEqual({ name: pkg.name, version: pkg.version });
  });
});

describe('pluginMessages', () => {
  it('registers every code with the PLUGIN_ prefix and text in both locales', () => {
    const all = Object.values(pluginMessages);
    expect(all.length).toBeGreaterThan(20);
    for (const d of all) {
      expect(d.code).toMatch(/^PLUGIN_[A-Z_]+$/);
      expect(d.templates.en).not.toBe('');
      expect(d.templates['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(d.source).toBe('@foodsafety/plugin-sdk');
    }
  });
});
