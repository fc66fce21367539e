/**
 * The GraphQL the leads send, validated against @octokit/graphql-schema in
 * test/leads-graphql.test.ts. GitHub counts a query as one request; a
 * `nodes` query takes up to 100 ids, and we send at most 50 at a time.
 */

/** Everything a lead's message and events need, for up to 50 pull requests at once. */
export const PULL_DETAILS_QUERY = `query LeadDetails($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    ... on PullRequest {
      id
      number
      url
      title
      state
      isDraft
      createdAt
      updatedAt
      mergedAt
      closedAt
      author { login }
      repository { nameWithOwner isPrivate }
      commits(last: 1) { nodes { commit { statusCheckRollup { state } } } }
      reviews(last: 30) {
        nodes { id state body submittedAt url authorAssociation author { login } }
      }
      comments(last: 30) {
        nodes { id body createdAt url authorAssociation author { login } }
      }
      closingIssuesReferences(first: 10) {
        nodes { number repository { nameWithOwner } }
      }
    }
  }
}`;

/** Where GitHub looks for CONTRIBUTING (root, .github/, docs/), in its order, one query for all. */
export const CONTRIBUTING_PATHS = [
  'CONTRIBUTING.md',
  'CONTRIBUTING',
  'CONTRIBUTING.rst',
  'CONTRIBUTING.txt',
  '.github/CONTRIBUTING.md',
  '.github/CONTRIBUTING',
  '.github/CONTRIBUTING.rst',
  'docs/CONTRIBUTING.md',
  'docs/CONTRIBUTING',
  'docs/CONTRIBUTING.rst',
] as const;

const blob = (path: string, n: number) =>
  `    f${n}: object(expression: "HEAD:${path}") { ... on Blob { text isTruncated } }`;

export const CONTRIBUTING_QUERY = `query Contributing($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
${CONTRIBUTING_PATHS.map((p, n) => blob(p, n)).join('\n')}
  }
}`;
