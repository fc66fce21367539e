/**
 * The one GraphQL query that enriches every search hit at once (≤ 100 node
 * ids): stars, archived, locked, assignees, the latest comments with author
 * association, and open pull requests that link or cross-reference the issue.
 * Validated against @octokit/graphql-schema in test/radar-graphql.test.ts.
 */
export const ENRICH_QUERY = /* GraphQL */ `
  query GigopsEnrich($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Issue {
        id
        number
        locked
        repository {
          nameWithOwner
          stargazerCount
          isArchived
        }
        assignees(first: 1) {
          totalCount
        }
        comments(last: 30) {
          totalCount
          nodes {
            authorAssociation
            createdAt
            body
          }
        }
        closedByPullRequestsReferences(first: 5, includeClosedPrs: false) {
          totalCount
        }
        timelineItems(last: 20, itemTypes: [CROSS_REFERENCED_EVENT, CONNECTED_EVENT]) {
          nodes {
            __typename
            ... on CrossReferencedEvent {
              source {
                __typename
                ... on PullRequest {
                  state
                }
              }
            }
            ... on ConnectedEvent {
              subject {
                __typename
                ... on PullRequest {
                  state
                }
              }
            }
          }
        }
      }
    }
  }
`;
