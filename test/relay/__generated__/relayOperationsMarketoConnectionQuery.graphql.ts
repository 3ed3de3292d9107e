/**
 * @generated SignedSource<<f0f7ba7326ad8e7c5fa52590a4fc447f>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type relayOperationsMarketoConnectionQuery$variables = Record<PropertyKey, never>;
export type relayOperationsMarketoConnectionQuery$data = {
  readonly marketoConnection: {
    readonly connected: boolean;
    readonly id: string;
    readonly workspacesEnabled: boolean;
  } | null | undefined;
};
export type relayOperationsMarketoConnectionQuery = {
  response: relayOperationsMarketoConnectionQuery$data;
  variables: relayOperationsMarketoConnectionQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "alias": null,
    "args": null,
    "concreteType": "MarketoConnection",
    "kind": "LinkedField",
    "name": "marketoConnection",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "connected",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "workspacesEnabled",
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "relayOperationsMarketoConnectionQuery",
    "selections": (v0/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "relayOperationsMarketoConnectionQuery",
    "selections": (v0/*:: as any*/)
  },
  "params": {
    "cacheID": "9e5d96e13ff3b01b0ec1d22317c8af60",
    "id": null,
    "metadata": {},
    "name": "relayOperationsMarketoConnectionQuery",
    "operationKind": "query",
    "text": "query relayOperationsMarketoConnectionQuery {\n  marketoConnection {\n    id\n    connected\n    workspacesEnabled\n  }\n}\n"
  }
};
})();

(node as any).hash = "b5fad16c77835b3fca58fc3b3dc9e6fd";

export default node;
