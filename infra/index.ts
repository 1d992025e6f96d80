import type * as pulumi from '@pulumi/pulumi';
import { compiledWorkflowSource } from '../workflows/compiled';
import { ProjectApis } from './apis';
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

const apis = new ProjectApis(`${prefix}-apis`, settings);
const afterApis: pulumi.ComponentResourceOptions = { dependsOn: apis.services };

const dataBucket = new DataBucket(`${prefix}-data`, settings, afterApis);
const pipelineDataset = new PipelineDataset(`${prefix}-dataset`, settings, afterApis);
const vertexConnection = new VertexConnection(
  `${prefix}-vertex`,
  { settings, bucketName: dataBucket.name },
  afterApis,
);

const baseline = new BaselineModel(`${prefix}-baseline`, settings, {
  dependsOn: [...apis.services, pipelineDataset, vertexConnection.connection, ...vertexConnection.grants],
});

const pipeline = new PipelineWorkflow(
  `${prefix}-pipeline`,
  {
    settings,
    source: compiledWorkflowSource('tune-and-evaluate'),
    datasetId: pipelineDataset.datasetId,
    connectionId: vertexConnection.connectionId,
    connectionQualifiedId: vertexConnection.qualifiedId,
    bucketName: dataBucket.name,
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
    { settings, workflowResourceName: pipeline.resourceName, bucketName: dataBucket.name },
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
