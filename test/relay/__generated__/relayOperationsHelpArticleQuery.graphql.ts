/**
 * @generated SignedSource<<f823c766a94c89e966229db11bcda458>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type relayOperationsHelpArticleQuery$variables = {
  locale: string;
};
export type relayOperationsHelpArticleQuery$data = {
  readonly helpArticle: {
    readonly id: string;
    readonly locale: string;
    readonly title: string;
    readonly topic: string;
  } | null | undefined;
};
export type relayOperationsHelpArticleQuery = {
  response: relayOperationsHelpArticleQuery$data;
  variables: relayOperationsHelpArticleQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "locale"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Literal",
        "name": "id",
        "value": "grant-marketo-access-to-users"
      },
      {
        "kind": "Variable",
        "name": "locale",
        "variableName": "locale"
      }
    ],
    "concreteType": "HelpArticle",
    "kind": "LinkedField",
    "name": "helpArticle",
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
        "name": "topic",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "locale",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "title",
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
    "name": "relayOperationsHelpArticleQuery",
    "selections": (v1/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "relayOperationsHelpArticleQuery",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "eabfe69a490a86ba6a0860e77b34e4fa",
    "id": null,
    "metadata": {},
    "name": "relayOperationsHelpArticleQuery",
    "operationKind": "query",
    "text": "query relayOperationsHelpArticleQuery(\n  $locale: String!\n) {\n  helpArticle(id: \"grant-marketo-access-to-users\", locale: $locale) {\n    id\n    topic\n    locale\n    title\n  }\n}\n"
  }
};
})();

(node as any).hash = "1fb80fa031760bee66c39a8972b89f6f";

export default node;
