import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { OrganizationDataVersion1764100000000 } from './1764100000000-organization-data-version';
import { PaginationIndexes1764200000000 } from './1764200000000-pagination-indexes';
import { ExactKeysAndNameKeys1764300000000 } from './1764300000000-exact-keys-and-name-keys';
import { NameSortKeys1764400000000 } from './1764400000000-name-sort-keys';
import { TeamSearchIndex1764500000000 } from './1764500000000-team-search-index';

/** Every migration, oldest first. A new one is added here and to `src/db/migrations/`. */
export const migrations = [
  InitialSchema1764000000000,
  OrganizationDataVersion1764100000000,
  PaginationIndexes1764200000000,
  ExactKeysAndNameKeys1764300000000,
  NameSortKeys1764400000000,
  TeamSearchIndex1764500000000,
];
