/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  /** For a new account. */
  name?: string | null | undefined;
  /** For a new account, or the existing account's password when not signed in as it. */
  password?: string | null | undefined;
  token: string;
};

export type AdjudicatePairInput = {
  alterations?: Array<Alteration> | null | undefined;
  comment?: string | null | undefined;
  label: ConfirmedLabelValue;
  pairId: string | number;
};

export type Alteration =
  | 'COLOUR'
  | 'CROP'
  | 'FLIP'
  | 'NOISE'
  | 'OTHER'
  | 'ROTATION';

export type AnnotationLabel =
  | 'DIFFERENT'
  | 'SAME'
  | 'UNSURE';

export type AuditLogFilter = {
  /** Exact action, e.g. decision.record, or a prefix ending in a dot: decision. */
  action?: string | null | undefined;
  actorId?: string | number | null | undefined;
  since?: string | null | undefined;
  targetId?: string | null | undefined;
  targetType?: string | null | undefined;
  until?: string | null | undefined;
};

export type CancelTrainingRunInput = {
  trainingRunId: string | number;
};

export type ChangeMemberRoleInput = {
  memberId: string | number;
  role: Role;
};

export type ConfirmedLabelSource =
  | 'ADJUDICATED'
  | 'AGREED';

export type ConfirmedLabelValue =
  | 'DIFFERENT'
  | 'SAME';

export type CreateImageSetInput = {
  description?: string | null | undefined;
  name: string;
};

export type GateSuite =
  | 'HELD_OUT'
  | 'STANDARD';

export type ImageSetStatus =
  | 'EMBEDDING'
  | 'EMPTY'
  | 'FAILED'
  | 'INGESTING'
  | 'READY'
  | 'SCORING';

export type ImageStatus =
  | 'FAILED'
  | 'INGESTING'
  | 'PENDING'
  | 'READY';

export type InviteMemberInput = {
  email: string;
  role: Role;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type ModelVersionStatus =
  | 'ACTIVE'
  | 'CANDIDATE'
  | 'RETIRED';

export type PairFilter = {
  /** Pairs with this alteration in an annotation or in the confirmed label. */
  alteration?: Alteration | null | undefined;
  flagged?: boolean | null | undefined;
  maxScore?: number | null | undefined;
  minScore?: number | null | undefined;
  setId?: string | number | null | undefined;
  status?: Array<PairStatus> | null | undefined;
  /** true: only pairs the caller has not annotated yet (an annotator's queue). */
  unlabelledByMe?: boolean | null | undefined;
};

export type PairScope =
  | 'ARCHIVE'
  | 'WITHIN_SET';

export type PairStatus =
  | 'CONFIRMED_DIFFERENT'
  | 'CONFIRMED_SAME'
  | 'DECIDED'
  | 'IN_ANNOTATION'
  | 'NEEDS_ADJUDICATION'
  | 'OPEN';

export type RecordAnnotationInput = {
  alterations?: Array<Alteration> | null | undefined;
  comment?: string | null | undefined;
  label: AnnotationLabel;
  pairId: string | number;
};

export type RecordDecisionInput = {
  comment?: string | null | undefined;
  /** One pair, or every pair of a cluster (at most 500). */
  pairIds: Array<string | number>;
  verdict: Verdict;
};

export type RemoveMemberInput = {
  memberId: string | number;
};

export type RevokeInvitationInput = {
  id: string | number;
};

export type Role =
  | 'ADMIN'
  | 'ANNOTATOR'
  | 'EDITOR';

export type SetActiveModelVersionInput = {
  modelVersionId: string | number;
};

export type SetTrainingScheduleInput = {
  /** A 5-field cron pattern, e.g. '0 3 * * *' */
  cron?: string | null | undefined;
  enabled: boolean;
  /** 5-10080; ignored when cron is set */
  everyMinutes?: number | null | undefined;
  /** 1-100000 */
  minNewLabels: number;
  params?: TrainingParamsInput | null | undefined;
};

export type StartTrainingRunInput = {
  params?: TrainingParamsInput | null | undefined;
  /** Train on every organization's data (a platform model). Platform admins only. */
  platformWide?: boolean | null | undefined;
};

export type SwitchOrganizationInput = {
  organizationId: string | number;
};

/** parallel: BCE + λ·Barlow Twins at once (the default); consecutive: Barlow Twins, then the head. */
export type TrainingMode =
  | 'CONSECUTIVE'
  | 'PARALLEL';

/** Within safe bounds; unset values come from the server's preset (TRAIN_PRESET). */
export type TrainingParamsInput = {
  /** 8-256 */
  batchSize?: number | null | undefined;
  /** 1-200 */
  epochs?: number | null | undefined;
  /** 1-10, default 3 */
  hardNegativeWeight?: number | null | undefined;
  /** 1-50, consecutive mode */
  headEpochs?: number | null | undefined;
  /** 0-10 */
  labelledPairsWeight?: number | null | undefined;
  /** 1e-5 to 1e-2 */
  learningRate?: number | null | undefined;
  /** 1-1440: stop cleanly after this many minutes and evaluate */
  maxMinutes?: number | null | undefined;
  mode?: TrainingMode | null | undefined;
  seed?: number | null | undefined;
  start?: TrainingStart | null | undefined;
};

export type TrainingRunStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type TrainingStage =
  | 'CALIBRATING'
  | 'EVALUATING'
  | 'EXPORTING'
  | 'FINISHED'
  | 'INTERRUPTED'
  | 'PREPARING'
  | 'QUEUED'
  | 'TRAINING';

/** ACTIVE: fine-tune the weights of the model in use (the default; from scratch when none is active); SCRATCH: random weights. */
export type TrainingStart =
  | 'ACTIVE'
  | 'SCRATCH';

export type TrainingTrigger =
  | 'MANUAL'
  | 'SCHEDULE';

/** Omitted fields keep their value. */
export type UpdateOrganizationSettingsInput = {
  /** Independent labels each pair needs before consensus (1-5). */
  annotationsRequired?: number | null | undefined;
  /**
   * Flag sensitivity, 0.001-0.4 (see Organization.flagPrevalence); null returns to the model's own.
   * Verified pairs are re-flagged at once; a pair already annotated or decided keeps its flag.
   */
  flagPrevalence?: number | null | undefined;
};

export type Verdict =
  | 'CONFIRMED_DUPLICATE'
  | 'NEEDS_DISCUSSION'
  | 'NOT_DUPLICATE';

export type RecordAnnotationMutationVariables = Exact<{
  input: RecordAnnotationInput;
}>;


export type RecordAnnotationMutation = { recordAnnotation: { annotation: { id: string, label: AnnotationLabel, alterations: Array<Alteration>, comment: string | null }, pair: { id: string, status: PairStatus, annotationCount: number } } };

export type AdjudicatePairMutationVariables = Exact<{
  input: AdjudicatePairInput;
}>;


export type AdjudicatePairMutation = { adjudicatePair: { confirmedLabel: { id: string, label: ConfirmedLabelValue, source: ConfirmedLabelSource }, pair: { id: string, status: PairStatus } } };

export type AnnotationPairQueryVariables = Exact<{
  id: string | number;
}>;


export type AnnotationPairQuery = { pair: { id: string, status: PairStatus, annotationCount: number, set: { id: string, name: string }, imageA: { id: string, originalName: string, width: number | null, height: number | null, displayUrl: string | null, originalUrl: string | null }, imageB: { id: string, originalName: string, width: number | null, height: number | null, displayUrl: string | null, originalUrl: string | null }, myAnnotation: { id: string, label: AnnotationLabel, alterations: Array<Alteration>, comment: string | null } | null, annotations: Array<{ id: string, label: AnnotationLabel, alterations: Array<Alteration>, annotator: { id: string, name: string } }> } | null };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, action: string, actorEmail: string | null, apiTokenId: string | null, targetType: string, targetId: string | null, data: unknown, createdAt: string, actor: { id: string, name: string } | null } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role | null, user: { id: string, name: string, email: string }, activeOrganization: { id: string, name: string, annotationsRequired: number, flagPrevalence: number | null } | null, memberships: Array<{ id: string, role: Role, organization: { id: string, name: string } }> } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { viewer: { role: Role | null } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { ok: boolean } };

export type SwitchOrganizationMutationVariables = Exact<{
  input: SwitchOrganizationInput;
}>;


export type SwitchOrganizationMutation = { switchOrganization: { viewer: { role: Role | null } } };

export type ConsensusPairsQueryVariables = Exact<{
  filter?: PairFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsensusPairsQuery = { pairs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, score: number, flagged: boolean, status: PairStatus, verdict: Verdict | null, annotationCount: number, scope: PairScope, annotations: Array<{ id: string, label: AnnotationLabel, alterations: Array<Alteration>, comment: string | null, annotator: { id: string, name: string } }>, confirmedLabel: { label: ConfirmedLabelValue, source: ConfirmedLabelSource } | null, set: { id: string, name: string }, imageA: { id: string, originalName: string, thumbnailUrl: string | null }, imageB: { id: string, originalName: string, thumbnailUrl: string | null } } }> } };

export type ImageSetsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImageSetsQuery = { imageSets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, description: string | null, status: ImageSetStatus, createdAt: string, createdBy: { id: string, name: string } | null, progress: { imagesTotal: number, imagesIngested: number, imagesFailed: number, pairsFlagged: number } } }> } };

export type CreateImageSetMutationVariables = Exact<{
  input: CreateImageSetInput;
}>;


export type CreateImageSetMutation = { createImageSet: { imageSet: { id: string, name: string } } };

export type ImageSetQueryVariables = Exact<{
  id: string | number;
}>;


export type ImageSetQuery = { imageSet: { id: string, name: string, description: string | null, status: ImageSetStatus, error: string | null, createdAt: string, scoredAt: string | null, createdBy: { id: string, name: string } | null, modelVersion: { id: string, name: string, threshold: number, verifiedThreshold: number | null } | null, progress: { imagesTotal: number, imagesIngested: number, imagesFailed: number, imagesEmbedded: number, pairsTotal: number, pairsScored: number, pairsFlagged: number, pairsToVerify: number, pairsVerified: number } } | null };

export type SetImagesQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: ImageStatus | null | undefined;
}>;


export type SetImagesQuery = { imageSet: { id: string, images: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, originalName: string, status: ImageStatus, error: string | null, width: number | null, height: number | null, format: string | null, byteSize: number | null, thumbnailUrl: string | null, duplicateOf: { id: string, originalName: string } | null } }> } } | null };

export type MembersQueryVariables = Exact<{ [key: string]: never; }>;


export type MembersQuery = { activeModelVersion: { id: string, name: string, flagPrevalence: number | null, verifiedThreshold: number | null, flagSensitivity: Array<{ prevalence: number, threshold: number, recall: number, falseFlags: number, negatives: number }> } | null, organization: { id: string, name: string, annotationsRequired: number, flagPrevalence: number | null, members: Array<{ id: string, role: Role, createdAt: string, user: { id: string, name: string, email: string } }>, invitations: Array<{ id: string, email: string, role: Role, createdAt: string, expiresAt: string, acceptedAt: string | null, revokedAt: string | null, invitedBy: { id: string, name: string } }> } | null };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { inviteMember: { acceptUrl: string, invitation: { id: string, email: string, role: Role } } };

export type ChangeMemberRoleMutationVariables = Exact<{
  input: ChangeMemberRoleInput;
}>;


export type ChangeMemberRoleMutation = { changeMemberRole: { member: { id: string, role: Role } } };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type RemoveMemberMutation = { removeMember: { memberId: string } };

export type RevokeInvitationMutationVariables = Exact<{
  input: RevokeInvitationInput;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { invitation: { id: string, revokedAt: string | null } } };

export type InvitationPreviewQueryVariables = Exact<{
  token: string;
}>;


export type InvitationPreviewQuery = { invitation: { email: string, role: Role, organizationName: string, invitedByName: string, expiresAt: string, accountExists: boolean } | null };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { membership: { id: string, role: Role, organization: { id: string, name: string } } } };

export type UpdateOrganizationSettingsMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateOrganizationSettingsMutation = { updateOrganizationSettings: { organization: { id: string, annotationsRequired: number, flagPrevalence: number | null } } };

export type PairMetricsFieldsFragment = { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } };

export type ModelVersionFieldsFragment = { id: string, name: string, status: ModelVersionStatus, active: boolean, isOrganizationModel: boolean, threshold: number, verifiedThreshold: number | null, flagPrevalence: number | null, createdAt: string, activatedAt: string | null, config: unknown, parent: { id: string, name: string } | null, heldOutMetrics: { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } } | null, standardMetrics: { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } } | null };

export type TrainingRunFieldsFragment = { id: string, status: TrainingRunStatus, trigger: TrainingTrigger, isPlatformWide: boolean, error: string | null, params: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, triggeredBy: { id: string, name: string } | null, modelVersion: { id: string, name: string, status: ModelVersionStatus, active: boolean } | null, live: { stage: TrainingStage, percent: number, epoch: number, totalEpochs: number, phase: string | null, etaSeconds: number | null, device: string | null, history: Array<{ epoch: number, phase: string, loss: number | null, bce: number | null, bt: number | null, labelledBce: number | null, valAccuracy: number | null, valAuc: number | null }> }, dataset: { sha256: string, images: number, labels: number, labelsSame: number, labelsDifferent: number, hardNegatives: number, heldOut: number } | null, gate: { promoted: boolean, reason: string, margin: number, comparisons: Array<{ suite: GateSuite, metric: string, candidate: number, active: number, delta: number, ok: boolean }>, skipped: Array<{ suite: GateSuite, reason: string }>, comparedWith: { id: string, name: string } | null } | null };

export type ModelsDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsDashboardQuery = { activeModelVersion: { id: string, name: string, status: ModelVersionStatus, active: boolean, isOrganizationModel: boolean, threshold: number, verifiedThreshold: number | null, flagPrevalence: number | null, createdAt: string, activatedAt: string | null, config: unknown, parent: { id: string, name: string } | null, heldOutMetrics: { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } } | null, standardMetrics: { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } } | null } | null, modelVersions: Array<{ id: string, name: string, status: ModelVersionStatus, active: boolean, isOrganizationModel: boolean, threshold: number, verifiedThreshold: number | null, flagPrevalence: number | null, createdAt: string, activatedAt: string | null, config: unknown, parent: { id: string, name: string } | null, heldOutMetrics: { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } } | null, standardMetrics: { n: number, accuracy: number, precision: number, recall: number, f1: number, auc: number | null, roc: { fpr: Array<number>, tpr: Array<number> } } | null }>, trainingRuns: Array<{ id: string, status: TrainingRunStatus, trigger: TrainingTrigger, isPlatformWide: boolean, error: string | null, params: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, triggeredBy: { id: string, name: string } | null, modelVersion: { id: string, name: string, status: ModelVersionStatus, active: boolean } | null, live: { stage: TrainingStage, percent: number, epoch: number, totalEpochs: number, phase: string | null, etaSeconds: number | null, device: string | null, history: Array<{ epoch: number, phase: string, loss: number | null, bce: number | null, bt: number | null, labelledBce: number | null, valAccuracy: number | null, valAuc: number | null }> }, dataset: { sha256: string, images: number, labels: number, labelsSame: number, labelsDifferent: number, hardNegatives: number, heldOut: number } | null, gate: { promoted: boolean, reason: string, margin: number, comparisons: Array<{ suite: GateSuite, metric: string, candidate: number, active: number, delta: number, ok: boolean }>, skipped: Array<{ suite: GateSuite, reason: string }>, comparedWith: { id: string, name: string } | null } | null }>, trainingLabelStats: { confirmed: number, same: number, different: number, agreed: number, adjudicated: number, agreementRate: number | null, sinceLastRun: number, lastRunAt: string | null, annotators: Array<{ annotations: number, agreementRate: number, annotator: { id: string, name: string } }> }, trainingSchedule: { enabled: boolean, everyMinutes: number | null, cron: string | null, minNewLabels: number, params: unknown, lastCheckAt: string | null, lastRunAt: string | null } | null };

export type TrainingRunLiveQueryVariables = Exact<{
  id: string | number;
}>;


export type TrainingRunLiveQuery = { trainingRun: { id: string, status: TrainingRunStatus, trigger: TrainingTrigger, isPlatformWide: boolean, error: string | null, params: unknown, createdAt: string, startedAt: string | null, finishedAt: string | null, cancelRequestedAt: string | null, triggeredBy: { id: string, name: string } | null, modelVersion: { id: string, name: string, status: ModelVersionStatus, active: boolean } | null, live: { stage: TrainingStage, percent: number, epoch: number, totalEpochs: number, phase: string | null, etaSeconds: number | null, device: string | null, history: Array<{ epoch: number, phase: string, loss: number | null, bce: number | null, bt: number | null, labelledBce: number | null, valAccuracy: number | null, valAuc: number | null }> }, dataset: { sha256: string, images: number, labels: number, labelsSame: number, labelsDifferent: number, hardNegatives: number, heldOut: number } | null, gate: { promoted: boolean, reason: string, margin: number, comparisons: Array<{ suite: GateSuite, metric: string, candidate: number, active: number, delta: number, ok: boolean }>, skipped: Array<{ suite: GateSuite, reason: string }>, comparedWith: { id: string, name: string } | null } | null } | null };

export type StartTrainingRunMutationVariables = Exact<{
  input: StartTrainingRunInput;
}>;


export type StartTrainingRunMutation = { startTrainingRun: { trainingRun: { id: string, status: TrainingRunStatus } } };

export type CancelTrainingRunMutationVariables = Exact<{
  input: CancelTrainingRunInput;
}>;


export type CancelTrainingRunMutation = { cancelTrainingRun: { trainingRun: { id: string, status: TrainingRunStatus, cancelRequestedAt: string | null } } };

export type SetTrainingScheduleMutationVariables = Exact<{
  input: SetTrainingScheduleInput;
}>;


export type SetTrainingScheduleMutation = { setTrainingSchedule: { trainingSchedule: { enabled: boolean, everyMinutes: number | null, cron: string | null, minNewLabels: number } } };

export type ActivateModelVersionMutationVariables = Exact<{
  input: SetActiveModelVersionInput;
}>;


export type ActivateModelVersionMutation = { setActiveModelVersion: { modelVersion: { id: string, active: boolean } } };

export type PairRowFragment = { id: string, score: number, flagged: boolean, status: PairStatus, verdict: Verdict | null, annotationCount: number, scope: PairScope, set: { id: string, name: string }, imageA: { id: string, originalName: string, thumbnailUrl: string | null }, imageB: { id: string, originalName: string, thumbnailUrl: string | null } };

export type PairsQueryVariables = Exact<{
  filter?: PairFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PairsQuery = { pairs: { totalCount: number, totalCountCapped: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, score: number, flagged: boolean, status: PairStatus, verdict: Verdict | null, annotationCount: number, scope: PairScope, set: { id: string, name: string }, imageA: { id: string, originalName: string, thumbnailUrl: string | null }, imageB: { id: string, originalName: string, thumbnailUrl: string | null } } }> } };

export type PairQueryVariables = Exact<{
  id: string | number;
}>;


export type PairQuery = { pair: { modelScore: number | null, inliers: number | null, createdAt: string, decidedAt: string | null, id: string, score: number, flagged: boolean, status: PairStatus, verdict: Verdict | null, annotationCount: number, scope: PairScope, imageA: { id: string, originalName: string, width: number | null, height: number | null, format: string | null, displayUrl: string | null, originalUrl: string | null, thumbnailUrl: string | null }, imageB: { id: string, originalName: string, width: number | null, height: number | null, format: string | null, displayUrl: string | null, originalUrl: string | null, thumbnailUrl: string | null }, modelVersion: { id: string, name: string, threshold: number, verifiedThreshold: number | null }, decisions: Array<{ id: string, verdict: Verdict, comment: string | null, clusterId: string | null, createdAt: string, editor: { id: string, name: string } }>, confirmedLabel: { id: string, label: ConfirmedLabelValue, source: ConfirmedLabelSource, alterations: Array<Alteration>, comment: string | null, createdAt: string, adjudicator: { id: string, name: string } | null } | null, annotations: Array<{ id: string, label: AnnotationLabel, alterations: Array<Alteration>, comment: string | null, updatedAt: string, annotator: { id: string, name: string } }>, set: { id: string, name: string } } | null };

export type RecordDecisionMutationVariables = Exact<{
  input: RecordDecisionInput;
}>;


export type RecordDecisionMutation = { recordDecision: { decisions: Array<{ id: string, verdict: Verdict, pair: { id: string, status: PairStatus, verdict: Verdict | null } }> } };

export type CaseReportPairsQueryVariables = Exact<{
  setId: string | number;
  after?: string | null | undefined;
}>;


export type CaseReportPairsQuery = { pairs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { modelScore: number | null, inliers: number | null, id: string, score: number, flagged: boolean, status: PairStatus, verdict: Verdict | null, annotationCount: number, scope: PairScope, modelVersion: { id: string, name: string, threshold: number, verifiedThreshold: number | null }, decisions: Array<{ id: string, verdict: Verdict, comment: string | null, createdAt: string, editor: { id: string, name: string, email: string } }>, confirmedLabel: { label: ConfirmedLabelValue, source: ConfirmedLabelSource } | null, set: { id: string, name: string }, imageA: { id: string, originalName: string, thumbnailUrl: string | null }, imageB: { id: string, originalName: string, thumbnailUrl: string | null } } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PairMetricsFieldsFragmentDoc = new TypedDocumentString(`
    fragment PairMetricsFields on PairMetrics {
  n
  accuracy
  precision
  recall
  f1
  auc
  roc {
    fpr
    tpr
  }
}
    `, {"fragmentName":"PairMetricsFields"}) as unknown as TypedDocumentString<PairMetricsFieldsFragment, unknown>;
export const ModelVersionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModelVersionFields on ModelVersion {
  id
  name
  status
  active
  isOrganizationModel
  threshold
  verifiedThreshold
  flagPrevalence
  createdAt
  activatedAt
  parent {
    id
    name
  }
  heldOutMetrics {
    ...PairMetricsFields
  }
  standardMetrics {
    ...PairMetricsFields
  }
  config
}
    fragment PairMetricsFields on PairMetrics {
  n
  accuracy
  precision
  recall
  f1
  auc
  roc {
    fpr
    tpr
  }
}`, {"fragmentName":"ModelVersionFields"}) as unknown as TypedDocumentString<ModelVersionFieldsFragment, unknown>;
export const TrainingRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment TrainingRunFields on TrainingRun {
  id
  status
  trigger
  isPlatformWide
  error
  params
  createdAt
  startedAt
  finishedAt
  cancelRequestedAt
  triggeredBy {
    id
    name
  }
  modelVersion {
    id
    name
    status
    active
  }
  live {
    stage
    percent
    epoch
    totalEpochs
    phase
    etaSeconds
    device
    history {
      epoch
      phase
      loss
      bce
      bt
      labelledBce
      valAccuracy
      valAuc
    }
  }
  dataset {
    sha256
    images
    labels
    labelsSame
    labelsDifferent
    hardNegatives
    heldOut
  }
  gate {
    promoted
    reason
    margin
    comparisons {
      suite
      metric
      candidate
      active
      delta
      ok
    }
    skipped {
      suite
      reason
    }
    comparedWith {
      id
      name
    }
  }
}
    `, {"fragmentName":"TrainingRunFields"}) as unknown as TypedDocumentString<TrainingRunFieldsFragment, unknown>;
export const PairRowFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"PairRow"}) as unknown as TypedDocumentString<PairRowFragment, unknown>;
export const RecordAnnotationDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RecordAnnotationMutation, RecordAnnotationMutationVariables>;
export const AdjudicatePairDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AdjudicatePairMutation, AdjudicatePairMutationVariables>;
export const AnnotationPairDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AnnotationPairQuery, AnnotationPairQueryVariables>;
export const AuditLogDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    viewer {
      role
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout {
    ok
  }
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const SwitchOrganizationDocument = new TypedDocumentString(`
    mutation SwitchOrganization($input: SwitchOrganizationInput!) {
  switchOrganization(input: $input) {
    viewer {
      role
    }
  }
}
    `) as unknown as TypedDocumentString<SwitchOrganizationMutation, SwitchOrganizationMutationVariables>;
export const ConsensusPairsDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<ConsensusPairsQuery, ConsensusPairsQueryVariables>;
export const ImageSetsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImageSetsQuery, ImageSetsQueryVariables>;
export const CreateImageSetDocument = new TypedDocumentString(`
    mutation CreateImageSet($input: CreateImageSetInput!) {
  createImageSet(input: $input) {
    imageSet {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateImageSetMutation, CreateImageSetMutationVariables>;
export const ImageSetDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ImageSetQuery, ImageSetQueryVariables>;
export const SetImagesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SetImagesQuery, SetImagesQueryVariables>;
export const MembersDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const ChangeMemberRoleDocument = new TypedDocumentString(`
    mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) {
    member {
      id
      role
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input) {
    memberId
  }
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($input: RevokeInvitationInput!) {
  revokeInvitation(input: $input) {
    invitation {
      id
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const InvitationPreviewDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<InvitationPreviewQuery, InvitationPreviewQueryVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const UpdateOrganizationSettingsDocument = new TypedDocumentString(`
    mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    organization {
      id
      annotationsRequired
      flagPrevalence
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganizationSettingsMutation, UpdateOrganizationSettingsMutationVariables>;
export const ModelsDashboardDocument = new TypedDocumentString(`
    query ModelsDashboard {
  activeModelVersion {
    ...ModelVersionFields
  }
  modelVersions {
    ...ModelVersionFields
  }
  trainingRuns(first: 20) {
    ...TrainingRunFields
  }
  trainingLabelStats {
    confirmed
    same
    different
    agreed
    adjudicated
    agreementRate
    sinceLastRun
    lastRunAt
    annotators {
      annotator {
        id
        name
      }
      annotations
      agreementRate
    }
  }
  trainingSchedule {
    enabled
    everyMinutes
    cron
    minNewLabels
    params
    lastCheckAt
    lastRunAt
  }
}
    fragment PairMetricsFields on PairMetrics {
  n
  accuracy
  precision
  recall
  f1
  auc
  roc {
    fpr
    tpr
  }
}
fragment ModelVersionFields on ModelVersion {
  id
  name
  status
  active
  isOrganizationModel
  threshold
  verifiedThreshold
  flagPrevalence
  createdAt
  activatedAt
  parent {
    id
    name
  }
  heldOutMetrics {
    ...PairMetricsFields
  }
  standardMetrics {
    ...PairMetricsFields
  }
  config
}
fragment TrainingRunFields on TrainingRun {
  id
  status
  trigger
  isPlatformWide
  error
  params
  createdAt
  startedAt
  finishedAt
  cancelRequestedAt
  triggeredBy {
    id
    name
  }
  modelVersion {
    id
    name
    status
    active
  }
  live {
    stage
    percent
    epoch
    totalEpochs
    phase
    etaSeconds
    device
    history {
      epoch
      phase
      loss
      bce
      bt
      labelledBce
      valAccuracy
      valAuc
    }
  }
  dataset {
    sha256
    images
    labels
    labelsSame
    labelsDifferent
    hardNegatives
    heldOut
  }
  gate {
    promoted
    reason
    margin
    comparisons {
      suite
      metric
      candidate
      active
      delta
      ok
    }
    skipped {
      suite
      reason
    }
    comparedWith {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ModelsDashboardQuery, ModelsDashboardQueryVariables>;
export const TrainingRunLiveDocument = new TypedDocumentString(`
    query TrainingRunLive($id: ID!) {
  trainingRun(id: $id) {
    ...TrainingRunFields
  }
}
    fragment TrainingRunFields on TrainingRun {
  id
  status
  trigger
  isPlatformWide
  error
  params
  createdAt
  startedAt
  finishedAt
  cancelRequestedAt
  triggeredBy {
    id
    name
  }
  modelVersion {
    id
    name
    status
    active
  }
  live {
    stage
    percent
    epoch
    totalEpochs
    phase
    etaSeconds
    device
    history {
      epoch
      phase
      loss
      bce
      bt
      labelledBce
      valAccuracy
      valAuc
    }
  }
  dataset {
    sha256
    images
    labels
    labelsSame
    labelsDifferent
    hardNegatives
    heldOut
  }
  gate {
    promoted
    reason
    margin
    comparisons {
      suite
      metric
      candidate
      active
      delta
      ok
    }
    skipped {
      suite
      reason
    }
    comparedWith {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<TrainingRunLiveQuery, TrainingRunLiveQueryVariables>;
export const StartTrainingRunDocument = new TypedDocumentString(`
    mutation StartTrainingRun($input: StartTrainingRunInput!) {
  startTrainingRun(input: $input) {
    trainingRun {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<StartTrainingRunMutation, StartTrainingRunMutationVariables>;
export const CancelTrainingRunDocument = new TypedDocumentString(`
    mutation CancelTrainingRun($input: CancelTrainingRunInput!) {
  cancelTrainingRun(input: $input) {
    trainingRun {
      id
      status
      cancelRequestedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CancelTrainingRunMutation, CancelTrainingRunMutationVariables>;
export const SetTrainingScheduleDocument = new TypedDocumentString(`
    mutation SetTrainingSchedule($input: SetTrainingScheduleInput!) {
  setTrainingSchedule(input: $input) {
    trainingSchedule {
      enabled
      everyMinutes
      cron
      minNewLabels
    }
  }
}
    `) as unknown as TypedDocumentString<SetTrainingScheduleMutation, SetTrainingScheduleMutationVariables>;
export const ActivateModelVersionDocument = new TypedDocumentString(`
    mutation ActivateModelVersion($input: SetActiveModelVersionInput!) {
  setActiveModelVersion(input: $input) {
    modelVersion {
      id
      active
    }
  }
}
    `) as unknown as TypedDocumentString<ActivateModelVersionMutation, ActivateModelVersionMutationVariables>;
export const PairsDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<PairsQuery, PairsQueryVariables>;
export const PairDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<PairQuery, PairQueryVariables>;
export const RecordDecisionDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<RecordDecisionMutation, RecordDecisionMutationVariables>;
export const CaseReportPairsDocument = new TypedDocumentString(`
    query CaseReportPairs($setId: ID!, $after: String) {
  pairs(filter: {setId: $setId, flagged: true}, first: 100, after: $after) {
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
}`) as unknown as TypedDocumentString<CaseReportPairsQuery, CaseReportPairsQueryVariables>;