import { describe, expect, it } from 'vitest';
import { createConnectivity } from '../../../src-main/connectivity';

/** The network as main tells it: the system's word, looked at again on failures, the server's word over it. */

function setup(system: { online: boolean }) {
  let tick: () => void = () => undefined;
  const heard: boolean[] = [];
  const connectivity = createConnectivity({
    isOnline: () => system.online,
    setInterval: ((fn: () => void) => {
      tick = fn;
      return 0;
    }) as unknown as typeof setInterval,
    clearInterval: () => undefined,
  });
  connectivity.subscribe((online) => heard.push(online));
  return { connectivity, heard, tick: () => tick() };
}

describe('connectivity', () => {
  it('tells each change the system reports, once', () => {
    const system = { online: true };
    const { connectivity, heard, tick } = setup(system);
    tick();
    system.online = false;
    tick();
    tick();
    system.online = true;
    tick();
    expect(heard).toEqual([false, true]);
    expect(connectivity.online()).toBe(true);
  });

  it('looks again at once when a request fails, without waiting for the next tick', () => {
    const system = { online: true };
    const { connectivity, heard } = setup(system);
    system.online = false;
    connectivity.reached(false);
    expect(heard).toEqual([false]);
  });

  it('a server that answers is a network, even when the system says none (a server on this computer)', () => {
    const system = { online: false };
    const { connectivity, heard, tick } = setup(system);
    expect(connectivity.online()).toBe(false);
    connectivity.reached(true);
    tick();
    expect(heard).toEqual([true]);
    connectivity.reached(false);
    expect(heard).toEqual([true, false]);
  });

  it('a network lost by the system is announced even though the server answered a moment before', () => {
    const system = { online: true };
    const { connectivity, heard, tick } = setup(system);
    connectivity.reached(true);
    system.online = false;
    tick();
    expect(heard).toEqual([false]);
    // Then a server on this computer answers: online again.
    connectivity.reached(true);
    expect(heard).toEqual([false, true]);
  });
});
