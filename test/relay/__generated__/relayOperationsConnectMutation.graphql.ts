/**
 * @generated SignedSource<<b01505616b94917840f6a97003cd950f>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ItemErrorCode = "ALREADY_CONNECTED" | "DUPLICATE" | "EMAIL_ALREADY_INVITED" | "INVALID_EMAIL" | "INVALID_NAME" | "NOT_CONNECTED" | "USER_NOT_FOUND" | "WORKSPACES_NOT_ENABLED" | "WORKSPACE_NOT_FOUND" | "%future added value";
export type MarketoAccessStatus = "CONNECTED" | "NOT_CONNECTED" | "%future added value";
export type ConnectMarketoUsersInput = {
  assignments: ReadonlyArray<WorkspaceAssignmentInput>;
  idempotencyKey?: string | null | undefined;
};
export type WorkspaceAssignmentInput = {
  userIds: ReadonlyArray<string>;
  workspaceIds?: ReadonlyArray<string> | null | undefined;
};
export type relayOperationsConnectMutation$variables = {
  input: ConnectMarketoUsersInput;
};
export type relayOperationsConnectMutation$data = {
  readonly connectMarketoUsers: {
    readonly connectedCount: number;
    readonly results: ReadonlyArray<{
      readonly __typename: string;
      readonly code?: ItemErrorCode;
      readonly index?: number;
      readonly message?: string;
      readonly user?: {
        readonly id: string;
        readonly marketoAccess: {
          readonly status: MarketoAccessStatus;
          readonly workspaces: ReadonlyArray<{
            readonly id: string;
            readonly name: string;
          }>;
        };
      } | null | undefined;
    }>;
  } | null | undefined;
};
export type relayOperationsConnectMutation = {
  response: relayOperationsConnectMutation$data;
  variables: relayOperationsConnectMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v2 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "ConnectMarketoUsersPayload",
    "kind": "LinkedField",
    "name": "connectMarketoUsers",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "connectedCount",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "concreteType": null,
        "kind": "LinkedField",
        "name": "results",
        "plural": true,
        "selections": [
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "__typename",
            "storageKey": null
          },
          {
            "kind": "InlineFragment",
            "selections": [
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "index",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "TeamUser",
                "kind": "LinkedField",
                "name": "user",
                "plural": false,
                "selections": [
                  (v1/*:: as any*/),
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "MarketoAccess",
                    "kind": "LinkedField",
                    "name": "marketoAccess",
                    "plural": false,
                    "selections": [
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "status",
                        "storageKey": null
                      },
                      {
                        "alias": null,
                        "args": null,
                        "concreteType": "MarketoWorkspace",
                        "kind": "LinkedField",
                        "name": "workspaces",
                        "plural": true,
                        "selections": [
                          (v1/*:: as any*/),
                          {
                            "alias": null,
                            "args": null,
                            "kind": "ScalarField",
                            "name": "name",
                            "storageKey": null
                          }
                        ],
                        "storageKey": null
                      }
                    ],
                    "storageKey": null
                  }
                ],
                "storageKey": null
              }
            ],
            "type": "UserItemResult",
            "abstractKey": "__isUserItemResult"
          },
          {
            "kind": "InlineFragment",
            "selections": [
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "code",
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "kind": "ScalarField",
                "name": "message",
                "storageKey": null
              }
            ],
            "type": "ErrorResult",
            "abstractKey": "__isErrorResult"
          }
        ],
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "relayOperationsConnectMutation",
    "selections": (v2/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsConnectMutation",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "f9c3943e16bd2fa5117fecbb964f1a1f",
    "id": null,
    "metadata": {},
    "name": "relayOperationsConnectMutation",
    "operationKind": "mutation",
    "text": "mutation relayOperationsConnectMutation(\n  $input: ConnectMarketoUsersInput!\n) {\n  connectMarketoUsers(input: $input) {\n    connectedCount\n    results {\n      __typename\n      ... on UserItemResult {\n        __isUserItemResult: __typename\n        index\n        user {\n          id\n          marketoAccess {\n            status\n            workspaces {\n              id\n              name\n            }\n          }\n        }\n      }\n      ... on ErrorResult {\n        __isErrorResult: __typename\n        code\n        message\n      }\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "7b754afc1661d59fb7f8ec9abfaf6340";

export default node;
