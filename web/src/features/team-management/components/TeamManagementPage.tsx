import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorCode, errorMessages } from '../../../lib/graphqlErrors';
import { useViewer } from '../../team-access/api/useViewer';
import { SessionBar } from '../../team-access/components/SessionBar';
import { AdminPageTabs } from './AdminPageTabs';
import { InviteUsersForm } from './InviteUsersForm';

/** Admin Settings > Team Management: where users are invited before Team Access lists them (R1, R8). Admins only (R9). */
export function TeamManagementPage({ onSignOut }: { onSignOut: (messages?: string[]) => void }) {
  const { t } = useTranslation();
  const { viewer, error: viewerError } = useViewer();
  const heading = useRef<HTMLHeadingElement>(null);

  const unauthenticated = errorCode(viewerError) === 'UNAUTHENTICATED';
  useEffect(() => {
    if (unauthenticated) onSignOut([t('auth.tokenRejected')]);
  }, [unauthenticated, onSignOut, t]);

  // Arriving from a link, a screen reader user hears the new page's name, and Tab starts from it.
  useEffect(() => heading.current?.focus(), []);

  if (unauthenticated) return null;

  const isAdmin = viewer?.role === 'ADMIN';
  return (
    <>
      <SessionBar viewer={viewer} onSignOut={() => onSignOut()} />
      {isAdmin && <AdminPageTabs current="teamManagement" />}
      <section className="content team-management" aria-labelledby="page-title">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {t('pages.teamManagement')}
        </h1>
        <p className="intro">{t('teamManagement.intro')}</p>
        <ErrorNotice messages={errorMessages(viewerError, t)} />
        {viewer && !isAdmin && <p className="notice">{t('teamManagement.adminsOnly')}</p>}
        {isAdmin && <InviteUsersForm />}
      </section>
    </>
  );
}
