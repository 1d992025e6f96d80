import type * as pulumi from '@pulumi/pulumi';
import { compiledWorkflowSource } from '../workflows/compiled';
import { ProjectApis, requiredApis } from './apis';
import { BaselineModel } from './baseline-model';
import { loadSettings } from './config';
import { DataBucket } from './data-bucket';
import { PipelineDataset } from './pipeline-dataset';
import { PipelineTriggers } from './triggers';
import { PipelineWorkflow } from './pipeline-workflow';
import { PredictWorkflow } from './predict-workflow';
import { VertexConnection } from './vertex-connection';

const settings = loadSettings();
const prefix = settings.namePrefix;

const apis = new ProjectApis(`${prefix}-apis`, {
  project: settings.project,
  apis: requiredApis(settings),
});
const afterApis: pulumi.ComponentResourceOptions = { dependsOn: apis.services };

const labels = settings.resourceLabels;
const dataBucket = new DataBucket(
  `${prefix}-data`,
  {
    project: settings.project,
    bucketName: settings.bucketName,
    create: settings.bucket.create,
    location: settings.location,
    protectData: settings.protectData,
    labels,
  },
  afterApis,
);
const pipelineDataset = new PipelineDataset(
  `${prefix}-dataset`,
  {
    project: settings.project,
    datasetId: settings.datasetId,
    location: settings.location,
    protectData: settings.protectData,
    retentionDays: settings.retentionDays,
    labels,
  },
  afterApis,
);
const vertexConnection = new VertexConnection(
  `${prefix}-vertex`,
  {
    project: settings.project,
    location: settings.location,
    connectionId: settings.connectionId,
    bucketName: dataBucket.name,
  },
  afterApis,
);

const baseline = new BaselineModel(
  `${prefix}-baseline`,
  {
    project: settings.project,
    location: settings.location,
    datasetId: settings.datasetId,
    connectionId: settings.connectionId,
    baseEndpoint: settings.baseEndpoint,
    namePrefix: prefix,
    labels,
  },
  {
    dependsOn: [...apis.services, pipelineDataset, vertexConnection.connection, ...vertexConnection.grants],
  },
);

const pipeline = new PipelineWorkflow(
  `${prefix}-pipeline`,
  {
    project: settings.project,
    region: settings.region,
    location: settings.location,
    namePrefix: prefix,
    source: compiledWorkflowSource('tune-and-evaluate'),
    datasetId: pipelineDataset.datasetId,
    connectionId: vertexConnection.connectionId,
    connectionQualifiedId: vertexConnection.qualifiedId,
    bucketName: dataBucket.name,
    callLogLevel: settings.workflow.callLogLevel,
    executionHistoryLevel: settings.workflow.executionHistoryLevel,
    deletionProtection: settings.protectData,
    labels,
    eventRunArguments: settings.eventTrigger?.runArguments,
  },
  afterApis,
);

const predict = new PredictWorkflow(
  `${prefix}-predict`,
  {
    project: settings.project,
    region: settings.region,
    location: settings.location,
    namePrefix: prefix,
    source: compiledWorkflowSource('batch-predict'),
    datasetId: pipelineDataset.datasetId,
    bucketName: dataBucket.name,
    predict: settings.predict ?? {},
    callLogLevel: settings.workflow.callLogLevel,
    executionHistoryLevel: settings.workflow.executionHistoryLevel,
    deletionProtection: settings.protectData,
    labels: settings.resourceLabels,
  },
  afterApis,
);

if (settings.schedule !== undefined || settings.eventTrigger !== undefined) {
  new PipelineTriggers(
    `${prefix}-triggers`,
    {
      project: settings.project,
      region: settings.region,
      namePrefix: prefix,
      labels,
      schedule: settings.schedule,
      eventTrigger: settings.eventTrigger,
      workflowResourceName: pipeline.resourceName,
      bucketName: dataBucket.name,
    },
    afterApis,
  );
}

// What `bqtune trigger` needs to start a run; project, location, dataset and connection are named as in the
// run arguments.
export const project = settings.project;
export const location = settings.location;
export const region = settings.region;
export const workflowName = pipeline.name;
export const workflowServiceAccount = pipeline.serviceAccount.email;
export const predictWorkflowName = predict.name;
export const predictServiceAccount = predict.serviceAccount.email;
export const dataset = pipelineDataset.datasetId;
export const baselineModel = baseline.modelPath;
export const connection = vertexConnection.qualifiedId;
export const connectionServiceAccount = vertexConnection.serviceAccountEmail;
export const bucket = dataBucket.name;
