import { graphql } from '../graphql/generated';

export const membersQuery = graphql(`
  query Members {
    activeModelVersion {
      id
      name
      flagPrevalence
      verifiedThreshold
      flagSensitivity {
        prevalence
        threshold
        recall
        falseFlags
        negatives
      }
    }
    organization {
      id
      name
      annotationsRequired
      flagPrevalence
      members {
        id
        role
        createdAt
        user {
          id
          name
          email
        }
      }
      invitations {
        id
        email
        role
        createdAt
        expiresAt
        acceptedAt
        revokedAt
        invitedBy {
          id
          name
        }
      }
    }
  }
`);

export const inviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      acceptUrl
      invitation {
        id
        email
        role
      }
    }
  }
`);

export const changeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      member {
        id
        role
      }
    }
  }
`);

export const removeMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      memberId
    }
  }
`);

export const revokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        revokedAt
      }
    }
  }
`);

export const invitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      email
      role
      organizationName
      invitedByName
      expiresAt
      accountExists
    }
  }
`);

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      membership {
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

export const updateOrganizationSettingsMutation = graphql(`
  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      organization {
        id
        annotationsRequired
        flagPrevalence
      }
    }
  }
`);
