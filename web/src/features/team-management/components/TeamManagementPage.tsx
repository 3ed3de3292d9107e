import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteUsersForm } from './InviteUsersForm';

/**
 * Admin Settings > Team Management: where users are invited before Team Access lists them (R1, R8).
 * Admins only (R9): anyone else who comes by its address reads why there is no form.
 */
export function TeamManagementPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  // Arriving from a link, a screen reader user hears the new page's name, and Tab starts from it.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="content team-management" aria-labelledby="page-title">
      <h1 id="page-title" ref={heading} tabIndex={-1}>
        {t('pages.teamManagement')}
      </h1>
      <p className="intro">{t('teamManagement.intro')}</p>
      {isAdmin ? <InviteUsersForm /> : <p className="notice">{t('teamManagement.adminsOnly')}</p>}
    </section>
  );
}
