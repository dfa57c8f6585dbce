/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RecordAnnotation($input: RecordAnnotationInput!) {\n    recordAnnotation(input: $input) {\n      annotation {\n        id\n        label\n        alterations\n        comment\n      }\n      pair {\n        id\n        status\n        annotationCount\n      }\n    }\n  }\n": typeof types.RecordAnnotationDocument,
    "\n  mutation AdjudicatePair($input: AdjudicatePairInput!) {\n    adjudicatePair(input: $input) {\n      confirmedLabel {\n        id\n        label\n        source\n      }\n      pair {\n        id\n        status\n      }\n    }\n  }\n": typeof types.AdjudicatePairDocument,
    "\n  query AnnotationPair($id: ID!) {\n    pair(id: $id) {\n      id\n      status\n      annotationCount\n      set {\n        id\n        name\n      }\n      imageA {\n        id\n        originalName\n        width\n        height\n        displayUrl\n        originalUrl\n      }\n      imageB {\n        id\n        originalName\n        width\n        height\n        displayUrl\n        originalUrl\n      }\n      myAnnotation {\n        id\n        label\n        alterations\n        comment\n      }\n      annotations {\n        id\n        label\n        alterations\n        annotator {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AnnotationPairDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorEmail\n          actor {\n            id\n            name\n          }\n          apiTokenId\n          targetType\n          targetId\n          data\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        name\n        email\n      }\n      activeOrganization {\n        id\n        name\n        annotationsRequired\n      }\n      memberships {\n        id\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        role\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  mutation SwitchOrganization($input: SwitchOrganizationInput!) {\n    switchOrganization(input: $input) {\n      viewer {\n        role\n      }\n    }\n  }\n": typeof types.SwitchOrganizationDocument,
    "\n  query ConsensusPairs($filter: PairFilter, $after: String) {\n    pairs(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n          annotations {\n            id\n            label\n            alterations\n            comment\n            annotator {\n              id\n              name\n            }\n          }\n          confirmedLabel {\n            label\n            source\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsensusPairsDocument,
    "\n  query ImageSets($first: Int, $after: String) {\n    imageSets(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          createdAt\n          createdBy {\n            id\n            name\n          }\n          progress {\n            imagesTotal\n            imagesIngested\n            imagesFailed\n            pairsFlagged\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImageSetsDocument,
    "\n  mutation CreateImageSet($input: CreateImageSetInput!) {\n    createImageSet(input: $input) {\n      imageSet {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateImageSetDocument,
    "\n  query ImageSet($id: ID!) {\n    imageSet(id: $id) {\n      id\n      name\n      description\n      status\n      error\n      createdAt\n      scoredAt\n      createdBy {\n        id\n        name\n      }\n      modelVersion {\n        id\n        name\n        threshold\n      }\n      progress {\n        imagesTotal\n        imagesIngested\n        imagesFailed\n        imagesEmbedded\n        pairsTotal\n        pairsScored\n        pairsFlagged\n      }\n    }\n  }\n": typeof types.ImageSetDocument,
    "\n  query SetImages($id: ID!, $first: Int, $after: String, $status: ImageStatus) {\n    imageSet(id: $id) {\n      id\n      images(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            originalName\n            status\n            error\n            width\n            height\n            format\n            byteSize\n            thumbnailUrl\n            duplicateOf {\n              id\n              originalName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SetImagesDocument,
    "\n  query Members {\n    organization {\n      id\n      name\n      annotationsRequired\n      members {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n      invitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n        acceptedAt\n        revokedAt\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      invitation {\n        id\n        email\n        role\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      organizationName\n      invitedByName\n      expiresAt\n      accountExists\n    }\n  }\n": typeof types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  fragment PairRow on Pair {\n    id\n    score\n    flagged\n    status\n    verdict\n    annotationCount\n    scope\n    set {\n      id\n      name\n    }\n    imageA {\n      id\n      originalName\n      thumbnailUrl\n    }\n    imageB {\n      id\n      originalName\n      thumbnailUrl\n    }\n  }\n": typeof types.PairRowFragmentDoc,
    "\n  query Pairs($filter: PairFilter, $first: Int, $after: String) {\n    pairs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n        }\n      }\n    }\n  }\n": typeof types.PairsDocument,
    "\n  query Pair($id: ID!) {\n    pair(id: $id) {\n      ...PairRow\n      createdAt\n      decidedAt\n      imageA {\n        id\n        originalName\n        width\n        height\n        format\n        displayUrl\n        originalUrl\n      }\n      imageB {\n        id\n        originalName\n        width\n        height\n        format\n        displayUrl\n        originalUrl\n      }\n      modelVersion {\n        id\n        name\n        threshold\n      }\n      decisions {\n        id\n        verdict\n        comment\n        clusterId\n        createdAt\n        editor {\n          id\n          name\n        }\n      }\n      confirmedLabel {\n        id\n        label\n        source\n        alterations\n        comment\n        createdAt\n        adjudicator {\n          id\n          name\n        }\n      }\n      annotations {\n        id\n        label\n        alterations\n        comment\n        updatedAt\n        annotator {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PairDocument,
    "\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decisions {\n        id\n        verdict\n        pair {\n          id\n          status\n          verdict\n        }\n      }\n    }\n  }\n": typeof types.RecordDecisionDocument,
    "\n  query CaseReportPairs($setId: ID!, $after: String) {\n    pairs(filter: { setId: $setId, flagged: true }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n          modelVersion {\n            id\n            name\n            threshold\n          }\n          decisions {\n            id\n            verdict\n            comment\n            createdAt\n            editor {\n              id\n              name\n              email\n            }\n          }\n          confirmedLabel {\n            label\n            source\n          }\n        }\n      }\n    }\n  }\n": typeof types.CaseReportPairsDocument,
};
const documents: Documents = {
    "\n  mutation RecordAnnotation($input: RecordAnnotationInput!) {\n    recordAnnotation(input: $input) {\n      annotation {\n        id\n        label\n        alterations\n        comment\n      }\n      pair {\n        id\n        status\n        annotationCount\n      }\n    }\n  }\n": types.RecordAnnotationDocument,
    "\n  mutation AdjudicatePair($input: AdjudicatePairInput!) {\n    adjudicatePair(input: $input) {\n      confirmedLabel {\n        id\n        label\n        source\n      }\n      pair {\n        id\n        status\n      }\n    }\n  }\n": types.AdjudicatePairDocument,
    "\n  query AnnotationPair($id: ID!) {\n    pair(id: $id) {\n      id\n      status\n      annotationCount\n      set {\n        id\n        name\n      }\n      imageA {\n        id\n        originalName\n        width\n        height\n        displayUrl\n        originalUrl\n      }\n      imageB {\n        id\n        originalName\n        width\n        height\n        displayUrl\n        originalUrl\n      }\n      myAnnotation {\n        id\n        label\n        alterations\n        comment\n      }\n      annotations {\n        id\n        label\n        alterations\n        annotator {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AnnotationPairDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorEmail\n          actor {\n            id\n            name\n          }\n          apiTokenId\n          targetType\n          targetId\n          data\n          createdAt\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        name\n        email\n      }\n      activeOrganization {\n        id\n        name\n        annotationsRequired\n      }\n      memberships {\n        id\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        role\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n": types.LogoutDocument,
    "\n  mutation SwitchOrganization($input: SwitchOrganizationInput!) {\n    switchOrganization(input: $input) {\n      viewer {\n        role\n      }\n    }\n  }\n": types.SwitchOrganizationDocument,
    "\n  query ConsensusPairs($filter: PairFilter, $after: String) {\n    pairs(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n          annotations {\n            id\n            label\n            alterations\n            comment\n            annotator {\n              id\n              name\n            }\n          }\n          confirmedLabel {\n            label\n            source\n          }\n        }\n      }\n    }\n  }\n": types.ConsensusPairsDocument,
    "\n  query ImageSets($first: Int, $after: String) {\n    imageSets(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          createdAt\n          createdBy {\n            id\n            name\n          }\n          progress {\n            imagesTotal\n            imagesIngested\n            imagesFailed\n            pairsFlagged\n          }\n        }\n      }\n    }\n  }\n": types.ImageSetsDocument,
    "\n  mutation CreateImageSet($input: CreateImageSetInput!) {\n    createImageSet(input: $input) {\n      imageSet {\n        id\n        name\n      }\n    }\n  }\n": types.CreateImageSetDocument,
    "\n  query ImageSet($id: ID!) {\n    imageSet(id: $id) {\n      id\n      name\n      description\n      status\n      error\n      createdAt\n      scoredAt\n      createdBy {\n        id\n        name\n      }\n      modelVersion {\n        id\n        name\n        threshold\n      }\n      progress {\n        imagesTotal\n        imagesIngested\n        imagesFailed\n        imagesEmbedded\n        pairsTotal\n        pairsScored\n        pairsFlagged\n      }\n    }\n  }\n": types.ImageSetDocument,
    "\n  query SetImages($id: ID!, $first: Int, $after: String, $status: ImageStatus) {\n    imageSet(id: $id) {\n      id\n      images(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            originalName\n            status\n            error\n            width\n            height\n            format\n            byteSize\n            thumbnailUrl\n            duplicateOf {\n              id\n              originalName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SetImagesDocument,
    "\n  query Members {\n    organization {\n      id\n      name\n      annotationsRequired\n      members {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n      invitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n        acceptedAt\n        revokedAt\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      invitation {\n        id\n        email\n        role\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      organizationName\n      invitedByName\n      expiresAt\n      accountExists\n    }\n  }\n": types.InvitationPreviewDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  fragment PairRow on Pair {\n    id\n    score\n    flagged\n    status\n    verdict\n    annotationCount\n    scope\n    set {\n      id\n      name\n    }\n    imageA {\n      id\n      originalName\n      thumbnailUrl\n    }\n    imageB {\n      id\n      originalName\n      thumbnailUrl\n    }\n  }\n": types.PairRowFragmentDoc,
    "\n  query Pairs($filter: PairFilter, $first: Int, $after: String) {\n    pairs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n        }\n      }\n    }\n  }\n": types.PairsDocument,
    "\n  query Pair($id: ID!) {\n    pair(id: $id) {\n      ...PairRow\n      createdAt\n      decidedAt\n      imageA {\n        id\n        originalName\n        width\n        height\n        format\n        displayUrl\n        originalUrl\n      }\n      imageB {\n        id\n        originalName\n        width\n        height\n        format\n        displayUrl\n        originalUrl\n      }\n      modelVersion {\n        id\n        name\n        threshold\n      }\n      decisions {\n        id\n        verdict\n        comment\n        clusterId\n        createdAt\n        editor {\n          id\n          name\n        }\n      }\n      confirmedLabel {\n        id\n        label\n        source\n        alterations\n        comment\n        createdAt\n        adjudicator {\n          id\n          name\n        }\n      }\n      annotations {\n        id\n        label\n        alterations\n        comment\n        updatedAt\n        annotator {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PairDocument,
    "\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decisions {\n        id\n        verdict\n        pair {\n          id\n          status\n          verdict\n        }\n      }\n    }\n  }\n": types.RecordDecisionDocument,
    "\n  query CaseReportPairs($setId: ID!, $after: String) {\n    pairs(filter: { setId: $setId, flagged: true }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n          modelVersion {\n            id\n            name\n            threshold\n          }\n          decisions {\n            id\n            verdict\n            comment\n            createdAt\n            editor {\n              id\n              name\n              email\n            }\n          }\n          confirmedLabel {\n            label\n            source\n          }\n        }\n      }\n    }\n  }\n": types.CaseReportPairsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAnnotation($input: RecordAnnotationInput!) {\n    recordAnnotation(input: $input) {\n      annotation {\n        id\n        label\n        alterations\n        comment\n      }\n      pair {\n        id\n        status\n        annotationCount\n      }\n    }\n  }\n"): typeof import('./graphql').RecordAnnotationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjudicatePair($input: AdjudicatePairInput!) {\n    adjudicatePair(input: $input) {\n      confirmedLabel {\n        id\n        label\n        source\n      }\n      pair {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').AdjudicatePairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AnnotationPair($id: ID!) {\n    pair(id: $id) {\n      id\n      status\n      annotationCount\n      set {\n        id\n        name\n      }\n      imageA {\n        id\n        originalName\n        width\n        height\n        displayUrl\n        originalUrl\n      }\n      imageB {\n        id\n        originalName\n        width\n        height\n        displayUrl\n        originalUrl\n      }\n      myAnnotation {\n        id\n        label\n        alterations\n        comment\n      }\n      annotations {\n        id\n        label\n        alterations\n        annotator {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AnnotationPairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorEmail\n          actor {\n            id\n            name\n          }\n          apiTokenId\n          targetType\n          targetId\n          data\n          createdAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      user {\n        id\n        name\n        email\n      }\n      activeOrganization {\n        id\n        name\n        annotationsRequired\n      }\n      memberships {\n        id\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      viewer {\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      ok\n    }\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchOrganization($input: SwitchOrganizationInput!) {\n    switchOrganization(input: $input) {\n      viewer {\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').SwitchOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsensusPairs($filter: PairFilter, $after: String) {\n    pairs(filter: $filter, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n          annotations {\n            id\n            label\n            alterations\n            comment\n            annotator {\n              id\n              name\n            }\n          }\n          confirmedLabel {\n            label\n            source\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsensusPairsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageSets($first: Int, $after: String) {\n    imageSets(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          createdAt\n          createdBy {\n            id\n            name\n          }\n          progress {\n            imagesTotal\n            imagesIngested\n            imagesFailed\n            pairsFlagged\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ImageSetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateImageSet($input: CreateImageSetInput!) {\n    createImageSet(input: $input) {\n      imageSet {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').CreateImageSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageSet($id: ID!) {\n    imageSet(id: $id) {\n      id\n      name\n      description\n      status\n      error\n      createdAt\n      scoredAt\n      createdBy {\n        id\n        name\n      }\n      modelVersion {\n        id\n        name\n        threshold\n      }\n      progress {\n        imagesTotal\n        imagesIngested\n        imagesFailed\n        imagesEmbedded\n        pairsTotal\n        pairsScored\n        pairsFlagged\n      }\n    }\n  }\n"): typeof import('./graphql').ImageSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SetImages($id: ID!, $first: Int, $after: String, $status: ImageStatus) {\n    imageSet(id: $id) {\n      id\n      images(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            originalName\n            status\n            error\n            width\n            height\n            format\n            byteSize\n            thumbnailUrl\n            duplicateOf {\n              id\n              originalName\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SetImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    organization {\n      id\n      name\n      annotationsRequired\n      members {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n      invitations {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n        acceptedAt\n        revokedAt\n        invitedBy {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      acceptUrl\n      invitation {\n        id\n        email\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').InviteMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      member {\n        id\n        role\n      }\n    }\n  }\n"): typeof import('./graphql').ChangeMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      memberId\n    }\n  }\n"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        revokedAt\n      }\n    }\n  }\n"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      email\n      role\n      organizationName\n      invitedByName\n      expiresAt\n      accountExists\n    }\n  }\n"): typeof import('./graphql').InvitationPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membership {\n        id\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PairRow on Pair {\n    id\n    score\n    flagged\n    status\n    verdict\n    annotationCount\n    scope\n    set {\n      id\n      name\n    }\n    imageA {\n      id\n      originalName\n      thumbnailUrl\n    }\n    imageB {\n      id\n      originalName\n      thumbnailUrl\n    }\n  }\n"): typeof import('./graphql').PairRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pairs($filter: PairFilter, $first: Int, $after: String) {\n    pairs(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PairsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Pair($id: ID!) {\n    pair(id: $id) {\n      ...PairRow\n      createdAt\n      decidedAt\n      imageA {\n        id\n        originalName\n        width\n        height\n        format\n        displayUrl\n        originalUrl\n      }\n      imageB {\n        id\n        originalName\n        width\n        height\n        format\n        displayUrl\n        originalUrl\n      }\n      modelVersion {\n        id\n        name\n        threshold\n      }\n      decisions {\n        id\n        verdict\n        comment\n        clusterId\n        createdAt\n        editor {\n          id\n          name\n        }\n      }\n      confirmedLabel {\n        id\n        label\n        source\n        alterations\n        comment\n        createdAt\n        adjudicator {\n          id\n          name\n        }\n      }\n      annotations {\n        id\n        label\n        alterations\n        comment\n        updatedAt\n        annotator {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PairDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDecision($input: RecordDecisionInput!) {\n    recordDecision(input: $input) {\n      decisions {\n        id\n        verdict\n        pair {\n          id\n          status\n          verdict\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RecordDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseReportPairs($setId: ID!, $after: String) {\n    pairs(filter: { setId: $setId, flagged: true }, first: 100, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PairRow\n          modelVersion {\n            id\n            name\n            threshold\n          }\n          decisions {\n            id\n            verdict\n            comment\n            createdAt\n            editor {\n              id\n              name\n              email\n            }\n          }\n          confirmedLabel {\n            label\n            source\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CaseReportPairsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
