import { graphql } from '../graphql/generated';

export const pairsQuery = graphql(`
  query Pairs($filter: PairFilter, $first: Int, $after: String) {
    pairs(filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PairRow
        }
      }
    }
  }
`);

export const pairQuery = graphql(`
  query Pair($id: ID!) {
    pair(id: $id) {
      ...PairRow
      modelScore
      inliers
      createdAt
      decidedAt
      imageA {
        id
        originalName
        width
        height
        format
        displayUrl
        originalUrl
      }
      imageB {
        id
        originalName
        width
        height
        format
        displayUrl
        originalUrl
      }
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
        clusterId
        createdAt
        editor {
          id
          name
        }
      }
      confirmedLabel {
        id
        label
        source
        alterations
        comment
        createdAt
        adjudicator {
          id
          name
        }
      }
      annotations {
        id
        label
        alterations
        comment
        updatedAt
        annotator {
          id
          name
        }
      }
    }
  }
`);

export const recordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      decisions {
        id
        verdict
        pair {
          id
          status
          verdict
        }
      }
    }
  }
`);
