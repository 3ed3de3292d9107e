import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import type { WorkspaceOption } from '../api/useMarketoWorkspaces';
import { formatList } from '../utils/formatList';

interface Props {
  options: WorkspaceOption[];
  selectedIds: string[];
  onChange: (workspaceIds: string[]) => void;
}

/** The optional Workspace step (R4): several may be chosen, none means the Default workspace (R5). */
export function WorkspacePicker({ options, selectedIds, onChange }: Props) {
  const { t } = useTranslation();
  const language = usePageLanguage();
  const selectId = useId();
  const hintId = useId();
  const selectedNames = options.filter((workspace) => selectedIds.includes(workspace.id)).map((workspace) => workspace.name);

  return (
    <div className="field workspace">
      <div className="label-row">
        <label htmlFor={selectId}>{t('workspace.dropdown')}</label>
        <span className="tag">{t('workspace.optionalStep')}</span>
      </div>
      <select
        id={selectId}
        multiple
        size={Math.min(4, Math.max(2, options.length))}
        value={selectedIds}
        aria-describedby={hintId}
        onChange={(event) => onChange(Array.from(event.target.selectedOptions, (option) => option.value))}
      >
        {options.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <p id={hintId} className="hint">
        {selectedNames.length > 0 ? t('workspace.selected', { names: formatList(selectedNames, language) }) : t('workspace.selectedNone')}{' '}
        {t('workspace.multiHint')}
      </p>
    </div>
  );
}
