import { graphql } from '../graphql/generated';

export const recordAnnotationMutation = graphql(`
  mutation RecordAnnotation($input: RecordAnnotationInput!) {
    recordAnnotation(input: $input) {
      annotation {
        id
        label
        alterations
        comment
      }
      pair {
        id
        status
        annotationCount
      }
    }
  }
`);

export const adjudicatePairMutation = graphql(`
  mutation AdjudicatePair($input: AdjudicatePairInput!) {
    adjudicatePair(input: $input) {
      confirmedLabel {
        id
        label
        source
      }
      pair {
        id
        status
      }
    }
  }
`);

/** One pair to label: both images and nothing of the other annotators' labels. */
export const annotationPairQuery = graphql(`
  query AnnotationPair($id: ID!) {
    pair(id: $id) {
      id
      status
      annotationCount
      set {
        id
        name
      }
      imageA {
        id
        originalName
        width
        height
        displayUrl
        originalUrl
      }
      imageB {
        id
        originalName
        width
        height
        displayUrl
        originalUrl
      }
      myAnnotation {
        id
        label
        alterations
        comment
      }
      annotations {
        id
        label
        alterations
        annotator {
          id
          name
        }
      }
    }
  }
`);
