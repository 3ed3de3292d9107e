import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { errorCode, errorMessages, formatList } from '../client';
import { currentLanguage } from '../i18n';
import { MarketoConnectionQuery, ViewerQuery } from '../operations';
import { Breadcrumb } from './Breadcrumb';
import { HelpPanel } from './HelpPanel';
import { MarketoConnectionPanel } from './MarketoConnectionPanel';
import { TeamTable } from './TeamTable';
import { ErrorNotice } from './ErrorNotice';

/** Settings > Admin Settings > Marketo > User Access: the Team Access list and the help article beside it. */
export function TeamAccessPage({ onSignOut }: { onSignOut: (messages?: string[]) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [viewerResult] = useQuery({ query: ViewerQuery });
  // Depends on the clock (R2): never from urql's cache.
  const [connectionResult, refetchConnection] = useQuery({ query: MarketoConnectionQuery, requestPolicy: 'network-only' });
  const reloadConnection = useCallback(() => refetchConnection({ requestPolicy: 'network-only' }), [refetchConnection]);

  const unauthenticated = errorCode(viewerResult.error) === 'UNAUTHENTICATED';
  useEffect(() => {
    if (unauthenticated) onSignOut(errorMessages(viewerResult.error, t));
  }, [unauthenticated, viewerResult.error, onSignOut, t]);

  const viewer = viewerResult.data?.viewer;
  const connection = connectionResult.data?.marketoConnection;
  const isAdmin = viewer?.role === 'ADMIN';
  const loadErrors = [...errorMessages(viewerResult.error, t), ...errorMessages(connectionResult.error, t)];

  // The sign-in form shows why, in a moment.
  if (unauthenticated) return null;

  return (
    <>
      <div className="session">
        {viewer && (
          <p>
            {t('auth.signedInAs', { name: viewer.user.name, role: t(`roles.${viewer.role}`), organization: viewer.organization.name })}
            {viewer.unlockedFeatures.length > 0 && (
              <span className="features">
                {' · '}
                {t('features.unlocked', { features: formatList(viewer.unlockedFeatures.map((feature) => t(`features.${feature}`)), language) })}
              </span>
            )}
          </p>
        )}
        <button type="button" onClick={() => onSignOut()}>
          {t('auth.signOut')}
        </button>
      </div>
      <Breadcrumb />
      <div className="layout">
        <section className="content" aria-labelledby="page-title">
          <h1 id="page-title">{t('pages.teamAccess')}</h1>
          <p className="intro">{t('teamAccess.intro')}</p>
          <ErrorNotice messages={loadErrors} />
          {viewer && connection && (
            <>
              <MarketoConnectionPanel connection={connection} isAdmin={isAdmin} onChanged={reloadConnection} />
              <TeamTable connection={connection} isAdmin={isAdmin} onConnectionError={reloadConnection} />
            </>
          )}
        </section>
        <HelpPanel />
      </div>
    </>
  );
}
