export enum Role {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/** The caller of a request: a team user of one organization, resolved once from the bearer token. */
export interface Viewer {
  userId: string;
  organizationId: string;
  role: Role;
}
