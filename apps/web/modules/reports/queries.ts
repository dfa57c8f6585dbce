import { graphql } from '../graphql/generated';

/** Every flagged pair of a set with its decisions: the body of the case report. */
export const caseReportPairsQuery = graphql(`
  query CaseReportPairs($setId: ID!, $after: String) {
    pairs(filter: { setId: $setId, flagged: true }, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PairRow
          modelScore
          inliers
          modelVersion {
            id
            name
            threshold
            verifiedThreshold
          }
          decisions {
            id
            verdict
            comment
            createdAt
            editor {
              id
              name
              email
            }
          }
          confirmedLabel {
            label
            source
          }
        }
      }
    }
  }
`);
