import { useTranslation } from 'react-i18next';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import type { Viewer } from '../api/useViewer';
import { formatList } from '../utils/formatList';

/** Who is signed in, what their access unlocked (R7), and Sign out. */
export function SessionBar({ viewer, onSignOut }: { viewer: Viewer | undefined; onSignOut: () => void }) {
  const { t } = useTranslation();
  // i18n-dynamic: ui:features.* (one key per unlocked feature code)
  // i18n-dynamic: ui:roles.* (one key per Role)
  const language = usePageLanguage();
  const features = viewer?.unlockedFeatures.map((feature) => t(`features.${feature}`)) ?? [];

  return (
    <div className="session">
      {viewer && (
        <p>
          {t('auth.signedInAs', { name: viewer.user.name, role: t(`roles.${viewer.role}`), organization: viewer.organization.name })}
          {features.length > 0 && (
            <span className="features">
              {' · '}
              {t('features.unlocked', { features: formatList(features, language) })}
            </span>
          )}
        </p>
      )}
      <button type="button" onClick={onSignOut}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
