import { useEffect, useState } from 'react';

/**
 * The whole seconds left of `seconds` counted from the first render, updated every second. The
 * deadline is fixed then: to count again from a new value, render a new component (a new `key`).
 */
export function useSecondsLeft(seconds: number): number {
  const [deadline] = useState(() => Date.now() + seconds * 1000);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
