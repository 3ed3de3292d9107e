import { keyUsageFindings, scanKeyUses } from '../../src/modules/localization/key-usage';

describe('keys used by the code (src/ and web/src/)', () => {
  const files = [
    {
      path: 'web/src/A.tsx',
      defaultNamespace: 'ui',
      text: [
        'const { t } = useTranslation();',
        't(\'actions.connect\'); t("counts.users", { count }); t(`app.title`);',
        "<Trans i18nKey=\"notices.ready\" /> <Trans i18nKey={'notices.wait'} />; const x = { i18nKey: 'errors:access.NOPE' };",
        '// i18n-dynamic: ui:roles.*',
        't(`roles.${role}`); t(`status.${status}`);',
      ].join('\n'),
    },
    { path: 'src/b.ts', defaultNamespace: 'errors', text: "const { t } = useTranslation('ui'); t('help.title'); ctx.t(`errors:${key}`);" },
  ];
  const english = {
    en: {
      ui: {
        actions: { connect: 'Connect', dead: 'Dead' },
        counts: { users_one: '1 user', users_other: 'users' },
        app: { title: 'App' },
        notices: { ready: 'Ready', wait: 'Wait' },
        roles: { ADMIN: 'Admin', MEMBER: 'Member' },
        status: { CONNECTED: 'Connected' },
        help: { title: 'Help' },
      },
      errors: { access: { UNUSED_HERE: 'decided by ERROR_KEYS_IN_USE' } },
    },
  };

  it('finds literal keys, plural families, i18nKey props, namespaces, and declared dynamic families', () => {
    const uses = scanKeyUses(files);
    expect([...uses.keys].sort()).toEqual([
      'errors:access.NOPE',
      'ui:actions.connect',
      'ui:app.title',
      'ui:counts.users',
      'ui:help.title',
      'ui:notices.ready',
      'ui:notices.wait',
    ]);
    expect([...uses.dynamicPrefixes]).toEqual(['ui:roles.']);
    expect(uses.undeclared).toEqual(['web/src/A.tsx: ui:status.']);
  });

  it('reports keys used but missing in English, English keys nothing uses, undeclared dynamic families, and kept keys as warnings', () => {
    const findings = keyUsageFindings(english, scanKeyUses(files), { 'ui:status.CONNECTED': 'kept for another client' });
    expect(findings.map((finding) => [finding.severity, finding.kind, finding.key])).toEqual([
      ['failure', 'missing-in-english', 'errors:access.NOPE'],
      ['failure', 'unused', 'ui:actions.dead'],
      ['warning', 'unused', 'ui:status.CONNECTED'],
      ['failure', 'undeclared-dynamic-key', 'ui:status.'],
    ]);
  });
});
