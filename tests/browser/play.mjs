// Drives Debian's Chromium (headless) with playwright-core to the player page and prints, as
// one JSON line, how far playback got: node play.mjs PAGE_URL SECONDS
import { chromium } from 'playwright-core';

const [pageUrl, seconds] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--autoplay-policy=no-user-gesture-required',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(pageUrl);
  await page.waitForTimeout(Number(seconds) * 1000);
  const state = await page.evaluate(() => {
    const video = document.getElementById('video');
    const quality = video.getVideoPlaybackQuality();
    return {
      ...window.result,
      currentTime: video.currentTime,
      paused: video.paused,
      decodedFrames: quality.totalVideoFrames,
      keyStatuses: window.player ? window.player.getKeyStatuses() : {},
    };
  });
  state.pageErrors = consoleErrors;
  console.log(JSON.stringify(state));
} finally {
  await browser.close();
}
