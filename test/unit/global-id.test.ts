import { fromGlobalId, inputIdOf, localIdOf, toGlobalId } from '../../src/graphql/global-id';

const uuid = '0190a1b2-89d7-75d8-93af-fa903a33ded6';

describe('global ids', () => {
  it('round-trips type and local id, and is URL-safe', () => {
    const id = toGlobalId('TeamUser', uuid);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ typeName: 'TeamUser', localId: uuid });
    expect(fromGlobalId(toGlobalId('HelpArticle', 'grant-marketo-access-to-users.sv'))).toEqual({
      typeName: 'HelpArticle',
      localId: 'grant-marketo-access-to-users.sv',
    });
  });

  it('reads anything else as no global id: raw UUIDs, topics, padding, other spellings of the same bytes', () => {
    for (const input of [
      uuid,
      'grant-marketo-access-to-users',
      '',
      'not base64!',
      `${toGlobalId('TeamUser', uuid)}=`,
      toGlobalId('teamUser', uuid),
      'VGVhbVVzZXI6',
    ]) {
      expect(fromGlobalId(input)).toBeNull();
    }
  });

  it('takes in inputs the global id of the right type or a raw UUID (deprecated), and nothing else', () => {
    expect(localIdOf(toGlobalId('TeamUser', uuid), 'TeamUser')).toBe(uuid);
    expect(localIdOf(uuid, 'TeamUser')).toBe(uuid);
    expect(localIdOf(toGlobalId('MarketoWorkspace', uuid), 'TeamUser')).toBeNull();
    expect(localIdOf(toGlobalId('Organization', uuid), 'TeamUser', 'Organization')).toBe(uuid);
    // A bulk input's item that names nothing stays as given: no UUID, so it matches no row.
    const wrongType = toGlobalId('MarketoWorkspace', uuid);
    expect(inputIdOf(wrongType, 'TeamUser')).toBe(wrongType);
  });
});
