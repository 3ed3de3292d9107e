import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminPageTabs } from '../../../components/AdminPageTabs';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorCode, errorMessages } from '../../../lib/graphqlErrors';
import type { AdminPage } from '../../../lib/useAdminPage';
import { useMarketoConnection } from '../api/useMarketoConnection';
import { useViewer } from '../api/useViewer';
import { Breadcrumb } from './Breadcrumb';
import { MarketoConnectionPanel } from './MarketoConnectionPanel';
import { SessionBar } from './SessionBar';
import { TeamAccessList } from './TeamAccessList';

interface Props {
  onSignOut: (messages?: string[]) => void;
  /** Goes beside the list (the help article is another feature's). */
  helpPanel: ReactNode;
  /** The page the address names: the Team Access list, or Team Management in its place. */
  page: AdminPage;
  /** Team Management (another feature's), once the viewer's role is known. */
  teamManagement: (isAdmin: boolean) => ReactNode;
}

/**
 * Settings > Admin Settings > Marketo > User Access: the Team Access list, under who is signed in and,
 * for admins, the tabs to Team Management, which this page shows in the list's place when asked (R8).
 */
export function TeamAccessPage({ onSignOut, helpPanel, page, teamManagement }: Props) {
  const { t } = useTranslation();
  const { viewer, error: viewerError } = useViewer();
  const { connection, error: connectionError, reload: reloadConnection } = useMarketoConnection();

  const unauthenticated = errorCode(viewerError) === 'UNAUTHENTICATED';
  // The server's message speaks to API clients (it names the Authorization header); people get plain words.
  useEffect(() => {
    if (unauthenticated) onSignOut([t('auth.tokenRejected')]);
  }, [unauthenticated, onSignOut, t]);

  // The sign-in form shows why, in a moment.
  if (unauthenticated) return null;

  const isAdmin = viewer?.role === 'ADMIN';
  return (
    <>
      <SessionBar viewer={viewer} onSignOut={() => onSignOut()} />
      {page === 'teamAccess' && <Breadcrumb />}
      {/* Users are invited on Team Management before they appear here (R1, R8); only admins invite (R9). */}
      {isAdmin && <AdminPageTabs current={page} />}
      {page === 'teamManagement' ? (
        <>
          <ErrorNotice messages={errorMessages(viewerError, t)} />
          {viewer && teamManagement(isAdmin)}
        </>
      ) : (
        <div className="layout">
          <section className="content" aria-labelledby="page-title">
            <h1 id="page-title">{t('pages.teamAccess')}</h1>
            <p className="intro">{t('teamAccess.intro')}</p>
            <ErrorNotice messages={[...errorMessages(viewerError, t), ...errorMessages(connectionError, t)]} />
            {viewer && connection && (
              <>
                <MarketoConnectionPanel connection={connection} isAdmin={isAdmin} onChanged={reloadConnection} />
                <TeamAccessList connection={connection} isAdmin={isAdmin} onConnectionError={reloadConnection} />
              </>
            )}
          </section>
          {helpPanel}
        </div>
      )}
    </>
  );
}
