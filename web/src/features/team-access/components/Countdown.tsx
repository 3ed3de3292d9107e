import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecondsLeft } from '../hooks/useSecondsLeft';

const POLL_INTERVAL_MS = 2000;

interface Props {
  /** The server's retryAfterSeconds. */
  seconds: number;
  /** Time is up (asked again every two seconds until the server says ready). */
  onReady: () => void;
}

/** R2: access can be granted ten minutes after connecting. Counts down from the server's retryAfterSeconds. */
export function Countdown({ seconds, onReady }: Props) {
  // A new answer from the server restarts the count.
  return <CountdownFrom key={seconds} seconds={seconds} onReady={onReady} />;
}

function CountdownFrom({ seconds, onReady }: Props) {
  const { t } = useTranslation();
  const remaining = useSecondsLeft(seconds);

  useEffect(() => {
    if (remaining > 0) return;
    // Ask the server until it says ready (its clock decides).
    onReady();
    const timer = setInterval(onReady, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [remaining, onReady]);

  return (
    <div className="notice notice-warning">
      <p>{t('notices.waitBeforeGranting', { count: Math.max(1, Math.ceil(remaining / 60)) })}</p>
      <p role="timer" className="countdown">
        {t('notices.timeLeft', { minutes: Math.floor(remaining / 60), seconds: remaining % 60 })}
      </p>
    </div>
  );
}
