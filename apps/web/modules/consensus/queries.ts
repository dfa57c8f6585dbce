import { graphql } from '../graphql/generated';

/** Pairs with their annotations: what agreement is computed from (editors see every label). */
export const consensusPairsQuery = graphql(`
  query ConsensusPairs($filter: PairFilter, $after: String) {
    pairs(filter: $filter, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PairRow
          annotations {
            id
            label
            alterations
            comment
            annotator {
              id
              name
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
