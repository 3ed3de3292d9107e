/**
 * @generated SignedSource<<0838f03c48dbe1dc927d98a068a417b7>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type ConnectMarketoInput = {
  workspaceNames?: ReadonlyArray<string> | null | undefined;
  workspacesEnabled: boolean;
};
export type relayOperationsConnectMarketoMutation$variables = {
  input: ConnectMarketoInput;
};
export type relayOperationsConnectMarketoMutation$data = {
  readonly connectMarketo: {
    readonly connected: boolean;
    readonly id: string;
    readonly workspacesEnabled: boolean;
  } | null | undefined;
};
export type relayOperationsConnectMarketoMutation = {
  response: relayOperationsConnectMarketoMutation$data;
  variables: relayOperationsConnectMarketoMutation$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "input"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "input",
        "variableName": "input"
      }
    ],
    "concreteType": "MarketoConnection",
    "kind": "LinkedField",
    "name": "connectMarketo",
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
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "relayOperationsConnectMarketoMutation",
    "selections": (v1/*:: as any*/),
    "type": "Mutation",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsConnectMarketoMutation",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "ef829c01d3a159c93c9f420f5a687717",
    "id": null,
    "metadata": {},
    "name": "relayOperationsConnectMarketoMutation",
    "operationKind": "mutation",
    "text": "mutation relayOperationsConnectMarketoMutation(\n  $input: ConnectMarketoInput!\n) {\n  connectMarketo(input: $input) {\n    id\n    connected\n    workspacesEnabled\n  }\n}\n"
  }
};
})();

(node as any).hash = "838585025edaa031ac375d55f04b241d";

export default node;
