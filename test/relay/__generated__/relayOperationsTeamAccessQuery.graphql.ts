/**
 * @generated SignedSource<<5ac5fc366ce4019412c0ce4451e38ab3>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type MarketoAccessStatus = "CONNECTED" | "NOT_CONNECTED" | "%future added value";
export type relayOperationsTeamAccessQuery$variables = {
  first: number;
  status?: MarketoAccessStatus | null | undefined;
};
export type relayOperationsTeamAccessQuery$data = {
  readonly teamAccess: {
    readonly edges: ReadonlyArray<{
      readonly node: {
        readonly id: string;
        readonly marketoAccess: {
          readonly status: MarketoAccessStatus;
          readonly workspaces: ReadonlyArray<{
            readonly id: string;
            readonly name: string;
          }>;
        };
        readonly name: string;
      };
    }>;
    readonly totalCount: number;
  } | null | undefined;
};
export type relayOperationsTeamAccessQuery = {
  response: relayOperationsTeamAccessQuery$data;
  variables: relayOperationsTeamAccessQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "first"
  },
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "status"
  }
],
v1 = {
  "kind": "Variable",
  "name": "status",
  "variableName": "status"
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "id",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v4 = [
  {
    "alias": null,
    "args": null,
    "kind": "ScalarField",
    "name": "totalCount",
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "concreteType": "TeamAccessEdge",
    "kind": "LinkedField",
    "name": "edges",
    "plural": true,
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "TeamUser",
        "kind": "LinkedField",
        "name": "node",
        "plural": false,
        "selections": [
          (v2/*:: as any*/),
          (v3/*:: as any*/),
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
                  (v2/*:: as any*/),
                  (v3/*:: as any*/)
                ],
                "storageKey": null
              }
            ],
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "__typename",
            "storageKey": null
          }
        ],
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "cursor",
        "storageKey": null
      }
    ],
    "storageKey": null
  },
  {
    "alias": null,
    "args": null,
    "concreteType": "PageInfo",
    "kind": "LinkedField",
    "name": "pageInfo",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "endCursor",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "hasNextPage",
        "storageKey": null
      }
    ],
    "storageKey": null
  }
],
v5 = [
  {
    "kind": "Variable",
    "name": "first",
    "variableName": "first"
  },
  (v1/*:: as any*/)
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "relayOperationsTeamAccessQuery",
    "selections": [
      {
        "alias": "teamAccess",
        "args": [
          (v1/*:: as any*/)
        ],
        "concreteType": "TeamAccessConnection",
        "kind": "LinkedField",
        "name": "__relayOperations_teamAccess_connection",
        "plural": false,
        "selections": (v4/*:: as any*/),
        "storageKey": null
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsTeamAccessQuery",
    "selections": [
      {
        "alias": null,
        "args": (v5/*:: as any*/),
        "concreteType": "TeamAccessConnection",
        "kind": "LinkedField",
        "name": "teamAccess",
        "plural": false,
        "selections": (v4/*:: as any*/),
        "storageKey": null
      },
      {
        "alias": null,
        "args": (v5/*:: as any*/),
        "filters": [
          "status"
        ],
        "handle": "connection",
        "key": "relayOperations_teamAccess",
        "kind": "LinkedHandle",
        "name": "teamAccess"
      }
    ]
  },
  "params": {
    "cacheID": "e83d0869ca36ba9cdb9fc9273bea4ed0",
    "id": null,
    "metadata": {
      "connection": [
        {
          "count": "first",
          "cursor": null,
          "direction": "forward",
          "path": [
            "teamAccess"
          ]
        }
      ]
    },
    "name": "relayOperationsTeamAccessQuery",
    "operationKind": "query",
    "text": "query relayOperationsTeamAccessQuery(\n  $first: Int!\n  $status: MarketoAccessStatus\n) {\n  teamAccess(first: $first, status: $status) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        marketoAccess {\n          status\n          workspaces {\n            id\n            name\n          }\n        }\n        __typename\n      }\n      cursor\n    }\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "bb34aa5e569b325149a92d8c02adc198";

export default node;
