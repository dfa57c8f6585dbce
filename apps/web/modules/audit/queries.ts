import { graphql } from '../graphql/generated';

export const auditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actorEmail
          actor {
            id
            name
          }
          apiTokenId
          targetType
          targetId
          data
          createdAt
        }
      }
    }
  }
`);
