import { graphql } from '../graphql/generated';

/** What a list row of a pair needs: both images, the score and where it stands. */
export const pairRowFragment = graphql(`
  fragment PairRow on Pair {
    id
    score
    flagged
    status
    verdict
    annotationCount
    scope
    set {
      id
      name
    }
    imageA {
      id
      originalName
      thumbnailUrl
    }
    imageB {
      id
      originalName
      thumbnailUrl
    }
  }
`);
