import { useTranslation } from 'react-i18next';

interface Props {
  /** 1 for the first page. */
  pageNumber: number;
  /** Of the page shown; undefined while it loads. */
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
  /** Users in the whole list, undefined while it loads. */
  totalCount: number | undefined;
  pageSize: number;
  onPrevious: () => void;
  onNext: (endCursor: string) => void;
}

export function Pagination({ pageNumber, pageInfo, totalCount, pageSize, onPrevious, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('teamAccess.pagination')}>
      <button type="button" disabled={pageNumber === 1} onClick={onPrevious}>
        {t('actions.previous')}
      </button>
      <span>
        {totalCount === undefined
          ? t('teamAccess.page', { page: pageNumber })
          : t('teamAccess.pageOf', { page: pageNumber, pageCount: pageCount(totalCount, pageSize) })}
      </span>
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

/** An empty list still shows one (empty) page. */
function pageCount(totalCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(totalCount / pageSize));
}
