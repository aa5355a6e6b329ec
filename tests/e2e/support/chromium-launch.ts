/**
 * How Playwright and scripts/measure-frontend.ts start Debian's Chromium here: browser downloads
 * fail on this network, and without the background-networking flags Chromium keeps dialling
 * Google's hosts, which the closed network refuses.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
  ],
};
