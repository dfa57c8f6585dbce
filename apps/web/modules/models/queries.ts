import { graphql } from '../graphql/generated';

export const pairMetricsFields = graphql(`
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
`);

export const modelVersionFields = graphql(`
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
`);

export const trainingRunFields = graphql(`
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
`);

export const modelsDashboardQuery = graphql(`
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
`);

export const trainingRunQuery = graphql(`
  query TrainingRunLive($id: ID!) {
    trainingRun(id: $id) {
      ...TrainingRunFields
    }
  }
`);

export const startTrainingRunMutation = graphql(`
  mutation StartTrainingRun($input: StartTrainingRunInput!) {
    startTrainingRun(input: $input) {
      trainingRun {
        id
        status
      }
    }
  }
`);

export const cancelTrainingRunMutation = graphql(`
  mutation CancelTrainingRun($input: CancelTrainingRunInput!) {
    cancelTrainingRun(input: $input) {
      trainingRun {
        id
        status
        cancelRequestedAt
      }
    }
  }
`);

export const setTrainingScheduleMutation = graphql(`
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
`);

export const setActiveModelVersionMutation = graphql(`
  mutation ActivateModelVersion($input: SetActiveModelVersionInput!) {
    setActiveModelVersion(input: $input) {
      modelVersion {
        id
        active
      }
    }
  }
`);
