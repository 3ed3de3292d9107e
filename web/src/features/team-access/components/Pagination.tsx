import { useTranslation } from 'react-i18next';

interface Props {
  /** 1 for the first page. */
  pageNumber: number;
  /** Of the page shown; undefined while it loads. */
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
  onPrevious: () => void;
  onNext: (endCursor: string) => void;
}

export function Pagination({ pageNumber, pageInfo, onPrevious, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('teamAccess.pagination')}>
      <button type="button" disabled={pageNumber === 1} onClick={onPrevious}>
        {t('actions.previous')}
      </button>
      <span>{t('teamAccess.page', { page: pageNumber })}</span>
      <button
        type="button"
        disabled={!pageInfo?.hasNextPage}
        onClick={() => {
          if (pageInfo?.endCursor) onNext(pageInfo.endCursor);
        }}
      >
        {t('actions.next')}
      </button>
    </nav>
  );
}
