import { graphql } from '../graphql/generated';

export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      user {
        id
        name
        email
      }
      activeOrganization {
        id
        name
        annotationsRequired
        flagPrevalence
      }
      memberships {
        id
        role
        organization {
          id
          name
        }
      }
    }
  }
`);

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer {
        role
      }
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
    }
  }
`);

export const switchOrganizationMutation = graphql(`
  mutation SwitchOrganization($input: SwitchOrganizationInput!) {
    switchOrganization(input: $input) {
      viewer {
        role
      }
    }
  }
`);
