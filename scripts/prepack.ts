/**
 * Before `npm pack` / `npm publish`: the package ships the built web page (an installed package has no Vite to
 * build it with), so build it when it is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { uiNeedsBuild } from '../src/local/start';

if (await uiNeedsBuild()) {
  const build = spawnSync('npm', ['run', 'build:ui'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log('static/build is current');
}
