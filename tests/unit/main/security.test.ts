import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedNavigation, isTrustedSender } from '../../../electron/main/security';
import { resolveAppFile } from '../../../electron/main/protocol';

describe('sender validation', () => {
  it('trusts only the top frame of app://checkpoint', () => {
    expect(isTrustedSender({ url: 'app://checkpoint/index.html', parent: null })).toBe(true);
  });
  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['file://', { url: 'file:///tmp/index.html', parent: null }],
    ['a look-alike host', { url: 'app://checkpoint.evil/', parent: null }],
    ['a sub-frame of our origin', { url: 'app://checkpoint/frame.html', parent: { url: 'app://checkpoint/' } }],
    ['a garbage url', { url: 'not a url', parent: null }],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame as never)).toBe(false);
  });
  it('refuses a missing frame (destroyed window)', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('navigation guard', () => {
  it('allows only in-app navigation', () => {
    expect(isAllowedNavigation('app://checkpoint/index.html#/supervisor')).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  it('allows only our own scripts, never inline or eval', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it('widens connect-src only when the harness asks', () => {
    expect(csp).toMatch(/connect-src 'self';/);
    expect(contentSecurityPolicy(['ws://127.0.0.1:5780'])).toContain("connect-src 'self' ws://127.0.0.1:5780");
  });
});

describe('app:// file resolution', () => {
  const root = '/opt/checkpoint/renderer';
  it('maps the origin root to index.html and files inside the folder', () => {
    expect(resolveAppFile(root, 'app://checkpoint/')).toBe('/opt/checkpoint/renderer/index.html');
    expect(resolveAppFile(root, 'app://checkpoint/assets/app.js')).toBe('/opt/checkpoint/renderer/assets/app.js');
  });
  it.each(['app://checkpoint/../../etc/passwd', 'app://checkpoint/%2e%2e/%2e%2e/etc/passwd', 'app://checkpoint/..%2f..%2fsecret', 'app://other/index.html', 'app://checkpoint/%00.js', 'app://checkpoint/%E0%A4%A'])(
    'refuses %s',
    (url) => {
      const f = resolveAppFile(root, url);
      expect(f === null || f.startsWith(root + '/')).toBe(true);
      if (url.includes('other') || url.includes('%00') || url.includes('%E0%A4%A')) expect(f).toBeNull();
    },
  );
});
