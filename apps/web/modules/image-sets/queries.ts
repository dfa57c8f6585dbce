import { graphql } from '../graphql/generated';

export const imageSetsQuery = graphql(`
  query ImageSets($first: Int, $after: String) {
    imageSets(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          description
          status
          createdAt
          createdBy {
            id
            name
          }
          progress {
            imagesTotal
            imagesIngested
            imagesFailed
            pairsFlagged
          }
        }
      }
    }
  }
`);

export const createImageSetMutation = graphql(`
  mutation CreateImageSet($input: CreateImageSetInput!) {
    createImageSet(input: $input) {
      imageSet {
        id
        name
      }
    }
  }
`);

export const imageSetQuery = graphql(`
  query ImageSet($id: ID!) {
    imageSet(id: $id) {
      id
      name
      description
      status
      error
      createdAt
      scoredAt
      createdBy {
        id
        name
      }
      modelVersion {
        id
        name
        threshold
        verifiedThreshold
      }
      progress {
        imagesTotal
        imagesIngested
        imagesFailed
        imagesEmbedded
        pairsTotal
        pairsScored
        pairsFlagged
        pairsToVerify
        pairsVerified
      }
    }
  }
`);

export const setImagesQuery = graphql(`
  query SetImages($id: ID!, $first: Int, $after: String, $status: ImageStatus) {
    imageSet(id: $id) {
      id
      images(first: $first, after: $after, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            originalName
            status
            error
            width
            height
            format
            byteSize
            thumbnailUrl
            duplicateOf {
              id
              originalName
            }
          }
        }
      }
    }
  }
`);
