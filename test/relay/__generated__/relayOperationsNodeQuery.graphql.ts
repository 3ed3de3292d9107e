/**
 * @generated SignedSource<<8238a662ab542e9922205d57c1307880>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type relayOperationsNodeQuery$variables = {
  id: string;
};
export type relayOperationsNodeQuery$data = {
  readonly node: {
    readonly __typename: string;
    readonly email?: string;
    readonly id: string;
    readonly name?: string;
  } | null | undefined;
};
export type relayOperationsNodeQuery = {
  response: relayOperationsNodeQuery$data;
  variables: relayOperationsNodeQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v2 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": null,
    "kind": "LinkedField",
    "name": "node",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "__typename",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
      {
        "kind": "InlineFragment",
        "selections": [
          (v1/*:: as any*/),
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "email",
            "storageKey": null
          }
        ],
        "type": "TeamUser",
        "abstractKey": null
      },
      {
        "kind": "InlineFragment",
        "selections": [
          (v1/*:: as any*/)
        ],
        "type": "MarketoWorkspace",
        "abstractKey": null
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
    "name": "relayOperationsNodeQuery",
    "selections": (v2/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsNodeQuery",
    "selections": (v2/*:: as any*/)
  },
  "params": {
    "cacheID": "662f5b19fdd46576adb099fe26a84e25",
    "id": null,
    "metadata": {},
    "name": "relayOperationsNodeQuery",
    "operationKind": "query",
    "text": "query relayOperationsNodeQuery(\n  $id: ID!\n) {\n  node(id: $id) {\n    __typename\n    id\n    ... on TeamUser {\n      name\n      email\n    }\n    ... on MarketoWorkspace {\n      name\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "5a10077525a3ac29fdc737d001afb997";

export default node;
