/* eslint-disable */
/* Generated from the JSON Schemas in this folder by `bqtune schemas`; do not edit by hand. */
/* ajv's standalone validators (https://ajv.js.org/standalone.html): one export per schema file name. */
// @ts-nocheck
"use strict";
exports["pipeline-config.schema.json"] = validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"pipeline-config.schema.json","title":"PipelineConfig","description":"One tuning task, as its author writes it (JSON or YAML). Omitted options take the defaults shown here.","type":"object","additionalProperties":false,"required":["name","task","data","model","deploy"],"properties":{"$schema":{"description":"Lets editors find this schema.","type":"string"},"name":{"$ref":"definitions.schema.json#/$defs/pipelineName"},"description":{"type":"string","maxLength":1024},"task":{"$ref":"definitions.schema.json#/$defs/task"},"data":{"title":"DataFiles","description":"Newline-delimited JSON files of {input_text, output_text} rows.","type":"object","additionalProperties":false,"required":["train","eval"],"properties":{"train":{"$ref":"definitions.schema.json#/$defs/dataLocation"},"eval":{"$ref":"definitions.schema.json#/$defs/dataLocation"}}},"model":{"$ref":"definitions.schema.json#/$defs/model"},"checks":{"$ref":"definitions.schema.json#/$defs/checks","default":{}},"gate":{"$ref":"definitions.schema.json#/$defs/gate","default":{}},"deploy":{"$ref":"definitions.schema.json#/$defs/deploy"}}};
const schema33 = {"description":"lowercase letters, digits and hyphens, starting with a letter, at most 63 characters (it names cloud resources)","type":"string","pattern":"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"};
const schema37 = {"description":"a Cloud Storage URI gs://bucket/object, or a local file path (relative paths are relative to the config file)","type":"string","minLength":1,"maxLength":4096,"pattern":"^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$"};
const schema52 = {"title":"DeployOptions","type":"object","additionalProperties":false,"required":["servingName"],"properties":{"servingName":{"description":"an identifier: a letter, then up to 63 letters, digits or underscores","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,63}$"}}};
const func1 = Object.prototype.hasOwnProperty;
const func2 = require("ajv/dist/runtime/ucs2length").default;
const pattern4 = new RegExp("^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", "u");
const pattern6 = new RegExp("^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$", "u");
const pattern9 = new RegExp("^[A-Za-z][A-Za-z0-9_]{0,63}$", "u");
const schema34 = {"title":"Task","description":"What the model is tuned for. classification is scored per label on a closed label set; text_generation, summarization and question_answering are scored on free text with the metrics ML.EVALUATE documents for the task (bigquery/task-types.ts).","type":"object","additionalProperties":false,"required":["promptTemplate"],"properties":{"type":{"description":"classification: per-label precision/recall/F1 and the gate metrics macro_f1, micro_f1, weighted_f1, accuracy; text_generation: bleu4_score and ROUGE-L (gate: rouge-l_f1 or bleu4_score); summarization: ROUGE-L (gate: rouge-l_f1, rouge-l_precision or rouge-l_recall); question_answering: exact_match.","enum":["classification","text_generation","summarization","question_answering"],"default":"classification"},"labels":{"description":"The closed set of labels (output_text values), spelled as the model should answer. Required for classification, refused for the other task types.","type":"array","minItems":2,"maxItems":200,"uniqueItems":true,"items":{"$ref":"#/$defs/label"}},"promptTemplate":{"$ref":"#/$defs/promptTemplate"}},"if":{"properties":{"type":{"const":"classification"}}},"then":{"required":["labels"]}};
const schema35 = {"description":"a label of 1 to 200 characters without control characters or leading/trailing spaces","type":"string","minLength":1,"maxLength":200,"pattern":"^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$"};
const schema36 = {"title":"PromptTemplate","description":"The prompt sent for one example: prefix + input_text + suffix.","type":"object","additionalProperties":false,"required":["prefix"],"properties":{"prefix":{"description":"Text before the input.","type":"string","minLength":1,"maxLength":8000},"suffix":{"description":"Text after the input.","type":"string","maxLength":8000,"default":""}}};
const func0 = require("ajv/dist/runtime/equal").default;
const pattern5 = new RegExp("^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("classification" !== data.type){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.labels === undefined){
const err1 = {instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: "labels"},message:"must have required property '"+"labels"+"'",schema:schema34.then.required,parentSchema:schema34.then,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema34.if,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
data.type = "classification";
}
if(data.promptTemplate === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "promptTemplate"},message:"must have required property '"+"promptTemplate"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "labels")) || (key0 === "promptTemplate"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data1 = data.type;
if(!((((data1 === "classification") || (data1 === "text_generation")) || (data1 === "summarization")) || (data1 === "question_answering"))){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema34.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.type.enum,parentSchema:schema34.properties.type,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.labels !== undefined){
let data2 = data.labels;
if(Array.isArray(data2)){
if(data2.length > 200){
const err6 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.length < 2){
const err7 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(func2(data3) > 200){
const err8 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data3) < 1){
const err9 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern5.test(data3)){
const err10 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/pattern",keyword:"pattern",params:{pattern: "^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$"},message:"must match pattern \""+"^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$"+"\"",schema:"^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$",parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
let i1 = data2.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data2[i1], data2[j0])){
const err12 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.labels.type,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.promptTemplate !== undefined){
let data4 = data.promptTemplate;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.suffix === undefined){
data4.suffix = "";
}
if(data4.prefix === undefined){
const err14 = {instancePath:instancePath+"/promptTemplate",schemaPath:"#/$defs/promptTemplate/required",keyword:"required",params:{missingProperty: "prefix"},message:"must have required property '"+"prefix"+"'",schema:schema36.required,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data4){
if(!((key1 === "prefix") || (key1 === "suffix"))){
const err15 = {instancePath:instancePath+"/promptTemplate",schemaPath:"#/$defs/promptTemplate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data4.prefix !== undefined){
let data5 = data4.prefix;
if(typeof data5 === "string"){
if(func2(data5) > 8000){
const err16 = {instancePath:instancePath+"/promptTemplate/prefix",schemaPath:"#/$defs/promptTemplate/properties/prefix/maxLength",keyword:"maxLength",params:{limit: 8000},message:"must NOT have more than 8000 characters",schema:8000,parentSchema:schema36.properties.prefix,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(func2(data5) < 1){
const err17 = {instancePath:instancePath+"/promptTemplate/prefix",schemaPath:"#/$defs/promptTemplate/properties/prefix/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.prefix,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/promptTemplate/prefix",schemaPath:"#/$defs/promptTemplate/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.prefix.type,parentSchema:schema36.properties.prefix,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
let data6 = data4.suffix;
if(typeof data6 === "string"){
if(func2(data6) > 8000){
const err19 = {instancePath:instancePath+"/promptTemplate/suffix",schemaPath:"#/$defs/promptTemplate/properties/suffix/maxLength",keyword:"maxLength",params:{limit: 8000},message:"must NOT have more than 8000 characters",schema:8000,parentSchema:schema36.properties.suffix,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/promptTemplate/suffix",schemaPath:"#/$defs/promptTemplate/properties/suffix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.suffix.type,parentSchema:schema36.properties.suffix,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/promptTemplate",schemaPath:"#/$defs/promptTemplate/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema39 = {"title":"ModelSettings","type":"object","additionalProperties":false,"required":["baseEndpoint"],"properties":{"baseEndpoint":{"description":"a Vertex AI model name from the model catalog (bigquery/model-catalog.ts) or https:// endpoint URL without quotes or spaces","type":"string","maxLength":1024,"pattern":"^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$"},"tuning":{"$ref":"#/$defs/tuning","default":{}},"generation":{"$ref":"#/$defs/generation","default":{}},"retries":{"$ref":"#/$defs/retries","default":{}}}};
const schema40 = {"title":"TuningOptions","description":"CREATE MODEL options of the supervised (LoRA) tuning job.","type":"object","additionalProperties":false,"properties":{"maxIterations":{"description":"MAX_ITERATIONS; BigQuery converts it to whole epochs over the training rows.","type":"integer","minimum":1,"default":300},"learningRateMultiplier":{"description":"LEARNING_RATE_MULTIPLIER applied to Vertex AI's recommended learning rate.","type":"number","exclusiveMinimum":0,"default":1},"dataSplitMethod":{"description":"DATA_SPLIT_METHOD. NO_SPLIT by default: the pipeline evaluates on its own eval set. CUSTOM and SEQ are not offered: they split on a column of the training query, and the tuning query selects only the prompt and label columns.","enum":["AUTO_SPLIT","RANDOM","NO_SPLIT"],"default":"NO_SPLIT"},"dataSplitEvalFraction":{"description":"DATA_SPLIT_EVAL_FRACTION, used with RANDOM (BigQuery keeps two decimals).","type":"number","minimum":0,"maximum":1},"evaluationTask":{"description":"EVALUATION_TASK of the tuning job. Default: the task type's (CLASSIFICATION, TEXT_GENERATION, SUMMARIZATION or QUESTION_ANSWERING), filled in by the validator.","enum":["TEXT_GENERATION","CLASSIFICATION","SUMMARIZATION","QUESTION_ANSWERING","UNSPECIFIED"]}}};
const schema41 = {"title":"GenerationOptions","description":"Options of the batch generation pass over the eval set.","type":"object","additionalProperties":false,"properties":{"function":{"description":"AI.GENERATE_TEXT is Google's preferred replacement for ML.GENERATE_TEXT.","enum":["AI.GENERATE_TEXT","ML.GENERATE_TEXT"],"default":"AI.GENERATE_TEXT"},"maxOutputTokens":{"type":"integer","minimum":1,"maximum":8192,"default":1024},"temperature":{"description":"0 keeps evaluation as repeatable as the model allows.","type":"number","minimum":0,"maximum":1,"default":0},"topP":{"type":"number","minimum":0,"maximum":1,"default":0.95}}};
const schema42 = {"title":"RetryOptions","type":"object","additionalProperties":false,"properties":{"maxPasses":{"description":"Generation passes in total; later passes only retry rows whose status says retryable.","type":"integer","minimum":1,"maximum":10,"default":3}}};
const pattern8 = new RegExp("^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$", "u");

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tuning === undefined){
data.tuning = {};
}
if(data.generation === undefined){
data.generation = {};
}
if(data.retries === undefined){
data.retries = {};
}
if(data.baseEndpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "baseEndpoint"},message:"must have required property '"+"baseEndpoint"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "baseEndpoint") || (key0 === "tuning")) || (key0 === "generation")) || (key0 === "retries"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.baseEndpoint !== undefined){
let data0 = data.baseEndpoint;
if(typeof data0 === "string"){
if(func2(data0) > 1024){
const err2 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema39.properties.baseEndpoint,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!pattern8.test(data0)){
const err3 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$"},message:"must match pattern \""+"^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$"+"\"",schema:"^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$",parentSchema:schema39.properties.baseEndpoint,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.baseEndpoint.type,parentSchema:schema39.properties.baseEndpoint,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data1 = data.tuning;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.maxIterations === undefined){
data1.maxIterations = 300;
}
if(data1.learningRateMultiplier === undefined){
data1.learningRateMultiplier = 1;
}
if(data1.dataSplitMethod === undefined){
data1.dataSplitMethod = "NO_SPLIT";
}
for(const key1 in data1){
if(!(((((key1 === "maxIterations") || (key1 === "learningRateMultiplier")) || (key1 === "dataSplitMethod")) || (key1 === "dataSplitEvalFraction")) || (key1 === "evaluationTask"))){
const err5 = {instancePath:instancePath+"/tuning",schemaPath:"#/$defs/tuning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
let data2 = data1.maxIterations;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/tuning/maxIterations",schemaPath:"#/$defs/tuning/properties/maxIterations/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.maxIterations.type,parentSchema:schema40.properties.maxIterations,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/tuning/maxIterations",schemaPath:"#/$defs/tuning/properties/maxIterations/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.maxIterations,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
let data3 = data1.learningRateMultiplier;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 <= 0 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/tuning/learningRateMultiplier",schemaPath:"#/$defs/tuning/properties/learningRateMultiplier/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema40.properties.learningRateMultiplier,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tuning/learningRateMultiplier",schemaPath:"#/$defs/tuning/properties/learningRateMultiplier/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema40.properties.learningRateMultiplier.type,parentSchema:schema40.properties.learningRateMultiplier,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
let data4 = data1.dataSplitMethod;
if(!(((data4 === "AUTO_SPLIT") || (data4 === "RANDOM")) || (data4 === "NO_SPLIT"))){
const err10 = {instancePath:instancePath+"/tuning/dataSplitMethod",schemaPath:"#/$defs/tuning/properties/dataSplitMethod/enum",keyword:"enum",params:{allowedValues: schema40.properties.dataSplitMethod.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.dataSplitMethod.enum,parentSchema:schema40.properties.dataSplitMethod,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data1.dataSplitEvalFraction !== undefined){
let data5 = data1.dataSplitEvalFraction;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/tuning/dataSplitEvalFraction",schemaPath:"#/$defs/tuning/properties/dataSplitEvalFraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema40.properties.dataSplitEvalFraction,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/tuning/dataSplitEvalFraction",schemaPath:"#/$defs/tuning/properties/dataSplitEvalFraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.dataSplitEvalFraction,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/tuning/dataSplitEvalFraction",schemaPath:"#/$defs/tuning/properties/dataSplitEvalFraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema40.properties.dataSplitEvalFraction.type,parentSchema:schema40.properties.dataSplitEvalFraction,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.evaluationTask !== undefined){
let data6 = data1.evaluationTask;
if(!(((((data6 === "TEXT_GENERATION") || (data6 === "CLASSIFICATION")) || (data6 === "SUMMARIZATION")) || (data6 === "QUESTION_ANSWERING")) || (data6 === "UNSPECIFIED"))){
const err14 = {instancePath:instancePath+"/tuning/evaluationTask",schemaPath:"#/$defs/tuning/properties/evaluationTask/enum",keyword:"enum",params:{allowedValues: schema40.properties.evaluationTask.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.evaluationTask.enum,parentSchema:schema40.properties.evaluationTask,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/tuning",schemaPath:"#/$defs/tuning/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
let data7 = data.generation;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.function === undefined){
data7.function = "AI.GENERATE_TEXT";
}
if(data7.maxOutputTokens === undefined){
data7.maxOutputTokens = 1024;
}
if(data7.temperature === undefined){
data7.temperature = 0;
}
if(data7.topP === undefined){
data7.topP = 0.95;
}
for(const key2 in data7){
if(!((((key2 === "function") || (key2 === "maxOutputTokens")) || (key2 === "temperature")) || (key2 === "topP"))){
const err16 = {instancePath:instancePath+"/generation",schemaPath:"#/$defs/generation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
let data8 = data7.function;
if(!((data8 === "AI.GENERATE_TEXT") || (data8 === "ML.GENERATE_TEXT"))){
const err17 = {instancePath:instancePath+"/generation/function",schemaPath:"#/$defs/generation/properties/function/enum",keyword:"enum",params:{allowedValues: schema41.properties.function.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.function.enum,parentSchema:schema41.properties.function,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
let data9 = data7.maxOutputTokens;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err18 = {instancePath:instancePath+"/generation/maxOutputTokens",schemaPath:"#/$defs/generation/properties/maxOutputTokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema41.properties.maxOutputTokens.type,parentSchema:schema41.properties.maxOutputTokens,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 8192 || isNaN(data9)){
const err19 = {instancePath:instancePath+"/generation/maxOutputTokens",schemaPath:"#/$defs/generation/properties/maxOutputTokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8192},message:"must be <= 8192",schema:8192,parentSchema:schema41.properties.maxOutputTokens,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data9 < 1 || isNaN(data9)){
const err20 = {instancePath:instancePath+"/generation/maxOutputTokens",schemaPath:"#/$defs/generation/properties/maxOutputTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema41.properties.maxOutputTokens,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
let data10 = data7.temperature;
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 1 || isNaN(data10)){
const err21 = {instancePath:instancePath+"/generation/temperature",schemaPath:"#/$defs/generation/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema41.properties.temperature,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err22 = {instancePath:instancePath+"/generation/temperature",schemaPath:"#/$defs/generation/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema41.properties.temperature,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/generation/temperature",schemaPath:"#/$defs/generation/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema41.properties.temperature.type,parentSchema:schema41.properties.temperature,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
let data11 = data7.topP;
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 1 || isNaN(data11)){
const err24 = {instancePath:instancePath+"/generation/topP",schemaPath:"#/$defs/generation/properties/topP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema41.properties.topP,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err25 = {instancePath:instancePath+"/generation/topP",schemaPath:"#/$defs/generation/properties/topP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema41.properties.topP,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/generation/topP",schemaPath:"#/$defs/generation/properties/topP/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema41.properties.topP.type,parentSchema:schema41.properties.topP,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/generation",schemaPath:"#/$defs/generation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
let data12 = data.retries;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.maxPasses === undefined){
data12.maxPasses = 3;
}
for(const key3 in data12){
if(!(key3 === "maxPasses")){
const err28 = {instancePath:instancePath+"/retries",schemaPath:"#/$defs/retries/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
let data13 = data12.maxPasses;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err29 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/$defs/retries/properties/maxPasses/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema42.properties.maxPasses.type,parentSchema:schema42.properties.maxPasses,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 10 || isNaN(data13)){
const err30 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/$defs/retries/properties/maxPasses/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema42.properties.maxPasses,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data13 < 1 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/$defs/retries/properties/maxPasses/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema42.properties.maxPasses,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/retries",schemaPath:"#/$defs/retries/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema43 = {"title":"DataChecks","description":"Checks on the loaded train and eval sets, before anything costs money.","type":"object","additionalProperties":false,"properties":{"minTrainRows":{"description":"At least 10: BigQuery ML refuses to tune on fewer.","type":"integer","minimum":10,"default":10},"minEvalRows":{"type":"integer","minimum":1,"default":10},"emptyInputs":{"$ref":"#/$defs/checkAction","default":"fail"},"missingOutputs":{"$ref":"#/$defs/checkAction","default":"fail"},"unknownLabels":{"$ref":"#/$defs/checkAction","default":"fail"},"duplicates":{"$ref":"#/$defs/checkAction","default":"warn"},"leakage":{"$ref":"#/$defs/checkAction","default":"fail"},"conflictingLabels":{"$ref":"#/$defs/checkAction","default":"fail"}}};
const schema44 = {"description":"fail stops the run with a report of offending rows; warn records the finding and goes on.","type":"string","enum":["fail","warn"]};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.minTrainRows === undefined){
data.minTrainRows = 10;
}
if(data.minEvalRows === undefined){
data.minEvalRows = 10;
}
if(data.emptyInputs === undefined){
data.emptyInputs = "fail";
}
if(data.missingOutputs === undefined){
data.missingOutputs = "fail";
}
if(data.unknownLabels === undefined){
data.unknownLabels = "fail";
}
if(data.duplicates === undefined){
data.duplicates = "warn";
}
if(data.leakage === undefined){
data.leakage = "fail";
}
if(data.conflictingLabels === undefined){
data.conflictingLabels = "fail";
}
for(const key0 in data){
if(!((((((((key0 === "minTrainRows") || (key0 === "minEvalRows")) || (key0 === "emptyInputs")) || (key0 === "missingOutputs")) || (key0 === "unknownLabels")) || (key0 === "duplicates")) || (key0 === "leakage")) || (key0 === "conflictingLabels"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
let data0 = data.minTrainRows;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/minTrainRows",schemaPath:"#/properties/minTrainRows/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema43.properties.minTrainRows.type,parentSchema:schema43.properties.minTrainRows,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 10 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/minTrainRows",schemaPath:"#/properties/minTrainRows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema43.properties.minTrainRows,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let data1 = data.minEvalRows;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err3 = {instancePath:instancePath+"/minEvalRows",schemaPath:"#/properties/minEvalRows/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema43.properties.minEvalRows.type,parentSchema:schema43.properties.minEvalRows,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 1 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/minEvalRows",schemaPath:"#/properties/minEvalRows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema43.properties.minEvalRows,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data2 = data.emptyInputs;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/emptyInputs",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((data2 === "fail") || (data2 === "warn"))){
const err6 = {instancePath:instancePath+"/emptyInputs",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
let data3 = data.missingOutputs;
if(typeof data3 !== "string"){
const err7 = {instancePath:instancePath+"/missingOutputs",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!((data3 === "fail") || (data3 === "warn"))){
const err8 = {instancePath:instancePath+"/missingOutputs",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
let data4 = data.unknownLabels;
if(typeof data4 !== "string"){
const err9 = {instancePath:instancePath+"/unknownLabels",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!((data4 === "fail") || (data4 === "warn"))){
const err10 = {instancePath:instancePath+"/unknownLabels",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
let data5 = data.duplicates;
if(typeof data5 !== "string"){
const err11 = {instancePath:instancePath+"/duplicates",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!((data5 === "fail") || (data5 === "warn"))){
const err12 = {instancePath:instancePath+"/duplicates",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
let data6 = data.leakage;
if(typeof data6 !== "string"){
const err13 = {instancePath:instancePath+"/leakage",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!((data6 === "fail") || (data6 === "warn"))){
const err14 = {instancePath:instancePath+"/leakage",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
let data7 = data.conflictingLabels;
if(typeof data7 !== "string"){
const err15 = {instancePath:instancePath+"/conflictingLabels",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!((data7 === "fail") || (data7 === "warn"))){
const err16 = {instancePath:instancePath+"/conflictingLabels",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema43.type,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema50 = {"title":"GateOptions","description":"When a tuned model may become champion.","type":"object","additionalProperties":false,"properties":{"metric":{"$ref":"#/$defs/gateMetric"},"minImprovementOverBaseline":{"description":"Absolute gain on the metric required over the base model.","type":"number","minimum":0,"maximum":1,"default":0.02},"minImprovementOverChampion":{"description":"Absolute gain on the metric required over the current champion, if any.","type":"number","minimum":0,"maximum":1,"default":0},"maxLabelRegression":{"description":"Largest per-label F1 drop against the baseline or the champion that is still accepted (classification only).","type":"number","minimum":0,"maximum":1,"default":0.1},"minLabelSupport":{"description":"Eval rows a label needs before its F1 drop can reject a run (smaller labels are too noisy to decide alone).","type":"integer","minimum":1,"default":10},"minSuccessRate":{"description":"Share of eval rows that must have been generated successfully, for each model.","type":"number","minimum":0,"maximum":1,"default":0.95},"minServingDays":{"description":"Do not promote a tuned model whose base model retires (its Vertex AI retirement date in the model catalog) in fewer than this many days: a tuned model stops serving with its base. Omit to skip the rule.","type":"integer","minimum":1}}};
const schema51 = {"description":"The overall metric the gate compares, computed from the stored predictions. It must fit task.type: classification macro_f1, micro_f1, weighted_f1 or accuracy; text_generation rouge-l_f1 or bleu4_score; summarization rouge-l_f1, rouge-l_precision or rouge-l_recall; question_answering exact_match. Default: the first of these for the task, filled in by the validator.","type":"string","enum":["macro_f1","micro_f1","weighted_f1","accuracy","rouge-l_f1","bleu4_score","rouge-l_precision","rouge-l_recall","exact_match"]};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.minImprovementOverBaseline === undefined){
data.minImprovementOverBaseline = 0.02;
}
if(data.minImprovementOverChampion === undefined){
data.minImprovementOverChampion = 0;
}
if(data.maxLabelRegression === undefined){
data.maxLabelRegression = 0.1;
}
if(data.minLabelSupport === undefined){
data.minLabelSupport = 10;
}
if(data.minSuccessRate === undefined){
data.minSuccessRate = 0.95;
}
for(const key0 in data){
if(!(((((((key0 === "metric") || (key0 === "minImprovementOverBaseline")) || (key0 === "minImprovementOverChampion")) || (key0 === "maxLabelRegression")) || (key0 === "minLabelSupport")) || (key0 === "minSuccessRate")) || (key0 === "minServingDays"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.metric !== undefined){
let data0 = data.metric;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/metric",schemaPath:"#/$defs/gateMetric/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.type,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(!(((((((((data0 === "macro_f1") || (data0 === "micro_f1")) || (data0 === "weighted_f1")) || (data0 === "accuracy")) || (data0 === "rouge-l_f1")) || (data0 === "bleu4_score")) || (data0 === "rouge-l_precision")) || (data0 === "rouge-l_recall")) || (data0 === "exact_match"))){
const err2 = {instancePath:instancePath+"/metric",schemaPath:"#/$defs/gateMetric/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values",schema:schema51.enum,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let data1 = data.minImprovementOverBaseline;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/minImprovementOverBaseline",schemaPath:"#/properties/minImprovementOverBaseline/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.minImprovementOverBaseline,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/minImprovementOverBaseline",schemaPath:"#/properties/minImprovementOverBaseline/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.minImprovementOverBaseline,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/minImprovementOverBaseline",schemaPath:"#/properties/minImprovementOverBaseline/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.minImprovementOverBaseline.type,parentSchema:schema50.properties.minImprovementOverBaseline,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
let data2 = data.minImprovementOverChampion;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/minImprovementOverChampion",schemaPath:"#/properties/minImprovementOverChampion/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.minImprovementOverChampion,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2 < 0 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/minImprovementOverChampion",schemaPath:"#/properties/minImprovementOverChampion/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.minImprovementOverChampion,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/minImprovementOverChampion",schemaPath:"#/properties/minImprovementOverChampion/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.minImprovementOverChampion.type,parentSchema:schema50.properties.minImprovementOverChampion,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
let data3 = data.maxLabelRegression;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/maxLabelRegression",schemaPath:"#/properties/maxLabelRegression/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.maxLabelRegression,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3 < 0 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/maxLabelRegression",schemaPath:"#/properties/maxLabelRegression/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.maxLabelRegression,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/maxLabelRegression",schemaPath:"#/properties/maxLabelRegression/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.maxLabelRegression.type,parentSchema:schema50.properties.maxLabelRegression,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
let data4 = data.minLabelSupport;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err12 = {instancePath:instancePath+"/minLabelSupport",schemaPath:"#/properties/minLabelSupport/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.minLabelSupport.type,parentSchema:schema50.properties.minLabelSupport,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/minLabelSupport",schemaPath:"#/properties/minLabelSupport/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.minLabelSupport,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
let data5 = data.minSuccessRate;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
const err14 = {instancePath:instancePath+"/minSuccessRate",schemaPath:"#/properties/minSuccessRate/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.minSuccessRate,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/minSuccessRate",schemaPath:"#/properties/minSuccessRate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.minSuccessRate,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/minSuccessRate",schemaPath:"#/properties/minSuccessRate/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.minSuccessRate.type,parentSchema:schema50.properties.minSuccessRate,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.minServingDays !== undefined){
let data6 = data.minServingDays;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err17 = {instancePath:instancePath+"/minServingDays",schemaPath:"#/properties/minServingDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.minServingDays.type,parentSchema:schema50.properties.minServingDays,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 1 || isNaN(data6)){
const err18 = {instancePath:instancePath+"/minServingDays",schemaPath:"#/properties/minServingDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.minServingDays,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="pipeline-config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.checks === undefined){
data.checks = {};
}
if(data.gate === undefined){
data.gate = {};
}
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.task === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task"},message:"must have required property '"+"task"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.data === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.model === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.deploy === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deploy"},message:"must have required property '"+"deploy"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema31.properties, key0))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err6 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err7 = {instancePath:instancePath+"/name",schemaPath:"definitions.schema.json#/$defs/pipelineName/pattern",keyword:"pattern",params:{pattern: "^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/name",schemaPath:"definitions.schema.json#/$defs/pipelineName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 === "string"){
if(func2(data2) > 1024){
const err9 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema31.properties.description,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.description.type,parentSchema:schema31.properties.description,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.task !== undefined){
if(!(validate22(data.task, {instancePath:instancePath+"/task",parentData:data,parentDataProperty:"task",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data.data !== undefined){
let data4 = data.data;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.train === undefined){
const err11 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/required",keyword:"required",params:{missingProperty: "train"},message:"must have required property '"+"train"+"'",schema:schema31.properties.data.required,parentSchema:schema31.properties.data,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4.eval === undefined){
const err12 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/required",keyword:"required",params:{missingProperty: "eval"},message:"must have required property '"+"eval"+"'",schema:schema31.properties.data.required,parentSchema:schema31.properties.data,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data4){
if(!((key1 === "train") || (key1 === "eval"))){
const err13 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema31.properties.data,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data4.train !== undefined){
let data5 = data4.train;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err14 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/dataLocation/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema37,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func2(data5) < 1){
const err15 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/dataLocation/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!pattern6.test(data5)){
const err16 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/dataLocation/pattern",keyword:"pattern",params:{pattern: "^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$"},message:"must match pattern \""+"^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$"+"\"",schema:"^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$",parentSchema:schema37,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/dataLocation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.type,parentSchema:schema37,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data4.eval !== undefined){
let data6 = data4.eval;
if(typeof data6 === "string"){
if(func2(data6) > 4096){
const err18 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/dataLocation/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema37,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(func2(data6) < 1){
const err19 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/dataLocation/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!pattern6.test(data6)){
const err20 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/dataLocation/pattern",keyword:"pattern",params:{pattern: "^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$"},message:"must match pattern \""+"^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$"+"\"",schema:"^(?:gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?|(?![A-Za-z][A-Za-z0-9+.-]*://)[^\\u0000-\\u001f\\u007f]+)$",parentSchema:schema37,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/dataLocation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.type,parentSchema:schema37,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.data.type,parentSchema:schema31.properties.data,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.model !== undefined){
if(!(validate24(data.model, {instancePath:instancePath+"/model",parentData:data,parentDataProperty:"model",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
if(!(validate26(data.checks, {instancePath:instancePath+"/checks",parentData:data,parentDataProperty:"checks",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
if(!(validate28(data.gate, {instancePath:instancePath+"/gate",parentData:data,parentDataProperty:"gate",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
if(data.deploy !== undefined){
let data10 = data.deploy;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.servingName === undefined){
const err23 = {instancePath:instancePath+"/deploy",schemaPath:"definitions.schema.json#/$defs/deploy/required",keyword:"required",params:{missingProperty: "servingName"},message:"must have required property '"+"servingName"+"'",schema:schema52.required,parentSchema:schema52,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key2 in data10){
if(!(key2 === "servingName")){
const err24 = {instancePath:instancePath+"/deploy",schemaPath:"definitions.schema.json#/$defs/deploy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.servingName !== undefined){
let data11 = data10.servingName;
if(typeof data11 === "string"){
if(!pattern9.test(data11)){
const err25 = {instancePath:instancePath+"/deploy/servingName",schemaPath:"definitions.schema.json#/$defs/deploy/properties/servingName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,63}$",parentSchema:schema52.properties.servingName,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/deploy/servingName",schemaPath:"definitions.schema.json#/$defs/deploy/properties/servingName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.servingName.type,parentSchema:schema52.properties.servingName,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/deploy",schemaPath:"definitions.schema.json#/$defs/deploy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports["run-arguments.schema.json"] = validate30;
const schema53 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"run-arguments.schema.json","title":"RunArguments","description":"What one workflow execution receives: the pipeline config with its data in Cloud Storage, plus where to run.","type":"object","additionalProperties":false,"required":["runId","project","location","dataset","connection","name","task","data","model","deploy"],"properties":{"runId":{"$ref":"definitions.schema.json#/$defs/runId"},"project":{"description":"a Google Cloud project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter, not ending with a hyphen","type":"string","pattern":"^[a-z][a-z0-9-]{4,28}[a-z0-9]$"},"location":{"description":"a BigQuery location: US, EU or a region such as us-central1","type":"string","pattern":"^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$"},"dataset":{"description":"a BigQuery dataset id: 1 to 1024 letters, digits or underscores","type":"string","pattern":"^[A-Za-z0-9_]{1,1024}$"},"connection":{"description":"a Cloud resource connection as project.location.connection_id","type":"string","pattern":"^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20})\\.(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})\\.[A-Za-z0-9_-]{1,64}$"},"name":{"$ref":"definitions.schema.json#/$defs/pipelineName"},"description":{"type":"string","maxLength":1024},"task":{"$ref":"definitions.schema.json#/$defs/task"},"data":{"title":"DataUris","description":"Newline-delimited JSON files of {input_text, output_text} rows, already in Cloud Storage.","type":"object","additionalProperties":false,"required":["train","eval"],"properties":{"train":{"$ref":"definitions.schema.json#/$defs/gcsUri"},"eval":{"$ref":"definitions.schema.json#/$defs/gcsUri"}}},"model":{"$ref":"definitions.schema.json#/$defs/model"},"checks":{"$ref":"definitions.schema.json#/$defs/checks","default":{}},"gate":{"$ref":"definitions.schema.json#/$defs/gate","default":{}},"deploy":{"$ref":"definitions.schema.json#/$defs/deploy"}}};
const schema54 = {"description":"a run id: a lowercase letter, then up to 62 lowercase letters, digits or underscores","type":"string","pattern":"^[a-z][a-z0-9_]{0,62}$"};
const schema59 = {"description":"a Cloud Storage URI gs://bucket/object (bucket naming rules; no quotes, backslashes, whitespace or control characters; at most one *)","type":"string","maxLength":1280,"pattern":"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"};
const pattern10 = new RegExp("^[a-z][a-z0-9_]{0,62}$", "u");
const pattern11 = new RegExp("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", "u");
const pattern12 = new RegExp("^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$", "u");
const pattern13 = new RegExp("^[A-Za-z0-9_]{1,1024}$", "u");
const pattern14 = new RegExp("^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20})\\.(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})\\.[A-Za-z0-9_-]{1,64}$", "u");
const pattern17 = new RegExp("^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$", "u");

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
if("classification" !== data.type){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.labels === undefined){
const err1 = {instancePath,schemaPath:"#/then/required",keyword:"required",params:{missingProperty: "labels"},message:"must have required property '"+"labels"+"'",schema:schema34.then.required,parentSchema:schema34.then,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema34.if,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
data.type = "classification";
}
if(data.promptTemplate === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "promptTemplate"},message:"must have required property '"+"promptTemplate"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "labels")) || (key0 === "promptTemplate"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data1 = data.type;
if(!((((data1 === "classification") || (data1 === "text_generation")) || (data1 === "summarization")) || (data1 === "question_answering"))){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema34.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.type.enum,parentSchema:schema34.properties.type,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.labels !== undefined){
let data2 = data.labels;
if(Array.isArray(data2)){
if(data2.length > 200){
const err6 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/maxItems",keyword:"maxItems",params:{limit: 200},message:"must NOT have more than 200 items",schema:200,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2.length < 2){
const err7 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items",schema:2,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(func2(data3) > 200){
const err8 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data3) < 1){
const err9 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern5.test(data3)){
const err10 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/pattern",keyword:"pattern",params:{pattern: "^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$"},message:"must match pattern \""+"^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$"+"\"",schema:"^[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$",parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/labels/" + i0,schemaPath:"#/$defs/label/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.type,parentSchema:schema35,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
let i1 = data2.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data2[i1], data2[j0])){
const err12 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.labels.type,parentSchema:schema34.properties.labels,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.promptTemplate !== undefined){
let data4 = data.promptTemplate;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.suffix === undefined){
data4.suffix = "";
}
if(data4.prefix === undefined){
const err14 = {instancePath:instancePath+"/promptTemplate",schemaPath:"#/$defs/promptTemplate/required",keyword:"required",params:{missingProperty: "prefix"},message:"must have required property '"+"prefix"+"'",schema:schema36.required,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data4){
if(!((key1 === "prefix") || (key1 === "suffix"))){
const err15 = {instancePath:instancePath+"/promptTemplate",schemaPath:"#/$defs/promptTemplate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data4.prefix !== undefined){
let data5 = data4.prefix;
if(typeof data5 === "string"){
if(func2(data5) > 8000){
const err16 = {instancePath:instancePath+"/promptTemplate/prefix",schemaPath:"#/$defs/promptTemplate/properties/prefix/maxLength",keyword:"maxLength",params:{limit: 8000},message:"must NOT have more than 8000 characters",schema:8000,parentSchema:schema36.properties.prefix,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(func2(data5) < 1){
const err17 = {instancePath:instancePath+"/promptTemplate/prefix",schemaPath:"#/$defs/promptTemplate/properties/prefix/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.prefix,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/promptTemplate/prefix",schemaPath:"#/$defs/promptTemplate/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.prefix.type,parentSchema:schema36.properties.prefix,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
let data6 = data4.suffix;
if(typeof data6 === "string"){
if(func2(data6) > 8000){
const err19 = {instancePath:instancePath+"/promptTemplate/suffix",schemaPath:"#/$defs/promptTemplate/properties/suffix/maxLength",keyword:"maxLength",params:{limit: 8000},message:"must NOT have more than 8000 characters",schema:8000,parentSchema:schema36.properties.suffix,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/promptTemplate/suffix",schemaPath:"#/$defs/promptTemplate/properties/suffix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.suffix.type,parentSchema:schema36.properties.suffix,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/promptTemplate",schemaPath:"#/$defs/promptTemplate/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tuning === undefined){
data.tuning = {};
}
if(data.generation === undefined){
data.generation = {};
}
if(data.retries === undefined){
data.retries = {};
}
if(data.baseEndpoint === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "baseEndpoint"},message:"must have required property '"+"baseEndpoint"+"'",schema:schema39.required,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "baseEndpoint") || (key0 === "tuning")) || (key0 === "generation")) || (key0 === "retries"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.baseEndpoint !== undefined){
let data0 = data.baseEndpoint;
if(typeof data0 === "string"){
if(func2(data0) > 1024){
const err2 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema39.properties.baseEndpoint,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!pattern8.test(data0)){
const err3 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/pattern",keyword:"pattern",params:{pattern: "^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$"},message:"must match pattern \""+"^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$"+"\"",schema:"^(?:[A-Za-z0-9][A-Za-z0-9._@/-]{0,255}|https://[a-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._@/:-]+)$",parentSchema:schema39.properties.baseEndpoint,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.baseEndpoint.type,parentSchema:schema39.properties.baseEndpoint,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data1 = data.tuning;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.maxIterations === undefined){
data1.maxIterations = 300;
}
if(data1.learningRateMultiplier === undefined){
data1.learningRateMultiplier = 1;
}
if(data1.dataSplitMethod === undefined){
data1.dataSplitMethod = "NO_SPLIT";
}
for(const key1 in data1){
if(!(((((key1 === "maxIterations") || (key1 === "learningRateMultiplier")) || (key1 === "dataSplitMethod")) || (key1 === "dataSplitEvalFraction")) || (key1 === "evaluationTask"))){
const err5 = {instancePath:instancePath+"/tuning",schemaPath:"#/$defs/tuning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
let data2 = data1.maxIterations;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/tuning/maxIterations",schemaPath:"#/$defs/tuning/properties/maxIterations/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.maxIterations.type,parentSchema:schema40.properties.maxIterations,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/tuning/maxIterations",schemaPath:"#/$defs/tuning/properties/maxIterations/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.maxIterations,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
let data3 = data1.learningRateMultiplier;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 <= 0 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/tuning/learningRateMultiplier",schemaPath:"#/$defs/tuning/properties/learningRateMultiplier/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema40.properties.learningRateMultiplier,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/tuning/learningRateMultiplier",schemaPath:"#/$defs/tuning/properties/learningRateMultiplier/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema40.properties.learningRateMultiplier.type,parentSchema:schema40.properties.learningRateMultiplier,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
let data4 = data1.dataSplitMethod;
if(!(((data4 === "AUTO_SPLIT") || (data4 === "RANDOM")) || (data4 === "NO_SPLIT"))){
const err10 = {instancePath:instancePath+"/tuning/dataSplitMethod",schemaPath:"#/$defs/tuning/properties/dataSplitMethod/enum",keyword:"enum",params:{allowedValues: schema40.properties.dataSplitMethod.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.dataSplitMethod.enum,parentSchema:schema40.properties.dataSplitMethod,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data1.dataSplitEvalFraction !== undefined){
let data5 = data1.dataSplitEvalFraction;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/tuning/dataSplitEvalFraction",schemaPath:"#/$defs/tuning/properties/dataSplitEvalFraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema40.properties.dataSplitEvalFraction,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err12 = {instancePath:instancePath+"/tuning/dataSplitEvalFraction",schemaPath:"#/$defs/tuning/properties/dataSplitEvalFraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema40.properties.dataSplitEvalFraction,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/tuning/dataSplitEvalFraction",schemaPath:"#/$defs/tuning/properties/dataSplitEvalFraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema40.properties.dataSplitEvalFraction.type,parentSchema:schema40.properties.dataSplitEvalFraction,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.evaluationTask !== undefined){
let data6 = data1.evaluationTask;
if(!(((((data6 === "TEXT_GENERATION") || (data6 === "CLASSIFICATION")) || (data6 === "SUMMARIZATION")) || (data6 === "QUESTION_ANSWERING")) || (data6 === "UNSPECIFIED"))){
const err14 = {instancePath:instancePath+"/tuning/evaluationTask",schemaPath:"#/$defs/tuning/properties/evaluationTask/enum",keyword:"enum",params:{allowedValues: schema40.properties.evaluationTask.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.evaluationTask.enum,parentSchema:schema40.properties.evaluationTask,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/tuning",schemaPath:"#/$defs/tuning/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data:data1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
let data7 = data.generation;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.function === undefined){
data7.function = "AI.GENERATE_TEXT";
}
if(data7.maxOutputTokens === undefined){
data7.maxOutputTokens = 1024;
}
if(data7.temperature === undefined){
data7.temperature = 0;
}
if(data7.topP === undefined){
data7.topP = 0.95;
}
for(const key2 in data7){
if(!((((key2 === "function") || (key2 === "maxOutputTokens")) || (key2 === "temperature")) || (key2 === "topP"))){
const err16 = {instancePath:instancePath+"/generation",schemaPath:"#/$defs/generation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
let data8 = data7.function;
if(!((data8 === "AI.GENERATE_TEXT") || (data8 === "ML.GENERATE_TEXT"))){
const err17 = {instancePath:instancePath+"/generation/function",schemaPath:"#/$defs/generation/properties/function/enum",keyword:"enum",params:{allowedValues: schema41.properties.function.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.function.enum,parentSchema:schema41.properties.function,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
let data9 = data7.maxOutputTokens;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err18 = {instancePath:instancePath+"/generation/maxOutputTokens",schemaPath:"#/$defs/generation/properties/maxOutputTokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema41.properties.maxOutputTokens.type,parentSchema:schema41.properties.maxOutputTokens,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 8192 || isNaN(data9)){
const err19 = {instancePath:instancePath+"/generation/maxOutputTokens",schemaPath:"#/$defs/generation/properties/maxOutputTokens/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8192},message:"must be <= 8192",schema:8192,parentSchema:schema41.properties.maxOutputTokens,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data9 < 1 || isNaN(data9)){
const err20 = {instancePath:instancePath+"/generation/maxOutputTokens",schemaPath:"#/$defs/generation/properties/maxOutputTokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema41.properties.maxOutputTokens,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
let data10 = data7.temperature;
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 > 1 || isNaN(data10)){
const err21 = {instancePath:instancePath+"/generation/temperature",schemaPath:"#/$defs/generation/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema41.properties.temperature,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data10 < 0 || isNaN(data10)){
const err22 = {instancePath:instancePath+"/generation/temperature",schemaPath:"#/$defs/generation/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema41.properties.temperature,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/generation/temperature",schemaPath:"#/$defs/generation/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema41.properties.temperature.type,parentSchema:schema41.properties.temperature,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
let data11 = data7.topP;
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 1 || isNaN(data11)){
const err24 = {instancePath:instancePath+"/generation/topP",schemaPath:"#/$defs/generation/properties/topP/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema41.properties.topP,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data11 < 0 || isNaN(data11)){
const err25 = {instancePath:instancePath+"/generation/topP",schemaPath:"#/$defs/generation/properties/topP/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema41.properties.topP,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/generation/topP",schemaPath:"#/$defs/generation/properties/topP/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema41.properties.topP.type,parentSchema:schema41.properties.topP,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/generation",schemaPath:"#/$defs/generation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
let data12 = data.retries;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.maxPasses === undefined){
data12.maxPasses = 3;
}
for(const key3 in data12){
if(!(key3 === "maxPasses")){
const err28 = {instancePath:instancePath+"/retries",schemaPath:"#/$defs/retries/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
let data13 = data12.maxPasses;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err29 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/$defs/retries/properties/maxPasses/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema42.properties.maxPasses.type,parentSchema:schema42.properties.maxPasses,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 > 10 || isNaN(data13)){
const err30 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/$defs/retries/properties/maxPasses/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema42.properties.maxPasses,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data13 < 1 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/$defs/retries/properties/maxPasses/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema42.properties.maxPasses,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/retries",schemaPath:"#/$defs/retries/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate35.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.minTrainRows === undefined){
data.minTrainRows = 10;
}
if(data.minEvalRows === undefined){
data.minEvalRows = 10;
}
if(data.emptyInputs === undefined){
data.emptyInputs = "fail";
}
if(data.missingOutputs === undefined){
data.missingOutputs = "fail";
}
if(data.unknownLabels === undefined){
data.unknownLabels = "fail";
}
if(data.duplicates === undefined){
data.duplicates = "warn";
}
if(data.leakage === undefined){
data.leakage = "fail";
}
if(data.conflictingLabels === undefined){
data.conflictingLabels = "fail";
}
for(const key0 in data){
if(!((((((((key0 === "minTrainRows") || (key0 === "minEvalRows")) || (key0 === "emptyInputs")) || (key0 === "missingOutputs")) || (key0 === "unknownLabels")) || (key0 === "duplicates")) || (key0 === "leakage")) || (key0 === "conflictingLabels"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
let data0 = data.minTrainRows;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/minTrainRows",schemaPath:"#/properties/minTrainRows/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema43.properties.minTrainRows.type,parentSchema:schema43.properties.minTrainRows,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 10 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/minTrainRows",schemaPath:"#/properties/minTrainRows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema43.properties.minTrainRows,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let data1 = data.minEvalRows;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err3 = {instancePath:instancePath+"/minEvalRows",schemaPath:"#/properties/minEvalRows/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema43.properties.minEvalRows.type,parentSchema:schema43.properties.minEvalRows,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 1 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/minEvalRows",schemaPath:"#/properties/minEvalRows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema43.properties.minEvalRows,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
let data2 = data.emptyInputs;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/emptyInputs",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((data2 === "fail") || (data2 === "warn"))){
const err6 = {instancePath:instancePath+"/emptyInputs",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
let data3 = data.missingOutputs;
if(typeof data3 !== "string"){
const err7 = {instancePath:instancePath+"/missingOutputs",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!((data3 === "fail") || (data3 === "warn"))){
const err8 = {instancePath:instancePath+"/missingOutputs",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
let data4 = data.unknownLabels;
if(typeof data4 !== "string"){
const err9 = {instancePath:instancePath+"/unknownLabels",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!((data4 === "fail") || (data4 === "warn"))){
const err10 = {instancePath:instancePath+"/unknownLabels",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
let data5 = data.duplicates;
if(typeof data5 !== "string"){
const err11 = {instancePath:instancePath+"/duplicates",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!((data5 === "fail") || (data5 === "warn"))){
const err12 = {instancePath:instancePath+"/duplicates",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
let data6 = data.leakage;
if(typeof data6 !== "string"){
const err13 = {instancePath:instancePath+"/leakage",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!((data6 === "fail") || (data6 === "warn"))){
const err14 = {instancePath:instancePath+"/leakage",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
let data7 = data.conflictingLabels;
if(typeof data7 !== "string"){
const err15 = {instancePath:instancePath+"/conflictingLabels",schemaPath:"#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!((data7 === "fail") || (data7 === "warn"))){
const err16 = {instancePath:instancePath+"/conflictingLabels",schemaPath:"#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema43.type,parentSchema:schema43,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate35.errors = vErrors;
return errors === 0;
}
validate35.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.minImprovementOverBaseline === undefined){
data.minImprovementOverBaseline = 0.02;
}
if(data.minImprovementOverChampion === undefined){
data.minImprovementOverChampion = 0;
}
if(data.maxLabelRegression === undefined){
data.maxLabelRegression = 0.1;
}
if(data.minLabelSupport === undefined){
data.minLabelSupport = 10;
}
if(data.minSuccessRate === undefined){
data.minSuccessRate = 0.95;
}
for(const key0 in data){
if(!(((((((key0 === "metric") || (key0 === "minImprovementOverBaseline")) || (key0 === "minImprovementOverChampion")) || (key0 === "maxLabelRegression")) || (key0 === "minLabelSupport")) || (key0 === "minSuccessRate")) || (key0 === "minServingDays"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.metric !== undefined){
let data0 = data.metric;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/metric",schemaPath:"#/$defs/gateMetric/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.type,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(!(((((((((data0 === "macro_f1") || (data0 === "micro_f1")) || (data0 === "weighted_f1")) || (data0 === "accuracy")) || (data0 === "rouge-l_f1")) || (data0 === "bleu4_score")) || (data0 === "rouge-l_precision")) || (data0 === "rouge-l_recall")) || (data0 === "exact_match"))){
const err2 = {instancePath:instancePath+"/metric",schemaPath:"#/$defs/gateMetric/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values",schema:schema51.enum,parentSchema:schema51,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let data1 = data.minImprovementOverBaseline;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err3 = {instancePath:instancePath+"/minImprovementOverBaseline",schemaPath:"#/properties/minImprovementOverBaseline/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.minImprovementOverBaseline,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err4 = {instancePath:instancePath+"/minImprovementOverBaseline",schemaPath:"#/properties/minImprovementOverBaseline/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.minImprovementOverBaseline,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/minImprovementOverBaseline",schemaPath:"#/properties/minImprovementOverBaseline/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.minImprovementOverBaseline.type,parentSchema:schema50.properties.minImprovementOverBaseline,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
let data2 = data.minImprovementOverChampion;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
const err6 = {instancePath:instancePath+"/minImprovementOverChampion",schemaPath:"#/properties/minImprovementOverChampion/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.minImprovementOverChampion,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data2 < 0 || isNaN(data2)){
const err7 = {instancePath:instancePath+"/minImprovementOverChampion",schemaPath:"#/properties/minImprovementOverChampion/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.minImprovementOverChampion,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/minImprovementOverChampion",schemaPath:"#/properties/minImprovementOverChampion/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.minImprovementOverChampion.type,parentSchema:schema50.properties.minImprovementOverChampion,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
let data3 = data.maxLabelRegression;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/maxLabelRegression",schemaPath:"#/properties/maxLabelRegression/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.maxLabelRegression,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3 < 0 || isNaN(data3)){
const err10 = {instancePath:instancePath+"/maxLabelRegression",schemaPath:"#/properties/maxLabelRegression/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.maxLabelRegression,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/maxLabelRegression",schemaPath:"#/properties/maxLabelRegression/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.maxLabelRegression.type,parentSchema:schema50.properties.maxLabelRegression,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
let data4 = data.minLabelSupport;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err12 = {instancePath:instancePath+"/minLabelSupport",schemaPath:"#/properties/minLabelSupport/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.minLabelSupport.type,parentSchema:schema50.properties.minLabelSupport,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
const err13 = {instancePath:instancePath+"/minLabelSupport",schemaPath:"#/properties/minLabelSupport/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.minLabelSupport,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
let data5 = data.minSuccessRate;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
const err14 = {instancePath:instancePath+"/minSuccessRate",schemaPath:"#/properties/minSuccessRate/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema50.properties.minSuccessRate,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/minSuccessRate",schemaPath:"#/properties/minSuccessRate/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.minSuccessRate,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/minSuccessRate",schemaPath:"#/properties/minSuccessRate/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.minSuccessRate.type,parentSchema:schema50.properties.minSuccessRate,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.minServingDays !== undefined){
let data6 = data.minServingDays;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err17 = {instancePath:instancePath+"/minServingDays",schemaPath:"#/properties/minServingDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.minServingDays.type,parentSchema:schema50.properties.minServingDays,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 1 || isNaN(data6)){
const err18 = {instancePath:instancePath+"/minServingDays",schemaPath:"#/properties/minServingDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.minServingDays,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="run-arguments.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.checks === undefined){
data.checks = {};
}
if(data.gate === undefined){
data.gate = {};
}
if(data.runId === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.project === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "project"},message:"must have required property '"+"project"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.location === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "location"},message:"must have required property '"+"location"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.dataset === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "dataset"},message:"must have required property '"+"dataset"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.connection === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "connection"},message:"must have required property '"+"connection"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.name === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.task === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "task"},message:"must have required property '"+"task"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.data === undefined){
const err7 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.model === undefined){
const err8 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.deploy === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deploy"},message:"must have required property '"+"deploy"+"'",schema:schema53.required,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema53.properties, key0))){
const err10 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.runId !== undefined){
let data0 = data.runId;
if(typeof data0 === "string"){
if(!pattern10.test(data0)){
const err11 = {instancePath:instancePath+"/runId",schemaPath:"definitions.schema.json#/$defs/runId/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_]{0,62}$",parentSchema:schema54,data:data0};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/runId",schemaPath:"definitions.schema.json#/$defs/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.type,parentSchema:schema54,data:data0};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.project !== undefined){
let data1 = data.project;
if(typeof data1 === "string"){
if(!pattern11.test(data1)){
const err13 = {instancePath:instancePath+"/project",schemaPath:"#/properties/project/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{4,28}[a-z0-9]$"+"\"",schema:"^[a-z][a-z0-9-]{4,28}[a-z0-9]$",parentSchema:schema53.properties.project,data:data1};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/project",schemaPath:"#/properties/project/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.project.type,parentSchema:schema53.properties.project,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.location !== undefined){
let data2 = data.location;
if(typeof data2 === "string"){
if(!pattern12.test(data2)){
const err15 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/pattern",keyword:"pattern",params:{pattern: "^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$"},message:"must match pattern \""+"^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$"+"\"",schema:"^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$",parentSchema:schema53.properties.location,data:data2};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.location.type,parentSchema:schema53.properties.location,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.dataset !== undefined){
let data3 = data.dataset;
if(typeof data3 === "string"){
if(!pattern13.test(data3)){
const err17 = {instancePath:instancePath+"/dataset",schemaPath:"#/properties/dataset/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_]{1,1024}$"},message:"must match pattern \""+"^[A-Za-z0-9_]{1,1024}$"+"\"",schema:"^[A-Za-z0-9_]{1,1024}$",parentSchema:schema53.properties.dataset,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/dataset",schemaPath:"#/properties/dataset/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.dataset.type,parentSchema:schema53.properties.dataset,data:data3};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.connection !== undefined){
let data4 = data.connection;
if(typeof data4 === "string"){
if(!pattern14.test(data4)){
const err19 = {instancePath:instancePath+"/connection",schemaPath:"#/properties/connection/pattern",keyword:"pattern",params:{pattern: "^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20})\\.(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})\\.[A-Za-z0-9_-]{1,64}$"},message:"must match pattern \""+"^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20})\\.(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})\\.[A-Za-z0-9_-]{1,64}$"+"\"",schema:"^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20})\\.(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})\\.[A-Za-z0-9_-]{1,64}$",parentSchema:schema53.properties.connection,data:data4};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/connection",schemaPath:"#/properties/connection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.connection.type,parentSchema:schema53.properties.connection,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.name !== undefined){
let data5 = data.name;
if(typeof data5 === "string"){
if(!pattern4.test(data5)){
const err21 = {instancePath:instancePath+"/name",schemaPath:"definitions.schema.json#/$defs/pipelineName/pattern",keyword:"pattern",params:{pattern: "^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$"+"\"",schema:"^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$",parentSchema:schema33,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/name",schemaPath:"definitions.schema.json#/$defs/pipelineName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.description !== undefined){
let data6 = data.description;
if(typeof data6 === "string"){
if(func2(data6) > 1024){
const err23 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema53.properties.description,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.description.type,parentSchema:schema53.properties.description,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.task !== undefined){
if(!(validate31(data.task, {instancePath:instancePath+"/task",parentData:data,parentDataProperty:"task",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data.data !== undefined){
let data8 = data.data;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.train === undefined){
const err25 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/required",keyword:"required",params:{missingProperty: "train"},message:"must have required property '"+"train"+"'",schema:schema53.properties.data.required,parentSchema:schema53.properties.data,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data8.eval === undefined){
const err26 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/required",keyword:"required",params:{missingProperty: "eval"},message:"must have required property '"+"eval"+"'",schema:schema53.properties.data.required,parentSchema:schema53.properties.data,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key1 in data8){
if(!((key1 === "train") || (key1 === "eval"))){
const err27 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema53.properties.data,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data8.train !== undefined){
let data9 = data8.train;
if(typeof data9 === "string"){
if(func2(data9) > 1280){
const err28 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/gcsUri/maxLength",keyword:"maxLength",params:{limit: 1280},message:"must NOT have more than 1280 characters",schema:1280,parentSchema:schema59,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!pattern17.test(data9)){
const err29 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/gcsUri/pattern",keyword:"pattern",params:{pattern: "^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"},message:"must match pattern \""+"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"+"\"",schema:"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$",parentSchema:schema59,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/data/train",schemaPath:"definitions.schema.json#/$defs/gcsUri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema59.type,parentSchema:schema59,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data8.eval !== undefined){
let data10 = data8.eval;
if(typeof data10 === "string"){
if(func2(data10) > 1280){
const err31 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/gcsUri/maxLength",keyword:"maxLength",params:{limit: 1280},message:"must NOT have more than 1280 characters",schema:1280,parentSchema:schema59,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!pattern17.test(data10)){
const err32 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/gcsUri/pattern",keyword:"pattern",params:{pattern: "^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"},message:"must match pattern \""+"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"+"\"",schema:"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$",parentSchema:schema59,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/data/eval",schemaPath:"definitions.schema.json#/$defs/gcsUri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema59.type,parentSchema:schema59,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.properties.data.type,parentSchema:schema53.properties.data,data:data8};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.model !== undefined){
if(!(validate33(data.model, {instancePath:instancePath+"/model",parentData:data,parentDataProperty:"model",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
errors = vErrors.length;
}
}
if(!(validate35(data.checks, {instancePath:instancePath+"/checks",parentData:data,parentDataProperty:"checks",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
if(!(validate37(data.gate, {instancePath:instancePath+"/gate",parentData:data,parentDataProperty:"gate",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
if(data.deploy !== undefined){
let data14 = data.deploy;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.servingName === undefined){
const err35 = {instancePath:instancePath+"/deploy",schemaPath:"definitions.schema.json#/$defs/deploy/required",keyword:"required",params:{missingProperty: "servingName"},message:"must have required property '"+"servingName"+"'",schema:schema52.required,parentSchema:schema52,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key2 in data14){
if(!(key2 === "servingName")){
const err36 = {instancePath:instancePath+"/deploy",schemaPath:"definitions.schema.json#/$defs/deploy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data14.servingName !== undefined){
let data15 = data14.servingName;
if(typeof data15 === "string"){
if(!pattern9.test(data15)){
const err37 = {instancePath:instancePath+"/deploy/servingName",schemaPath:"definitions.schema.json#/$defs/deploy/properties/servingName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,63}$",parentSchema:schema52.properties.servingName,data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/deploy/servingName",schemaPath:"definitions.schema.json#/$defs/deploy/properties/servingName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.servingName.type,parentSchema:schema52.properties.servingName,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/deploy",schemaPath:"definitions.schema.json#/$defs/deploy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports["batch-predict-arguments.schema.json"] = validate39;
const schema75 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"batch-predict-arguments.schema.json","title":"BatchPredictArguments","description":"What one batch-predict execution receives: the serving name whose champion answers, the rows to answer, and where to run (project, location and dataset default to the deployment's environment).","type":"object","additionalProperties":false,"required":["servingName","source"],"properties":{"runId":{"$ref":"definitions.schema.json#/$defs/runId"},"project":{"description":"a Google Cloud project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter, not ending with a hyphen","type":"string","pattern":"^[a-z][a-z0-9-]{4,28}[a-z0-9]$"},"location":{"description":"a BigQuery location: US, EU or a region such as us-central1","type":"string","pattern":"^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$"},"dataset":{"description":"the pipeline dataset: 1 to 1024 letters, digits or underscores","type":"string","pattern":"^[A-Za-z0-9_]{1,1024}$"},"servingName":{"$ref":"definitions.schema.json#/$defs/deploy/properties/servingName"},"source":{"title":"PredictionSource","description":"Either newline-delimited JSON files of {id, input_text} rows in Cloud Storage, or a BigQuery table read by keyColumn and inputColumn.","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"uri":{"$ref":"definitions.schema.json#/$defs/gcsUri"},"table":{"description":"a table as project.dataset.table","type":"string","pattern":"^[a-z][a-z0-9-]{4,28}[a-z0-9]\\.[A-Za-z0-9_]{1,1024}\\.[A-Za-z0-9_]{1,1024}$"}}},"keyColumn":{"description":"the source table's key column (files always use id): a letter or underscore, then up to 299 letters, digits or underscores","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,299}$","default":"id"},"inputColumn":{"description":"the source table's text column (files always use input_text)","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,299}$","default":"input_text"},"drift":{"title":"DriftOptions","type":"object","additionalProperties":false,"properties":{"warnPsi":{"description":"Warn when the population stability index of the new predictions against the champion's evaluation predictions exceeds this. 0.1 is often read as a small shift and 0.25 as a large one.","type":"number","exclusiveMinimum":0,"maximum":10,"default":0.2},"minRows":{"description":"Warn only when the run has at least this many successful predictions: PSI grows on small samples, so a few dozen rows say little.","type":"integer","minimum":1,"default":100}}},"retries":{"title":"PredictRetries","type":"object","additionalProperties":false,"properties":{"maxPasses":{"description":"Generation passes at most: the first, then one per retry of rows whose status is retryable.","type":"integer","minimum":1,"maximum":10,"default":3}}}}};
const schema77 = {"description":"an identifier: a letter, then up to 63 letters, digits or underscores","type":"string","pattern":"^[A-Za-z][A-Za-z0-9_]{0,63}$"};
const pattern27 = new RegExp("^[a-z][a-z0-9-]{4,28}[a-z0-9]\\.[A-Za-z0-9_]{1,1024}\\.[A-Za-z0-9_]{1,1024}$", "u");
const pattern28 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,299}$", "u");

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="batch-predict-arguments.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.keyColumn === undefined){
data.keyColumn = "id";
}
if(data.inputColumn === undefined){
data.inputColumn = "input_text";
}
if(data.servingName === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "servingName"},message:"must have required property '"+"servingName"+"'",schema:schema75.required,parentSchema:schema75,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.source === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema75.required,parentSchema:schema75,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema75.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema75,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.runId !== undefined){
let data0 = data.runId;
if(typeof data0 === "string"){
if(!pattern10.test(data0)){
const err3 = {instancePath:instancePath+"/runId",schemaPath:"definitions.schema.json#/$defs/runId/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_]{0,62}$",parentSchema:schema54,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/runId",schemaPath:"definitions.schema.json#/$defs/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.type,parentSchema:schema54,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.project !== undefined){
let data1 = data.project;
if(typeof data1 === "string"){
if(!pattern11.test(data1)){
const err5 = {instancePath:instancePath+"/project",schemaPath:"#/properties/project/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{4,28}[a-z0-9]$"+"\"",schema:"^[a-z][a-z0-9-]{4,28}[a-z0-9]$",parentSchema:schema75.properties.project,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/project",schemaPath:"#/properties/project/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.project.type,parentSchema:schema75.properties.project,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.location !== undefined){
let data2 = data.location;
if(typeof data2 === "string"){
if(!pattern12.test(data2)){
const err7 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/pattern",keyword:"pattern",params:{pattern: "^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$"},message:"must match pattern \""+"^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$"+"\"",schema:"^(?:US|EU|us|eu|[a-z]+-[a-z]+[0-9]{1,2})$",parentSchema:schema75.properties.location,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.location.type,parentSchema:schema75.properties.location,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.dataset !== undefined){
let data3 = data.dataset;
if(typeof data3 === "string"){
if(!pattern13.test(data3)){
const err9 = {instancePath:instancePath+"/dataset",schemaPath:"#/properties/dataset/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_]{1,1024}$"},message:"must match pattern \""+"^[A-Za-z0-9_]{1,1024}$"+"\"",schema:"^[A-Za-z0-9_]{1,1024}$",parentSchema:schema75.properties.dataset,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/dataset",schemaPath:"#/properties/dataset/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.dataset.type,parentSchema:schema75.properties.dataset,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.servingName !== undefined){
let data4 = data.servingName;
if(typeof data4 === "string"){
if(!pattern9.test(data4)){
const err11 = {instancePath:instancePath+"/servingName",schemaPath:"definitions.schema.json#/$defs/deploy/properties/servingName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_]{0,63}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_]{0,63}$",parentSchema:schema77,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/servingName",schemaPath:"definitions.schema.json#/$defs/deploy/properties/servingName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema77.type,parentSchema:schema77,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.source !== undefined){
let data5 = data.source;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(Object.keys(data5).length > 1){
const err13 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema75.properties.source,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(Object.keys(data5).length < 1){
const err14 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema75.properties.source,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data5){
if(!((key1 === "uri") || (key1 === "table"))){
const err15 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema75.properties.source,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.uri !== undefined){
let data6 = data5.uri;
if(typeof data6 === "string"){
if(func2(data6) > 1280){
const err16 = {instancePath:instancePath+"/source/uri",schemaPath:"definitions.schema.json#/$defs/gcsUri/maxLength",keyword:"maxLength",params:{limit: 1280},message:"must NOT have more than 1280 characters",schema:1280,parentSchema:schema59,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!pattern17.test(data6)){
const err17 = {instancePath:instancePath+"/source/uri",schemaPath:"definitions.schema.json#/$defs/gcsUri/pattern",keyword:"pattern",params:{pattern: "^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"},message:"must match pattern \""+"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$"+"\"",schema:"^gs://(?=[a-z0-9._-]{3,222}/)(?!goog)[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*/(?=.)[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*(?:\\*[^\\s'\"`\\\\*\\u0000-\\u001f\\u007f]*)?$",parentSchema:schema59,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/source/uri",schemaPath:"definitions.schema.json#/$defs/gcsUri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema59.type,parentSchema:schema59,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data5.table !== undefined){
let data7 = data5.table;
if(typeof data7 === "string"){
if(!pattern27.test(data7)){
const err19 = {instancePath:instancePath+"/source/table",schemaPath:"#/properties/source/properties/table/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]\\.[A-Za-z0-9_]{1,1024}\\.[A-Za-z0-9_]{1,1024}$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{4,28}[a-z0-9]\\.[A-Za-z0-9_]{1,1024}\\.[A-Za-z0-9_]{1,1024}$"+"\"",schema:"^[a-z][a-z0-9-]{4,28}[a-z0-9]\\.[A-Za-z0-9_]{1,1024}\\.[A-Za-z0-9_]{1,1024}$",parentSchema:schema75.properties.source.properties.table,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/source/table",schemaPath:"#/properties/source/properties/table/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.source.properties.table.type,parentSchema:schema75.properties.source.properties.table,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema75.properties.source.type,parentSchema:schema75.properties.source,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
let data8 = data.keyColumn;
if(typeof data8 === "string"){
if(!pattern28.test(data8)){
const err22 = {instancePath:instancePath+"/keyColumn",schemaPath:"#/properties/keyColumn/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,299}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,299}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,299}$",parentSchema:schema75.properties.keyColumn,data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/keyColumn",schemaPath:"#/properties/keyColumn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.keyColumn.type,parentSchema:schema75.properties.keyColumn,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
let data9 = data.inputColumn;
if(typeof data9 === "string"){
if(!pattern28.test(data9)){
const err24 = {instancePath:instancePath+"/inputColumn",schemaPath:"#/properties/inputColumn/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,299}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,299}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,299}$",parentSchema:schema75.properties.inputColumn,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/inputColumn",schemaPath:"#/properties/inputColumn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema75.properties.inputColumn.type,parentSchema:schema75.properties.inputColumn,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data.drift !== undefined){
let data10 = data.drift;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.warnPsi === undefined){
data10.warnPsi = 0.2;
}
if(data10.minRows === undefined){
data10.minRows = 100;
}
for(const key2 in data10){
if(!((key2 === "warnPsi") || (key2 === "minRows"))){
const err26 = {instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema75.properties.drift,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
let data11 = data10.warnPsi;
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 10 || isNaN(data11)){
const err27 = {instancePath:instancePath+"/drift/warnPsi",schemaPath:"#/properties/drift/properties/warnPsi/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema75.properties.drift.properties.warnPsi,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data11 <= 0 || isNaN(data11)){
const err28 = {instancePath:instancePath+"/drift/warnPsi",schemaPath:"#/properties/drift/properties/warnPsi/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema75.properties.drift.properties.warnPsi,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/drift/warnPsi",schemaPath:"#/properties/drift/properties/warnPsi/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema75.properties.drift.properties.warnPsi.type,parentSchema:schema75.properties.drift.properties.warnPsi,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
let data12 = data10.minRows;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err30 = {instancePath:instancePath+"/drift/minRows",schemaPath:"#/properties/drift/properties/minRows/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema75.properties.drift.properties.minRows.type,parentSchema:schema75.properties.drift.properties.minRows,data:data12};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 1 || isNaN(data12)){
const err31 = {instancePath:instancePath+"/drift/minRows",schemaPath:"#/properties/drift/properties/minRows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema75.properties.drift.properties.minRows,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema75.properties.drift.type,parentSchema:schema75.properties.drift,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.retries !== undefined){
let data13 = data.retries;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.maxPasses === undefined){
data13.maxPasses = 3;
}
for(const key3 in data13){
if(!(key3 === "maxPasses")){
const err33 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema75.properties.retries,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
let data14 = data13.maxPasses;
if(!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))){
const err34 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/properties/retries/properties/maxPasses/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema75.properties.retries.properties.maxPasses.type,parentSchema:schema75.properties.retries.properties.maxPasses,data:data14};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 > 10 || isNaN(data14)){
const err35 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/properties/retries/properties/maxPasses/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10",schema:10,parentSchema:schema75.properties.retries.properties.maxPasses,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data14 < 1 || isNaN(data14)){
const err36 = {instancePath:instancePath+"/retries/maxPasses",schemaPath:"#/properties/retries/properties/maxPasses/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema75.properties.retries.properties.maxPasses,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema75.properties.retries.type,parentSchema:schema75.properties.retries,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema75.type,parentSchema:schema75,data};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports["example-row.schema.json"] = validate40;
const schema79 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"example-row.schema.json","title":"ExampleRow","description":"One line of a train or eval JSONL file, the walkthrough's shape. Other fields are allowed: the files are loaded with ignore_unknown_values, so ids, notes or a DATA_SPLIT_COL column can live beside the two used here.","type":"object","additionalProperties":true,"required":["input_text","output_text"],"properties":{"input_text":{"description":"The text the prompt template wraps.","type":"string","minLength":1},"output_text":{"description":"The expected answer: for classification, one of the labels.","type":"string"}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="example-row.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.input_text === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "input_text"},message:"must have required property '"+"input_text"+"'",schema:schema79.required,parentSchema:schema79,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.output_text === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "output_text"},message:"must have required property '"+"output_text"+"'",schema:schema79.required,parentSchema:schema79,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.input_text !== undefined){
let data0 = data.input_text;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err2 = {instancePath:instancePath+"/input_text",schemaPath:"#/properties/input_text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema79.properties.input_text,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/input_text",schemaPath:"#/properties/input_text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema79.properties.input_text.type,parentSchema:schema79.properties.input_text,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.output_text !== undefined){
let data1 = data.output_text;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/output_text",schemaPath:"#/properties/output_text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema79.properties.output_text.type,parentSchema:schema79.properties.output_text,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema79.type,parentSchema:schema79,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports["evaluation-record.schema.json"] = validate41;
const schema80 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"evaluation-record.schema.json","title":"EvaluationRecord","description":"One row of the evaluations table: a metric of one model in one run, overall, for one label, or one confusion-matrix cell.","type":"object","additionalProperties":false,"required":["run_id","model_role","model_name","scope","label","predicted_label","metric","value","created_at"],"properties":{"run_id":{"$ref":"definitions.schema.json#/$defs/runId"},"model_role":{"enum":["baseline","tuned","champion"]},"model_name":{"type":"string","minLength":1,"maxLength":1024},"scope":{"enum":["overall","label","confusion"]},"label":{"description":"Expected label; set for the label and confusion scopes only.","type":["string","null"]},"predicted_label":{"description":"Predicted label of a confusion cell; null when the output matched no label.","type":["string","null"]},"metric":{"description":"Classification metrics by label and overall, the confusion cell count, and the ML.EVALUATE metrics of the other task types.","enum":["precision","recall","f1","support","accuracy","macro_precision","macro_recall","macro_f1","micro_f1","weighted_f1","success_share","num_successful_rows","num_rows","count","bleu4_score","rouge-l_precision","rouge-l_recall","rouge-l_f1","exact_match"]},"value":{"type":"number"},"created_at":{"type":"string","format":"date-time"}},"allOf":[{"if":{"properties":{"scope":{"const":"overall"}}},"then":{"properties":{"label":{"type":"null"},"predicted_label":{"type":"null"}}}},{"if":{"properties":{"scope":{"const":"label"}}},"then":{"properties":{"label":{"type":"string"},"predicted_label":{"type":"null"},"metric":{"enum":["precision","recall","f1","support"]}}}},{"if":{"properties":{"scope":{"const":"confusion"}}},"then":{"properties":{"label":{"type":"string"},"metric":{"const":"count"}}}}]};
const formats0 = require("ajv-formats/dist/formats").fullFormats["date-time"];

function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="evaluation-record.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate41.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.scope !== undefined){
if("overall" !== data.scope){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.label !== undefined){
let data1 = data.label;
if(data1 !== null){
const err1 = {instancePath:instancePath+"/label",schemaPath:"#/allOf/0/then/properties/label/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema80.allOf[0].then.properties.label.type,parentSchema:schema80.allOf[0].then.properties.label,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.predicted_label !== undefined){
let data2 = data.predicted_label;
if(data2 !== null){
const err2 = {instancePath:instancePath+"/predicted_label",schemaPath:"#/allOf/0/then/properties/predicted_label/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema80.allOf[0].then.properties.predicted_label.type,parentSchema:schema80.allOf[0].then.properties.predicted_label,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
if(valid1){
var props0 = {};
props0.label = true;
props0.predicted_label = true;
props0.scope = true;
}
}
if(!valid1){
const err3 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema80.allOf[0].if,parentSchema:schema80.allOf[0],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const _errs11 = errors;
let valid4 = true;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.scope !== undefined){
if("label" !== data.scope){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs14 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.label !== undefined){
let data4 = data.label;
if(typeof data4 !== "string"){
const err5 = {instancePath:instancePath+"/label",schemaPath:"#/allOf/1/then/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema80.allOf[1].then.properties.label.type,parentSchema:schema80.allOf[1].then.properties.label,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.predicted_label !== undefined){
let data5 = data.predicted_label;
if(data5 !== null){
const err6 = {instancePath:instancePath+"/predicted_label",schemaPath:"#/allOf/1/then/properties/predicted_label/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema80.allOf[1].then.properties.predicted_label.type,parentSchema:schema80.allOf[1].then.properties.predicted_label,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.metric !== undefined){
let data6 = data.metric;
if(!((((data6 === "precision") || (data6 === "recall")) || (data6 === "f1")) || (data6 === "support"))){
const err7 = {instancePath:instancePath+"/metric",schemaPath:"#/allOf/1/then/properties/metric/enum",keyword:"enum",params:{allowedValues: schema80.allOf[1].then.properties.metric.enum},message:"must be equal to one of the allowed values",schema:schema80.allOf[1].then.properties.metric.enum,parentSchema:schema80.allOf[1].then.properties.metric,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
var _valid1 = _errs14 === errors;
valid4 = _valid1;
if(valid4){
var props1 = {};
props1.label = true;
props1.predicted_label = true;
props1.metric = true;
props1.scope = true;
}
}
if(!valid4){
const err8 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema80.allOf[1].if,parentSchema:schema80.allOf[1],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(props0 !== true && props1 !== undefined){
if(props1 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props1);
}
}
const _errs21 = errors;
let valid7 = true;
const _errs22 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.scope !== undefined){
if("confusion" !== data.scope){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
var _valid2 = _errs22 === errors;
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs24 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.label !== undefined){
let data8 = data.label;
if(typeof data8 !== "string"){
const err10 = {instancePath:instancePath+"/label",schemaPath:"#/allOf/2/then/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema80.allOf[2].then.properties.label.type,parentSchema:schema80.allOf[2].then.properties.label,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.metric !== undefined){
let data9 = data.metric;
if("count" !== data9){
const err11 = {instancePath:instancePath+"/metric",schemaPath:"#/allOf/2/then/properties/metric/const",keyword:"const",params:{allowedValue: "count"},message:"must be equal to constant",schema:"count",parentSchema:schema80.allOf[2].then.properties.metric,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
var _valid2 = _errs24 === errors;
valid7 = _valid2;
if(valid7){
var props2 = {};
props2.label = true;
props2.metric = true;
props2.scope = true;
}
}
if(!valid7){
const err12 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema80.allOf[2].if,parentSchema:schema80.allOf[2],data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(props0 !== true && props2 !== undefined){
if(props2 === true){
props0 = true;
}
else {
props0 = props0 || {};
Object.assign(props0, props2);
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.run_id === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "run_id"},message:"must have required property '"+"run_id"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.model_role === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model_role"},message:"must have required property '"+"model_role"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.model_name === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model_name"},message:"must have required property '"+"model_name"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.scope === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "scope"},message:"must have required property '"+"scope"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data.label === undefined){
const err17 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data.predicted_label === undefined){
const err18 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "predicted_label"},message:"must have required property '"+"predicted_label"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(data.metric === undefined){
const err19 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data.value === undefined){
const err20 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data.created_at === undefined){
const err21 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "created_at"},message:"must have required property '"+"created_at"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema80.properties, key0))){
const err22 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.run_id !== undefined){
let data10 = data.run_id;
if(typeof data10 === "string"){
if(!pattern10.test(data10)){
const err23 = {instancePath:instancePath+"/run_id",schemaPath:"definitions.schema.json#/$defs/runId/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_]{0,62}$",parentSchema:schema54,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/run_id",schemaPath:"definitions.schema.json#/$defs/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.type,parentSchema:schema54,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.model_role !== undefined){
let data11 = data.model_role;
if(!(((data11 === "baseline") || (data11 === "tuned")) || (data11 === "champion"))){
const err25 = {instancePath:instancePath+"/model_role",schemaPath:"#/properties/model_role/enum",keyword:"enum",params:{allowedValues: schema80.properties.model_role.enum},message:"must be equal to one of the allowed values",schema:schema80.properties.model_role.enum,parentSchema:schema80.properties.model_role,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.model_name !== undefined){
let data12 = data.model_name;
if(typeof data12 === "string"){
if(func2(data12) > 1024){
const err26 = {instancePath:instancePath+"/model_name",schemaPath:"#/properties/model_name/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema80.properties.model_name,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(func2(data12) < 1){
const err27 = {instancePath:instancePath+"/model_name",schemaPath:"#/properties/model_name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema80.properties.model_name,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/model_name",schemaPath:"#/properties/model_name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema80.properties.model_name.type,parentSchema:schema80.properties.model_name,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.scope !== undefined){
let data13 = data.scope;
if(!(((data13 === "overall") || (data13 === "label")) || (data13 === "confusion"))){
const err29 = {instancePath:instancePath+"/scope",schemaPath:"#/properties/scope/enum",keyword:"enum",params:{allowedValues: schema80.properties.scope.enum},message:"must be equal to one of the allowed values",schema:schema80.properties.scope.enum,parentSchema:schema80.properties.scope,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.label !== undefined){
let data14 = data.label;
if((typeof data14 !== "string") && (data14 !== null)){
const err30 = {instancePath:instancePath+"/label",schemaPath:"#/properties/label/type",keyword:"type",params:{type: schema80.properties.label.type},message:"must be string,null",schema:schema80.properties.label.type,parentSchema:schema80.properties.label,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.predicted_label !== undefined){
let data15 = data.predicted_label;
if((typeof data15 !== "string") && (data15 !== null)){
const err31 = {instancePath:instancePath+"/predicted_label",schemaPath:"#/properties/predicted_label/type",keyword:"type",params:{type: schema80.properties.predicted_label.type},message:"must be string,null",schema:schema80.properties.predicted_label.type,parentSchema:schema80.properties.predicted_label,data:data15};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.metric !== undefined){
let data16 = data.metric;
if(!(((((((((((((((((((data16 === "precision") || (data16 === "recall")) || (data16 === "f1")) || (data16 === "support")) || (data16 === "accuracy")) || (data16 === "macro_precision")) || (data16 === "macro_recall")) || (data16 === "macro_f1")) || (data16 === "micro_f1")) || (data16 === "weighted_f1")) || (data16 === "success_share")) || (data16 === "num_successful_rows")) || (data16 === "num_rows")) || (data16 === "count")) || (data16 === "bleu4_score")) || (data16 === "rouge-l_precision")) || (data16 === "rouge-l_recall")) || (data16 === "rouge-l_f1")) || (data16 === "exact_match"))){
const err32 = {instancePath:instancePath+"/metric",schemaPath:"#/properties/metric/enum",keyword:"enum",params:{allowedValues: schema80.properties.metric.enum},message:"must be equal to one of the allowed values",schema:schema80.properties.metric.enum,parentSchema:schema80.properties.metric,data:data16};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.value !== undefined){
let data17 = data.value;
if(!((typeof data17 == "number") && (isFinite(data17)))){
const err33 = {instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema80.properties.value.type,parentSchema:schema80.properties.value,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.created_at !== undefined){
let data18 = data.created_at;
if(typeof data18 === "string"){
if(!(formats0.validate(data18))){
const err34 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema80.properties.created_at,data:data18};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema80.properties.created_at.type,parentSchema:schema80.properties.created_at,data:data18};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.type,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
validate41.errors = vErrors;
return errors === 0;
}
validate41.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports["run-summary.schema.json"] = validate42;
const schema82 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"run-summary.schema.json","title":"RunSummary","description":"summary.json of one run: what was evaluated, what the gate decided, and what was deployed.","type":"object","additionalProperties":false,"required":["runId","status","startedAt","finishedAt","deployed","modelInvocations","dataChecks"],"properties":{"runId":{"$ref":"definitions.schema.json#/$defs/runId"},"status":{"description":"succeeded: the tuned model was deployed; rejected: the gate said no; failed: a step failed.","enum":["succeeded","rejected","failed"]},"startedAt":{"type":"string","format":"date-time"},"finishedAt":{"type":"string","format":"date-time"},"task":{"description":"The config's task.type (classification for runs recorded before there were others): classification summaries carry per-label metrics and F1 fields, the other types only `metrics`.","$ref":"definitions.schema.json#/$defs/task/properties/type"},"baseline":{"$ref":"#/$defs/modelEvaluation"},"tuned":{"$ref":"#/$defs/modelEvaluation"},"championEvaluation":{"description":"The current champion on this run's eval rows, when it is another model than the tuned one.","$ref":"#/$defs/modelEvaluation"},"tuning":{"title":"TuningOutcome","type":"object","additionalProperties":false,"required":["model","reused"],"properties":{"model":{"description":"Content-addressed name of the tuned model.","type":"string","minLength":1},"reused":{"description":"True when a previous run had already tuned this model.","type":"boolean"}}},"gate":{"title":"GateDecision","type":"object","additionalProperties":false,"required":["passed","metric","reasons"],"properties":{"passed":{"type":"boolean"},"metric":{"$ref":"definitions.schema.json#/$defs/gateMetric"},"reasons":{"description":"Every rule checked, passed or not.","type":"array","items":{"type":"string"}}}},"deployed":{"type":"boolean"},"champion":{"title":"ChampionChange","description":"What the serving name resolved to before and after the run; null when it had no champion.","type":"object","additionalProperties":false,"required":["before","after"],"properties":{"before":{"type":["string","null"]},"after":{"type":["string","null"]}}},"servingFunctionError":{"description":"Set when the promotion landed but the serving name's table function still serves the previous champion: why it was not replaced. `bqtune champion NAME --switch-function`, a rollback or a batch-predict run replaces it.","type":"string"},"modelInvocations":{"description":"Remote model calls the run made, retries included.","type":"integer","minimum":0},"dataChecks":{"type":"array","items":{"$ref":"#/$defs/dataCheckFinding"}},"warnings":{"description":"What validation found suspicious but allowed, such as a prompt label list that differs from task.labels.","type":"array","items":{"type":"string"}},"error":{"title":"RunError","description":"Why a failed run failed.","type":"object","additionalProperties":false,"required":["message"],"properties":{"message":{"type":"string"},"step":{"description":"Workflow step that raised the error.","type":"string"}}}},"allOf":[{"if":{"properties":{"status":{"enum":["succeeded","rejected"]}}},"then":{"required":["baseline","tuned","tuning","gate","champion"]}},{"if":{"properties":{"status":{"const":"failed"}}},"then":{"required":["error"]}}],"$defs":{"fraction":{"type":"number","minimum":0,"maximum":1},"modelEvaluation":{"title":"ModelEvaluation","type":"object","additionalProperties":false,"required":["model","successRate","perLabel"],"properties":{"model":{"type":"string","minLength":1},"metrics":{"description":"Every overall metric of the model on this run's eval rows, by the name the evaluations table stores it under: for classification accuracy, macro_precision, macro_recall, macro_f1, micro_f1, weighted_f1, invalid_answers; for the text tasks the ML.EVALUATE names (bleu4_score, rouge-l_precision, rouge-l_recall, rouge-l_f1, exact_match); for all success_share, num_rows, num_successful_rows. The gate compares metrics[gate.metric]. Absent in summaries written before there were task types other than classification.","type":"object","additionalProperties":{"type":"number"}},"macroF1":{"$ref":"#/$defs/fraction"},"microF1":{"$ref":"#/$defs/fraction"},"weightedF1":{"$ref":"#/$defs/fraction"},"accuracy":{"$ref":"#/$defs/fraction"},"successRate":{"description":"Share of eval rows generated without error.","$ref":"#/$defs/fraction"},"invalidAnswers":{"description":"Succeeded rows whose answer is outside the label set (each counts as wrong).","type":"integer","minimum":0},"failedRows":{"description":"Rows whose generation failed after every retry (each counts as wrong).","type":"integer","minimum":0},"perLabel":{"description":"Metrics of each label of the task.","type":"object","additionalProperties":{"$ref":"#/$defs/labelMetrics"}}}},"labelMetrics":{"title":"LabelMetrics","type":"object","additionalProperties":false,"required":["precision","recall","f1","support"],"properties":{"precision":{"$ref":"#/$defs/fraction"},"recall":{"$ref":"#/$defs/fraction"},"f1":{"$ref":"#/$defs/fraction"},"support":{"description":"Eval rows with this expected label.","type":"integer","minimum":0}}},"dataCheckFinding":{"title":"DataCheckFinding","type":"object","additionalProperties":false,"required":["check","split","severity","count","message"],"properties":{"check":{"description":"The checks option that governs the finding.","enum":["minTrainRows","minEvalRows","emptyInputs","missingOutputs","unknownLabels","duplicates","leakage","conflictingLabels"]},"kind":{"description":"The data check that found it.","enum":["row_count","empty_inputs","missing_outputs","unknown_labels","duplicates","leakage","conflicting_labels"]},"split":{"enum":["train","eval","both"]},"severity":{"$ref":"definitions.schema.json#/$defs/checkAction"},"count":{"description":"Offending rows or distinct texts, see unit.","type":"integer","minimum":0},"unit":{"description":"What count counts.","enum":["rows","texts"]},"message":{"type":"string"},"examples":{"description":"A few offending entries, with the lines of the user's files they come from.","type":"array","items":{"anyOf":[{"$ref":"#/$defs/findingExample"},{"description":"An input text alone, as runs before findings carried lines wrote it.","type":"string"}]}}}},"findingExample":{"title":"FindingExample","type":"object","additionalProperties":false,"required":["text"],"properties":{"text":{"description":"The input text, cut to 80 characters.","type":"string"},"key":{"description":"Hex SHA-256 of the normalised input text.","type":"string"},"with_label":{"description":"True when the finding is about this row's own output_text, given in label.","type":"boolean"},"label":{"description":"The row's output_text, when the finding is about it.","type":["string","null"]},"labels":{"description":"The labels that clash, for conflicting labels.","type":["array","null"],"items":{"type":"string"}},"lines":{"description":"Where the offending rows are: the user's file and 1-based line.","type":"array","items":{"type":"object","additionalProperties":false,"required":["file","line"],"properties":{"file":{"type":"string"},"line":{"type":"integer","minimum":1}}}}}}}};
const schema84 = {"description":"classification: per-label precision/recall/F1 and the gate metrics macro_f1, micro_f1, weighted_f1, accuracy; text_generation: bleu4_score and ROUGE-L (gate: rouge-l_f1 or bleu4_score); summarization: ROUGE-L (gate: rouge-l_f1, rouge-l_precision or rouge-l_recall); question_answering: exact_match.","enum":["classification","text_generation","summarization","question_answering"],"default":"classification"};
const schema85 = {"title":"ModelEvaluation","type":"object","additionalProperties":false,"required":["model","successRate","perLabel"],"properties":{"model":{"type":"string","minLength":1},"metrics":{"description":"Every overall metric of the model on this run's eval rows, by the name the evaluations table stores it under: for classification accuracy, macro_precision, macro_recall, macro_f1, micro_f1, weighted_f1, invalid_answers; for the text tasks the ML.EVALUATE names (bleu4_score, rouge-l_precision, rouge-l_recall, rouge-l_f1, exact_match); for all success_share, num_rows, num_successful_rows. The gate compares metrics[gate.metric]. Absent in summaries written before there were task types other than classification.","type":"object","additionalProperties":{"type":"number"}},"macroF1":{"$ref":"#/$defs/fraction"},"microF1":{"$ref":"#/$defs/fraction"},"weightedF1":{"$ref":"#/$defs/fraction"},"accuracy":{"$ref":"#/$defs/fraction"},"successRate":{"description":"Share of eval rows generated without error.","$ref":"#/$defs/fraction"},"invalidAnswers":{"description":"Succeeded rows whose answer is outside the label set (each counts as wrong).","type":"integer","minimum":0},"failedRows":{"description":"Rows whose generation failed after every retry (each counts as wrong).","type":"integer","minimum":0},"perLabel":{"description":"Metrics of each label of the task.","type":"object","additionalProperties":{"$ref":"#/$defs/labelMetrics"}}}};
const schema86 = {"type":"number","minimum":0,"maximum":1};
const schema91 = {"title":"LabelMetrics","type":"object","additionalProperties":false,"required":["precision","recall","f1","support"],"properties":{"precision":{"$ref":"#/$defs/fraction"},"recall":{"$ref":"#/$defs/fraction"},"f1":{"$ref":"#/$defs/fraction"},"support":{"description":"Eval rows with this expected label.","type":"integer","minimum":0}}};

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.precision === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "precision"},message:"must have required property '"+"precision"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.recall === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "recall"},message:"must have required property '"+"recall"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.f1 === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "f1"},message:"must have required property '"+"f1"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.support === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "support"},message:"must have required property '"+"support"+"'",schema:schema91.required,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "precision") || (key0 === "recall")) || (key0 === "f1")) || (key0 === "support"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.precision !== undefined){
let data0 = data.precision;
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 1 || isNaN(data0)){
const err5 = {instancePath:instancePath+"/precision",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data0 < 0 || isNaN(data0)){
const err6 = {instancePath:instancePath+"/precision",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/precision",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.recall !== undefined){
let data1 = data.recall;
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 1 || isNaN(data1)){
const err8 = {instancePath:instancePath+"/recall",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data1 < 0 || isNaN(data1)){
const err9 = {instancePath:instancePath+"/recall",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/recall",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.f1 !== undefined){
let data2 = data.f1;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 1 || isNaN(data2)){
const err11 = {instancePath:instancePath+"/f1",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data2 < 0 || isNaN(data2)){
const err12 = {instancePath:instancePath+"/f1",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/f1",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.support !== undefined){
let data3 = data.support;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err14 = {instancePath:instancePath+"/support",schemaPath:"#/properties/support/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema91.properties.support.type,parentSchema:schema91.properties.support,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err15 = {instancePath:instancePath+"/support",schemaPath:"#/properties/support/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema91.properties.support,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema91.type,parentSchema:schema91,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.model === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema85.required,parentSchema:schema85,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.successRate === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "successRate"},message:"must have required property '"+"successRate"+"'",schema:schema85.required,parentSchema:schema85,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.perLabel === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "perLabel"},message:"must have required property '"+"perLabel"+"'",schema:schema85.required,parentSchema:schema85,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema85.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema85,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.model !== undefined){
let data0 = data.model;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err4 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema85.properties.model,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema85.properties.model.type,parentSchema:schema85.properties.model,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.metrics !== undefined){
let data1 = data.metrics;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
let data2 = data1[key1];
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err6 = {instancePath:instancePath+"/metrics/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metrics/additionalProperties/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema85.properties.metrics.additionalProperties.type,parentSchema:schema85.properties.metrics.additionalProperties,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema85.properties.metrics.type,parentSchema:schema85.properties.metrics,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.macroF1 !== undefined){
let data3 = data.macroF1;
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 1 || isNaN(data3)){
const err8 = {instancePath:instancePath+"/macroF1",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3 < 0 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/macroF1",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/macroF1",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.microF1 !== undefined){
let data4 = data.microF1;
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 1 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/microF1",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4 < 0 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/microF1",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/microF1",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.weightedF1 !== undefined){
let data5 = data.weightedF1;
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 1 || isNaN(data5)){
const err14 = {instancePath:instancePath+"/weightedF1",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data5 < 0 || isNaN(data5)){
const err15 = {instancePath:instancePath+"/weightedF1",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/weightedF1",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.accuracy !== undefined){
let data6 = data.accuracy;
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 1 || isNaN(data6)){
const err17 = {instancePath:instancePath+"/accuracy",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data6 < 0 || isNaN(data6)){
const err18 = {instancePath:instancePath+"/accuracy",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/accuracy",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.successRate !== undefined){
let data7 = data.successRate;
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 1 || isNaN(data7)){
const err20 = {instancePath:instancePath+"/successRate",schemaPath:"#/$defs/fraction/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema86,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err21 = {instancePath:instancePath+"/successRate",schemaPath:"#/$defs/fraction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema86,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/successRate",schemaPath:"#/$defs/fraction/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema86.type,parentSchema:schema86,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.invalidAnswers !== undefined){
let data8 = data.invalidAnswers;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err23 = {instancePath:instancePath+"/invalidAnswers",schemaPath:"#/properties/invalidAnswers/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema85.properties.invalidAnswers.type,parentSchema:schema85.properties.invalidAnswers,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err24 = {instancePath:instancePath+"/invalidAnswers",schemaPath:"#/properties/invalidAnswers/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema85.properties.invalidAnswers,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
if(data.failedRows !== undefined){
let data9 = data.failedRows;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err25 = {instancePath:instancePath+"/failedRows",schemaPath:"#/properties/failedRows/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema85.properties.failedRows.type,parentSchema:schema85.properties.failedRows,data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err26 = {instancePath:instancePath+"/failedRows",schemaPath:"#/properties/failedRows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema85.properties.failedRows,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
if(data.perLabel !== undefined){
let data10 = data.perLabel;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key2 in data10){
if(!(validate44(data10[key2], {instancePath:instancePath+"/perLabel/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data10,parentDataProperty:key2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath:instancePath+"/perLabel",schemaPath:"#/properties/perLabel/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema85.properties.perLabel.type,parentSchema:schema85.properties.perLabel,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema85.type,parentSchema:schema85,data};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema96 = {"title":"DataCheckFinding","type":"object","additionalProperties":false,"required":["check","split","severity","count","message"],"properties":{"check":{"description":"The checks option that governs the finding.","enum":["minTrainRows","minEvalRows","emptyInputs","missingOutputs","unknownLabels","duplicates","leakage","conflictingLabels"]},"kind":{"description":"The data check that found it.","enum":["row_count","empty_inputs","missing_outputs","unknown_labels","duplicates","leakage","conflicting_labels"]},"split":{"enum":["train","eval","both"]},"severity":{"$ref":"definitions.schema.json#/$defs/checkAction"},"count":{"description":"Offending rows or distinct texts, see unit.","type":"integer","minimum":0},"unit":{"description":"What count counts.","enum":["rows","texts"]},"message":{"type":"string"},"examples":{"description":"A few offending entries, with the lines of the user's files they come from.","type":"array","items":{"anyOf":[{"$ref":"#/$defs/findingExample"},{"description":"An input text alone, as runs before findings carried lines wrote it.","type":"string"}]}}}};
const schema98 = {"title":"FindingExample","type":"object","additionalProperties":false,"required":["text"],"properties":{"text":{"description":"The input text, cut to 80 characters.","type":"string"},"key":{"description":"Hex SHA-256 of the normalised input text.","type":"string"},"with_label":{"description":"True when the finding is about this row's own output_text, given in label.","type":"boolean"},"label":{"description":"The row's output_text, when the finding is about it.","type":["string","null"]},"labels":{"description":"The labels that clash, for conflicting labels.","type":["array","null"],"items":{"type":"string"}},"lines":{"description":"Where the offending rows are: the user's file and 1-based line.","type":"array","items":{"type":"object","additionalProperties":false,"required":["file","line"],"properties":{"file":{"type":"string"},"line":{"type":"integer","minimum":1}}}}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.check === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "check"},message:"must have required property '"+"check"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.split === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "split"},message:"must have required property '"+"split"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.severity === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.count === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.message === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema96.required,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "check") || (key0 === "kind")) || (key0 === "split")) || (key0 === "severity")) || (key0 === "count")) || (key0 === "unit")) || (key0 === "message")) || (key0 === "examples"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.check !== undefined){
let data0 = data.check;
if(!((((((((data0 === "minTrainRows") || (data0 === "minEvalRows")) || (data0 === "emptyInputs")) || (data0 === "missingOutputs")) || (data0 === "unknownLabels")) || (data0 === "duplicates")) || (data0 === "leakage")) || (data0 === "conflictingLabels"))){
const err6 = {instancePath:instancePath+"/check",schemaPath:"#/properties/check/enum",keyword:"enum",params:{allowedValues: schema96.properties.check.enum},message:"must be equal to one of the allowed values",schema:schema96.properties.check.enum,parentSchema:schema96.properties.check,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(!(((((((data1 === "row_count") || (data1 === "empty_inputs")) || (data1 === "missing_outputs")) || (data1 === "unknown_labels")) || (data1 === "duplicates")) || (data1 === "leakage")) || (data1 === "conflicting_labels"))){
const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema96.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema96.properties.kind.enum,parentSchema:schema96.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.split !== undefined){
let data2 = data.split;
if(!(((data2 === "train") || (data2 === "eval")) || (data2 === "both"))){
const err8 = {instancePath:instancePath+"/split",schemaPath:"#/properties/split/enum",keyword:"enum",params:{allowedValues: schema96.properties.split.enum},message:"must be equal to one of the allowed values",schema:schema96.properties.split.enum,parentSchema:schema96.properties.split,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.severity !== undefined){
let data3 = data.severity;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/severity",schemaPath:"definitions.schema.json#/$defs/checkAction/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.type,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!((data3 === "fail") || (data3 === "warn"))){
const err10 = {instancePath:instancePath+"/severity",schemaPath:"definitions.schema.json#/$defs/checkAction/enum",keyword:"enum",params:{allowedValues: schema44.enum},message:"must be equal to one of the allowed values",schema:schema44.enum,parentSchema:schema44,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.count !== undefined){
let data4 = data.count;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err11 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema96.properties.count.type,parentSchema:schema96.properties.count,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err12 = {instancePath:instancePath+"/count",schemaPath:"#/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema96.properties.count,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.unit !== undefined){
let data5 = data.unit;
if(!((data5 === "rows") || (data5 === "texts"))){
const err13 = {instancePath:instancePath+"/unit",schemaPath:"#/properties/unit/enum",keyword:"enum",params:{allowedValues: schema96.properties.unit.enum},message:"must be equal to one of the allowed values",schema:schema96.properties.unit.enum,parentSchema:schema96.properties.unit,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.message !== undefined){
let data6 = data.message;
if(typeof data6 !== "string"){
const err14 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.message.type,parentSchema:schema96.properties.message,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.examples !== undefined){
let data7 = data.examples;
if(Array.isArray(data7)){
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
const _errs16 = errors;
let valid4 = false;
const _errs17 = errors;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.text === undefined){
const err15 = {instancePath:instancePath+"/examples/" + i0,schemaPath:"#/$defs/findingExample/required",keyword:"required",params:{missingProperty: "text"},message:"must have required property '"+"text"+"'",schema:schema98.required,parentSchema:schema98,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key1 in data8){
if(!((((((key1 === "text") || (key1 === "key")) || (key1 === "with_label")) || (key1 === "label")) || (key1 === "labels")) || (key1 === "lines"))){
const err16 = {instancePath:instancePath+"/examples/" + i0,schemaPath:"#/$defs/findingExample/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema98,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data8.text !== undefined){
let data9 = data8.text;
if(typeof data9 !== "string"){
const err17 = {instancePath:instancePath+"/examples/" + i0+"/text",schemaPath:"#/$defs/findingExample/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema98.properties.text.type,parentSchema:schema98.properties.text,data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data8.key !== undefined){
let data10 = data8.key;
if(typeof data10 !== "string"){
const err18 = {instancePath:instancePath+"/examples/" + i0+"/key",schemaPath:"#/$defs/findingExample/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema98.properties.key.type,parentSchema:schema98.properties.key,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data8.with_label !== undefined){
let data11 = data8.with_label;
if(typeof data11 !== "boolean"){
const err19 = {instancePath:instancePath+"/examples/" + i0+"/with_label",schemaPath:"#/$defs/findingExample/properties/with_label/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema98.properties.with_label.type,parentSchema:schema98.properties.with_label,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data8.label !== undefined){
let data12 = data8.label;
if((typeof data12 !== "string") && (data12 !== null)){
const err20 = {instancePath:instancePath+"/examples/" + i0+"/label",schemaPath:"#/$defs/findingExample/properties/label/type",keyword:"type",params:{type: schema98.properties.label.type},message:"must be string,null",schema:schema98.properties.label.type,parentSchema:schema98.properties.label,data:data12};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data8.labels !== undefined){
let data13 = data8.labels;
if((!(Array.isArray(data13))) && (data13 !== null)){
const err21 = {instancePath:instancePath+"/examples/" + i0+"/labels",schemaPath:"#/$defs/findingExample/properties/labels/type",keyword:"type",params:{type: schema98.properties.labels.type},message:"must be array,null",schema:schema98.properties.labels.type,parentSchema:schema98.properties.labels,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(Array.isArray(data13)){
const len1 = data13.length;
for(let i1=0; i1<len1; i1++){
let data14 = data13[i1];
if(typeof data14 !== "string"){
const err22 = {instancePath:instancePath+"/examples/" + i0+"/labels/" + i1,schemaPath:"#/$defs/findingExample/properties/labels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema98.properties.labels.items.type,parentSchema:schema98.properties.labels.items,data:data14};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
}
if(data8.lines !== undefined){
let data15 = data8.lines;
if(Array.isArray(data15)){
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
let data16 = data15[i2];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(data16.file === undefined){
const err23 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2,schemaPath:"#/$defs/findingExample/properties/lines/items/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema98.properties.lines.items.required,parentSchema:schema98.properties.lines.items,data:data16};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data16.line === undefined){
const err24 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2,schemaPath:"#/$defs/findingExample/properties/lines/items/required",keyword:"required",params:{missingProperty: "line"},message:"must have required property '"+"line"+"'",schema:schema98.properties.lines.items.required,parentSchema:schema98.properties.lines.items,data:data16};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key2 in data16){
if(!((key2 === "file") || (key2 === "line"))){
const err25 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2,schemaPath:"#/$defs/findingExample/properties/lines/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema98.properties.lines.items,data:data16};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data16.file !== undefined){
let data17 = data16.file;
if(typeof data17 !== "string"){
const err26 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2+"/file",schemaPath:"#/$defs/findingExample/properties/lines/items/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema98.properties.lines.items.properties.file.type,parentSchema:schema98.properties.lines.items.properties.file,data:data17};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data16.line !== undefined){
let data18 = data16.line;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err27 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2+"/line",schemaPath:"#/$defs/findingExample/properties/lines/items/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema98.properties.lines.items.properties.line.type,parentSchema:schema98.properties.lines.items.properties.line,data:data18};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 1 || isNaN(data18)){
const err28 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2+"/line",schemaPath:"#/$defs/findingExample/properties/lines/items/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema98.properties.lines.items.properties.line,data:data18};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
}
else {
const err29 = {instancePath:instancePath+"/examples/" + i0+"/lines/" + i2,schemaPath:"#/$defs/findingExample/properties/lines/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema98.properties.lines.items.type,parentSchema:schema98.properties.lines.items,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/examples/" + i0+"/lines",schemaPath:"#/$defs/findingExample/properties/lines/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema98.properties.lines.type,parentSchema:schema98.properties.lines,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/examples/" + i0,schemaPath:"#/$defs/findingExample/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema98.type,parentSchema:schema98,data:data8};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
var _valid0 = _errs17 === errors;
valid4 = valid4 || _valid0;
const _errs42 = errors;
if(typeof data8 !== "string"){
const err32 = {instancePath:instancePath+"/examples/" + i0,schemaPath:"#/properties/examples/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema96.properties.examples.items.anyOf[1].type,parentSchema:schema96.properties.examples.items.anyOf[1],data:data8};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var _valid0 = _errs42 === errors;
valid4 = valid4 || _valid0;
if(!valid4){
const err33 = {instancePath:instancePath+"/examples/" + i0,schemaPath:"#/properties/examples/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema96.properties.examples.items.anyOf,parentSchema:schema96.properties.examples.items,data:data8};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err34 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema96.properties.examples.type,parentSchema:schema96.properties.examples,data:data7};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema96.type,parentSchema:schema96,data};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="run-summary.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate42.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status !== undefined){
let data0 = data.status;
if(!((data0 === "succeeded") || (data0 === "rejected"))){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.baseline === undefined){
const err1 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "baseline"},message:"must have required property '"+"baseline"+"'",schema:schema82.allOf[0].then.required,parentSchema:schema82.allOf[0].then,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.tuned === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "tuned"},message:"must have required property '"+"tuned"+"'",schema:schema82.allOf[0].then.required,parentSchema:schema82.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.tuning === undefined){
const err3 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "tuning"},message:"must have required property '"+"tuning"+"'",schema:schema82.allOf[0].then.required,parentSchema:schema82.allOf[0].then,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.gate === undefined){
const err4 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "gate"},message:"must have required property '"+"gate"+"'",schema:schema82.allOf[0].then.required,parentSchema:schema82.allOf[0].then,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.champion === undefined){
const err5 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "champion"},message:"must have required property '"+"champion"+"'",schema:schema82.allOf[0].then.required,parentSchema:schema82.allOf[0].then,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
const err6 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema82.allOf[0].if,parentSchema:schema82.allOf[0],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
const _errs7 = errors;
let valid3 = true;
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.status !== undefined){
if("failed" !== data.status){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
var _valid1 = _errs8 === errors;
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.error === undefined){
const err8 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "error"},message:"must have required property '"+"error"+"'",schema:schema82.allOf[1].then.required,parentSchema:schema82.allOf[1].then,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid1 = _errs10 === errors;
valid3 = _valid1;
}
if(!valid3){
const err9 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema82.allOf[1].if,parentSchema:schema82.allOf[1],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.runId === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "runId"},message:"must have required property '"+"runId"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.status === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.startedAt === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "startedAt"},message:"must have required property '"+"startedAt"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.finishedAt === undefined){
const err13 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "finishedAt"},message:"must have required property '"+"finishedAt"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data.deployed === undefined){
const err14 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deployed"},message:"must have required property '"+"deployed"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data.modelInvocations === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "modelInvocations"},message:"must have required property '"+"modelInvocations"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.dataChecks === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "dataChecks"},message:"must have required property '"+"dataChecks"+"'",schema:schema82.required,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema82.properties, key0))){
const err17 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.runId !== undefined){
let data2 = data.runId;
if(typeof data2 === "string"){
if(!pattern10.test(data2)){
const err18 = {instancePath:instancePath+"/runId",schemaPath:"definitions.schema.json#/$defs/runId/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_]{0,62}$",parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/runId",schemaPath:"definitions.schema.json#/$defs/runId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema54.type,parentSchema:schema54,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.status !== undefined){
let data3 = data.status;
if(!(((data3 === "succeeded") || (data3 === "rejected")) || (data3 === "failed"))){
const err20 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema82.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema82.properties.status.enum,parentSchema:schema82.properties.status,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.startedAt !== undefined){
let data4 = data.startedAt;
if(typeof data4 === "string"){
if(!(formats0.validate(data4))){
const err21 = {instancePath:instancePath+"/startedAt",schemaPath:"#/properties/startedAt/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema82.properties.startedAt,data:data4};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/startedAt",schemaPath:"#/properties/startedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.startedAt.type,parentSchema:schema82.properties.startedAt,data:data4};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.finishedAt !== undefined){
let data5 = data.finishedAt;
if(typeof data5 === "string"){
if(!(formats0.validate(data5))){
const err23 = {instancePath:instancePath+"/finishedAt",schemaPath:"#/properties/finishedAt/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema82.properties.finishedAt,data:data5};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/finishedAt",schemaPath:"#/properties/finishedAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.finishedAt.type,parentSchema:schema82.properties.finishedAt,data:data5};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.task !== undefined){
let data6 = data.task;
if(!((((data6 === "classification") || (data6 === "text_generation")) || (data6 === "summarization")) || (data6 === "question_answering"))){
const err25 = {instancePath:instancePath+"/task",schemaPath:"definitions.schema.json#/$defs/task/properties/type/enum",keyword:"enum",params:{allowedValues: schema84.enum},message:"must be equal to one of the allowed values",schema:schema84.enum,parentSchema:schema84,data:data6};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.baseline !== undefined){
if(!(validate43(data.baseline, {instancePath:instancePath+"/baseline",parentData:data,parentDataProperty:"baseline",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
if(data.tuned !== undefined){
if(!(validate43(data.tuned, {instancePath:instancePath+"/tuned",parentData:data,parentDataProperty:"tuned",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
if(data.championEvaluation !== undefined){
if(!(validate43(data.championEvaluation, {instancePath:instancePath+"/championEvaluation",parentData:data,parentDataProperty:"championEvaluation",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
}
if(data.tuning !== undefined){
let data10 = data.tuning;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.model === undefined){
const err26 = {instancePath:instancePath+"/tuning",schemaPath:"#/properties/tuning/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema82.properties.tuning.required,parentSchema:schema82.properties.tuning,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data10.reused === undefined){
const err27 = {instancePath:instancePath+"/tuning",schemaPath:"#/properties/tuning/required",keyword:"required",params:{missingProperty: "reused"},message:"must have required property '"+"reused"+"'",schema:schema82.properties.tuning.required,parentSchema:schema82.properties.tuning,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key1 in data10){
if(!((key1 === "model") || (key1 === "reused"))){
const err28 = {instancePath:instancePath+"/tuning",schemaPath:"#/properties/tuning/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema82.properties.tuning,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data10.model !== undefined){
let data11 = data10.model;
if(typeof data11 === "string"){
if(func2(data11) < 1){
const err29 = {instancePath:instancePath+"/tuning/model",schemaPath:"#/properties/tuning/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema82.properties.tuning.properties.model,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/tuning/model",schemaPath:"#/properties/tuning/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.tuning.properties.model.type,parentSchema:schema82.properties.tuning.properties.model,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data10.reused !== undefined){
let data12 = data10.reused;
if(typeof data12 !== "boolean"){
const err31 = {instancePath:instancePath+"/tuning/reused",schemaPath:"#/properties/tuning/properties/reused/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.tuning.properties.reused.type,parentSchema:schema82.properties.tuning.properties.reused,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/tuning",schemaPath:"#/properties/tuning/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.properties.tuning.type,parentSchema:schema82.properties.tuning,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.gate !== undefined){
let data13 = data.gate;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.passed === undefined){
const err33 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/required",keyword:"required",params:{missingProperty: "passed"},message:"must have required property '"+"passed"+"'",schema:schema82.properties.gate.required,parentSchema:schema82.properties.gate,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data13.metric === undefined){
const err34 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'",schema:schema82.properties.gate.required,parentSchema:schema82.properties.gate,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data13.reasons === undefined){
const err35 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/required",keyword:"required",params:{missingProperty: "reasons"},message:"must have required property '"+"reasons"+"'",schema:schema82.properties.gate.required,parentSchema:schema82.properties.gate,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key2 in data13){
if(!(((key2 === "passed") || (key2 === "metric")) || (key2 === "reasons"))){
const err36 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema82.properties.gate,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data13.passed !== undefined){
let data14 = data13.passed;
if(typeof data14 !== "boolean"){
const err37 = {instancePath:instancePath+"/gate/passed",schemaPath:"#/properties/gate/properties/passed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.gate.properties.passed.type,parentSchema:schema82.properties.gate.properties.passed,data:data14};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data13.metric !== undefined){
let data15 = data13.metric;
if(typeof data15 !== "string"){
const err38 = {instancePath:instancePath+"/gate/metric",schemaPath:"definitions.schema.json#/$defs/gateMetric/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema51.type,parentSchema:schema51,data:data15};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!(((((((((data15 === "macro_f1") || (data15 === "micro_f1")) || (data15 === "weighted_f1")) || (data15 === "accuracy")) || (data15 === "rouge-l_f1")) || (data15 === "bleu4_score")) || (data15 === "rouge-l_precision")) || (data15 === "rouge-l_recall")) || (data15 === "exact_match"))){
const err39 = {instancePath:instancePath+"/gate/metric",schemaPath:"definitions.schema.json#/$defs/gateMetric/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values",schema:schema51.enum,parentSchema:schema51,data:data15};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data13.reasons !== undefined){
let data16 = data13.reasons;
if(Array.isArray(data16)){
const len0 = data16.length;
for(let i0=0; i0<len0; i0++){
let data17 = data16[i0];
if(typeof data17 !== "string"){
const err40 = {instancePath:instancePath+"/gate/reasons/" + i0,schemaPath:"#/properties/gate/properties/reasons/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.gate.properties.reasons.items.type,parentSchema:schema82.properties.gate.properties.reasons.items,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/gate/reasons",schemaPath:"#/properties/gate/properties/reasons/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.gate.properties.reasons.type,parentSchema:schema82.properties.gate.properties.reasons,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.properties.gate.type,parentSchema:schema82.properties.gate,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.deployed !== undefined){
let data18 = data.deployed;
if(typeof data18 !== "boolean"){
const err43 = {instancePath:instancePath+"/deployed",schemaPath:"#/properties/deployed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema82.properties.deployed.type,parentSchema:schema82.properties.deployed,data:data18};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.champion !== undefined){
let data19 = data.champion;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.before === undefined){
const err44 = {instancePath:instancePath+"/champion",schemaPath:"#/properties/champion/required",keyword:"required",params:{missingProperty: "before"},message:"must have required property '"+"before"+"'",schema:schema82.properties.champion.required,parentSchema:schema82.properties.champion,data:data19};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(data19.after === undefined){
const err45 = {instancePath:instancePath+"/champion",schemaPath:"#/properties/champion/required",keyword:"required",params:{missingProperty: "after"},message:"must have required property '"+"after"+"'",schema:schema82.properties.champion.required,parentSchema:schema82.properties.champion,data:data19};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
for(const key3 in data19){
if(!((key3 === "before") || (key3 === "after"))){
const err46 = {instancePath:instancePath+"/champion",schemaPath:"#/properties/champion/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema82.properties.champion,data:data19};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data19.before !== undefined){
let data20 = data19.before;
if((typeof data20 !== "string") && (data20 !== null)){
const err47 = {instancePath:instancePath+"/champion/before",schemaPath:"#/properties/champion/properties/before/type",keyword:"type",params:{type: schema82.properties.champion.properties.before.type},message:"must be string,null",schema:schema82.properties.champion.properties.before.type,parentSchema:schema82.properties.champion.properties.before,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data19.after !== undefined){
let data21 = data19.after;
if((typeof data21 !== "string") && (data21 !== null)){
const err48 = {instancePath:instancePath+"/champion/after",schemaPath:"#/properties/champion/properties/after/type",keyword:"type",params:{type: schema82.properties.champion.properties.after.type},message:"must be string,null",schema:schema82.properties.champion.properties.after.type,parentSchema:schema82.properties.champion.properties.after,data:data21};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/champion",schemaPath:"#/properties/champion/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.properties.champion.type,parentSchema:schema82.properties.champion,data:data19};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.servingFunctionError !== undefined){
let data22 = data.servingFunctionError;
if(typeof data22 !== "string"){
const err50 = {instancePath:instancePath+"/servingFunctionError",schemaPath:"#/properties/servingFunctionError/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.servingFunctionError.type,parentSchema:schema82.properties.servingFunctionError,data:data22};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.modelInvocations !== undefined){
let data23 = data.modelInvocations;
if(!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))){
const err51 = {instancePath:instancePath+"/modelInvocations",schemaPath:"#/properties/modelInvocations/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema82.properties.modelInvocations.type,parentSchema:schema82.properties.modelInvocations,data:data23};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if((typeof data23 == "number") && (isFinite(data23))){
if(data23 < 0 || isNaN(data23)){
const err52 = {instancePath:instancePath+"/modelInvocations",schemaPath:"#/properties/modelInvocations/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema82.properties.modelInvocations,data:data23};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
if(data.dataChecks !== undefined){
let data24 = data.dataChecks;
if(Array.isArray(data24)){
const len1 = data24.length;
for(let i1=0; i1<len1; i1++){
if(!(validate49(data24[i1], {instancePath:instancePath+"/dataChecks/" + i1,parentData:data24,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
}
}
else {
const err53 = {instancePath:instancePath+"/dataChecks",schemaPath:"#/properties/dataChecks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.dataChecks.type,parentSchema:schema82.properties.dataChecks,data:data24};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data.warnings !== undefined){
let data26 = data.warnings;
if(Array.isArray(data26)){
const len2 = data26.length;
for(let i2=0; i2<len2; i2++){
let data27 = data26[i2];
if(typeof data27 !== "string"){
const err54 = {instancePath:instancePath+"/warnings/" + i2,schemaPath:"#/properties/warnings/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.warnings.items.type,parentSchema:schema82.properties.warnings.items,data:data27};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/warnings",schemaPath:"#/properties/warnings/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema82.properties.warnings.type,parentSchema:schema82.properties.warnings,data:data26};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data.error !== undefined){
let data28 = data.error;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.message === undefined){
const err56 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema82.properties.error.required,parentSchema:schema82.properties.error,data:data28};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
for(const key4 in data28){
if(!((key4 === "message") || (key4 === "step"))){
const err57 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema82.properties.error,data:data28};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data28.message !== undefined){
let data29 = data28.message;
if(typeof data29 !== "string"){
const err58 = {instancePath:instancePath+"/error/message",schemaPath:"#/properties/error/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.error.properties.message.type,parentSchema:schema82.properties.error.properties.message,data:data29};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data28.step !== undefined){
let data30 = data28.step;
if(typeof data30 !== "string"){
const err59 = {instancePath:instancePath+"/error/step",schemaPath:"#/properties/error/properties/step/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema82.properties.error.properties.step.type,parentSchema:schema82.properties.error.properties.step,data:data30};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/error",schemaPath:"#/properties/error/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.properties.error.type,parentSchema:schema82.properties.error,data:data28};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema82.type,parentSchema:schema82,data};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
validate42.errors = vErrors;
return errors === 0;
}
validate42.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

exports["stack-config.schema.json"] = validate51;
const schema99 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"stack-config.schema.json","title":"StackConfig","description":"Settings of one Pulumi stack of bqtune (the `bqtune:` namespace of Pulumi.<stack>.yaml). The GCP project comes from `gcp:project`.","type":"object","additionalProperties":false,"required":["environment","location","region","namePrefix","datasetId","bucket","workflow"],"properties":{"environment":{"description":"dev stacks are disposable; prod data is deletion-protected.","type":"string","enum":["dev","prod"]},"location":{"description":"BigQuery location of the dataset, the connection and every job: a multi-region (US, EU) or a region.","type":"string","pattern":"^(US|EU|[a-z]+-[a-z]+[0-9]+)$"},"region":{"description":"Region of the workflow and the Cloud Scheduler job (the bucket follows location; the Eventarc trigger is global).","type":"string","pattern":"^[a-z]+-[a-z]+[0-9]+$"},"namePrefix":{"description":"Prefix of every resource name; service account ids are built from it, hence the short limit.","type":"string","pattern":"^[a-z][a-z0-9-]{0,18}[a-z0-9]$"},"datasetId":{"description":"Dataset holding the examples, predictions, evaluations, runs and the model registry.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,1023}$"},"bucket":{"description":"Bucket for training and evaluation files: created by the stack, or an existing one.","type":"object","additionalProperties":false,"required":["create"],"properties":{"create":{"type":"boolean"},"name":{"description":"Bucket name; required when create is false, derived from the project when omitted.","type":"string","pattern":"^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$"}},"if":{"properties":{"create":{"const":false}}},"then":{"required":["name"]}},"baseEndpoint":{"description":"Vertex AI endpoint of the baseline remote model (and the default tuning base of triggered runs); omit it to use the model catalog's default base model.","type":"string","pattern":"^[a-z0-9][a-z0-9.@-]*$"},"retirementWarningDays":{"description":"Days before a base model's retirement date (model catalog) from which pulumi preview warns; default 90.","type":"integer","minimum":0},"retentionDays":{"description":"Days a partition of predictions, evaluations and runs is kept; omit to keep history for ever.","type":"integer","minimum":1},"workflow":{"type":"object","additionalProperties":false,"required":["callLogLevel","executionHistoryLevel"],"properties":{"callLogLevel":{"type":"string","enum":["LOG_ALL_CALLS","LOG_ERRORS_ONLY","LOG_NONE"]},"executionHistoryLevel":{"type":"string","enum":["EXECUTION_HISTORY_BASIC","EXECUTION_HISTORY_DETAILED"]}}},"schedule":{"description":"Start the pipeline on a cron schedule with these run arguments.","type":"object","additionalProperties":false,"required":["cron","timeZone","data","runArguments"],"properties":{"cron":{"description":"unix-cron expression of five fields.","type":"string","pattern":"^\\S+( \\S+){4}$"},"timeZone":{"description":"tz database name, e.g. Etc/UTC or Europe/Paris.","type":"string","pattern":"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$"},"data":{"description":"Training and evaluation files of triggered runs, as object names in the stack's data bucket (one * wildcard at most); the stack turns them into gs:// URIs of its own bucket.","type":"object","additionalProperties":false,"required":["train","eval"],"properties":{"train":{"type":"string","pattern":"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"},"eval":{"type":"string","pattern":"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"}}},"runArguments":{"description":"Arguments of each scheduled run, as `bqtune run` would pass them, without data (from `data`) and where to run (from the stack); model.baseEndpoint defaults to the stack's baseEndpoint.","type":"object","additionalProperties":true}}},"eventTrigger":{"description":"Start the pipeline when an object is written under this prefix of the data bucket.","type":"object","additionalProperties":false,"required":["prefix","auditLogs","data","runArguments"],"properties":{"prefix":{"description":"Object name prefix, a folder path ending with a slash, e.g. training/.","type":"string","pattern":"^([A-Za-z0-9._-]+/)+$"},"auditLogs":{"description":"The trigger filters uploads by path through Cloud Storage Data Access (DATA_WRITE) audit logs. enable-for-storage: the stack owns the project's Cloud Storage audit configuration (it replaces any other, and destroying the stack removes it). already-enabled: you turned those logs on yourself and the stack leaves the configuration alone.","type":"string","enum":["enable-for-storage","already-enabled"]},"data":{"description":"Training and evaluation files of triggered runs, as object names in the stack's data bucket (one * wildcard at most); the stack turns them into gs:// URIs of its own bucket.","type":"object","additionalProperties":false,"required":["train","eval"],"properties":{"train":{"type":"string","pattern":"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"},"eval":{"type":"string","pattern":"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"}}},"runArguments":{"description":"Arguments of each event-started run (the execution itself receives the storage event), without data (from `data`) and where to run; the workflow reads them from BQTUNE_RUN_ARGUMENTS, so their JSON must fit in 4 KiB.","type":"object","additionalProperties":true}}},"labels":{"description":"Labels added to every labelled resource, next to environment and app.","type":"object","propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"type":"string","pattern":"^[a-z0-9_-]{0,63}$"}},"predict":{"title":"PredictSettings","description":"The batch-predict workflow: which datasets it may read source tables from, and an optional schedule.","type":"object","additionalProperties":false,"properties":{"sourceDatasets":{"description":"Datasets whose tables batch-predict may read as sources, as dataset ids of the stack's project or project.dataset; batch-predict gets BigQuery Data Viewer on each. Files in the data bucket need nothing here.","type":"array","uniqueItems":true,"items":{"type":"string","pattern":"^([a-z][a-z0-9-]{4,28}[a-z0-9]\\.)?[A-Za-z0-9_]{1,1024}$"}},"schedule":{"description":"Start batch-predict on a cron schedule with these arguments.","type":"object","additionalProperties":false,"required":["cron","timeZone","arguments"],"properties":{"cron":{"description":"unix-cron expression of five fields.","type":"string","pattern":"^\\S+( \\S+){4}$"},"timeZone":{"description":"tz database name, e.g. Etc/UTC or Europe/Paris.","type":"string","pattern":"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$"},"arguments":{"description":"Arguments of each scheduled batch-predict run. project, location and dataset come from the stack; a source.table given as dataset.table is in the stack's project.","type":"object","additionalProperties":true}}}}}}};
const pattern32 = new RegExp("^(US|EU|[a-z]+-[a-z]+[0-9]+)$", "u");
const pattern33 = new RegExp("^[a-z]+-[a-z]+[0-9]+$", "u");
const pattern34 = new RegExp("^[a-z][a-z0-9-]{0,18}[a-z0-9]$", "u");
const pattern35 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,1023}$", "u");
const pattern36 = new RegExp("^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", "u");
const pattern37 = new RegExp("^[a-z0-9][a-z0-9.@-]*$", "u");
const pattern38 = new RegExp("^\\S+( \\S+){4}$", "u");
const pattern39 = new RegExp("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", "u");
const pattern40 = new RegExp("^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$", "u");
const pattern42 = new RegExp("^([A-Za-z0-9._-]+/)+$", "u");
const pattern45 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");
const pattern46 = new RegExp("^[a-z0-9_-]{0,63}$", "u");
const pattern47 = new RegExp("^([a-z][a-z0-9-]{4,28}[a-z0-9]\\.)?[A-Za-z0-9_]{1,1024}$", "u");

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="stack-config.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.environment === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "environment"},message:"must have required property '"+"environment"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.location === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "location"},message:"must have required property '"+"location"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.region === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "region"},message:"must have required property '"+"region"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.namePrefix === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "namePrefix"},message:"must have required property '"+"namePrefix"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.datasetId === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "datasetId"},message:"must have required property '"+"datasetId"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.bucket === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "bucket"},message:"must have required property '"+"bucket"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.workflow === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "workflow"},message:"must have required property '"+"workflow"+"'",schema:schema99.required,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema99.properties, key0))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.environment !== undefined){
let data0 = data.environment;
if(typeof data0 !== "string"){
const err8 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.environment.type,parentSchema:schema99.properties.environment,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!((data0 === "dev") || (data0 === "prod"))){
const err9 = {instancePath:instancePath+"/environment",schemaPath:"#/properties/environment/enum",keyword:"enum",params:{allowedValues: schema99.properties.environment.enum},message:"must be equal to one of the allowed values",schema:schema99.properties.environment.enum,parentSchema:schema99.properties.environment,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.location !== undefined){
let data1 = data.location;
if(typeof data1 === "string"){
if(!pattern32.test(data1)){
const err10 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/pattern",keyword:"pattern",params:{pattern: "^(US|EU|[a-z]+-[a-z]+[0-9]+)$"},message:"must match pattern \""+"^(US|EU|[a-z]+-[a-z]+[0-9]+)$"+"\"",schema:"^(US|EU|[a-z]+-[a-z]+[0-9]+)$",parentSchema:schema99.properties.location,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.location.type,parentSchema:schema99.properties.location,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.region !== undefined){
let data2 = data.region;
if(typeof data2 === "string"){
if(!pattern33.test(data2)){
const err12 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/pattern",keyword:"pattern",params:{pattern: "^[a-z]+-[a-z]+[0-9]+$"},message:"must match pattern \""+"^[a-z]+-[a-z]+[0-9]+$"+"\"",schema:"^[a-z]+-[a-z]+[0-9]+$",parentSchema:schema99.properties.region,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.region.type,parentSchema:schema99.properties.region,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.namePrefix !== undefined){
let data3 = data.namePrefix;
if(typeof data3 === "string"){
if(!pattern34.test(data3)){
const err14 = {instancePath:instancePath+"/namePrefix",schemaPath:"#/properties/namePrefix/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]{0,18}[a-z0-9]$"},message:"must match pattern \""+"^[a-z][a-z0-9-]{0,18}[a-z0-9]$"+"\"",schema:"^[a-z][a-z0-9-]{0,18}[a-z0-9]$",parentSchema:schema99.properties.namePrefix,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/namePrefix",schemaPath:"#/properties/namePrefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.namePrefix.type,parentSchema:schema99.properties.namePrefix,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.datasetId !== undefined){
let data4 = data.datasetId;
if(typeof data4 === "string"){
if(!pattern35.test(data4)){
const err16 = {instancePath:instancePath+"/datasetId",schemaPath:"#/properties/datasetId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,1023}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,1023}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,1023}$",parentSchema:schema99.properties.datasetId,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/datasetId",schemaPath:"#/properties/datasetId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.datasetId.type,parentSchema:schema99.properties.datasetId,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.bucket !== undefined){
let data5 = data.bucket;
const _errs14 = errors;
let valid1 = true;
const _errs15 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.create !== undefined){
if(false !== data5.create){
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var _valid0 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs17 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.name === undefined){
const err19 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/then/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema99.properties.bucket.then.required,parentSchema:schema99.properties.bucket.then,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var _valid0 = _errs17 === errors;
valid1 = _valid0;
}
if(!valid1){
const err20 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema99.properties.bucket.if,parentSchema:schema99.properties.bucket,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.create === undefined){
const err21 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/required",keyword:"required",params:{missingProperty: "create"},message:"must have required property '"+"create"+"'",schema:schema99.properties.bucket.required,parentSchema:schema99.properties.bucket,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key1 in data5){
if(!((key1 === "create") || (key1 === "name"))){
const err22 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.bucket,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data5.create !== undefined){
let data7 = data5.create;
if(typeof data7 !== "boolean"){
const err23 = {instancePath:instancePath+"/bucket/create",schemaPath:"#/properties/bucket/properties/create/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema99.properties.bucket.properties.create.type,parentSchema:schema99.properties.bucket.properties.create,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data5.name !== undefined){
let data8 = data5.name;
if(typeof data8 === "string"){
if(!pattern36.test(data8)){
const err24 = {instancePath:instancePath+"/bucket/name",schemaPath:"#/properties/bucket/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$"+"\"",schema:"^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$",parentSchema:schema99.properties.bucket.properties.name,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/bucket/name",schemaPath:"#/properties/bucket/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.bucket.properties.name.type,parentSchema:schema99.properties.bucket.properties.name,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/bucket",schemaPath:"#/properties/bucket/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.bucket.type,parentSchema:schema99.properties.bucket,data:data5};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.baseEndpoint !== undefined){
let data9 = data.baseEndpoint;
if(typeof data9 === "string"){
if(!pattern37.test(data9)){
const err27 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9.@-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9.@-]*$"+"\"",schema:"^[a-z0-9][a-z0-9.@-]*$",parentSchema:schema99.properties.baseEndpoint,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/baseEndpoint",schemaPath:"#/properties/baseEndpoint/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.baseEndpoint.type,parentSchema:schema99.properties.baseEndpoint,data:data9};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.retirementWarningDays !== undefined){
let data10 = data.retirementWarningDays;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err29 = {instancePath:instancePath+"/retirementWarningDays",schemaPath:"#/properties/retirementWarningDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema99.properties.retirementWarningDays.type,parentSchema:schema99.properties.retirementWarningDays,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err30 = {instancePath:instancePath+"/retirementWarningDays",schemaPath:"#/properties/retirementWarningDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema99.properties.retirementWarningDays,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.retentionDays !== undefined){
let data11 = data.retentionDays;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err31 = {instancePath:instancePath+"/retentionDays",schemaPath:"#/properties/retentionDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema99.properties.retentionDays.type,parentSchema:schema99.properties.retentionDays,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 1 || isNaN(data11)){
const err32 = {instancePath:instancePath+"/retentionDays",schemaPath:"#/properties/retentionDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema99.properties.retentionDays,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data.workflow !== undefined){
let data12 = data.workflow;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.callLogLevel === undefined){
const err33 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/required",keyword:"required",params:{missingProperty: "callLogLevel"},message:"must have required property '"+"callLogLevel"+"'",schema:schema99.properties.workflow.required,parentSchema:schema99.properties.workflow,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data12.executionHistoryLevel === undefined){
const err34 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/required",keyword:"required",params:{missingProperty: "executionHistoryLevel"},message:"must have required property '"+"executionHistoryLevel"+"'",schema:schema99.properties.workflow.required,parentSchema:schema99.properties.workflow,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
for(const key2 in data12){
if(!((key2 === "callLogLevel") || (key2 === "executionHistoryLevel"))){
const err35 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.workflow,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data12.callLogLevel !== undefined){
let data13 = data12.callLogLevel;
if(typeof data13 !== "string"){
const err36 = {instancePath:instancePath+"/workflow/callLogLevel",schemaPath:"#/properties/workflow/properties/callLogLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.workflow.properties.callLogLevel.type,parentSchema:schema99.properties.workflow.properties.callLogLevel,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if(!(((data13 === "LOG_ALL_CALLS") || (data13 === "LOG_ERRORS_ONLY")) || (data13 === "LOG_NONE"))){
const err37 = {instancePath:instancePath+"/workflow/callLogLevel",schemaPath:"#/properties/workflow/properties/callLogLevel/enum",keyword:"enum",params:{allowedValues: schema99.properties.workflow.properties.callLogLevel.enum},message:"must be equal to one of the allowed values",schema:schema99.properties.workflow.properties.callLogLevel.enum,parentSchema:schema99.properties.workflow.properties.callLogLevel,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data12.executionHistoryLevel !== undefined){
let data14 = data12.executionHistoryLevel;
if(typeof data14 !== "string"){
const err38 = {instancePath:instancePath+"/workflow/executionHistoryLevel",schemaPath:"#/properties/workflow/properties/executionHistoryLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.workflow.properties.executionHistoryLevel.type,parentSchema:schema99.properties.workflow.properties.executionHistoryLevel,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!((data14 === "EXECUTION_HISTORY_BASIC") || (data14 === "EXECUTION_HISTORY_DETAILED"))){
const err39 = {instancePath:instancePath+"/workflow/executionHistoryLevel",schemaPath:"#/properties/workflow/properties/executionHistoryLevel/enum",keyword:"enum",params:{allowedValues: schema99.properties.workflow.properties.executionHistoryLevel.enum},message:"must be equal to one of the allowed values",schema:schema99.properties.workflow.properties.executionHistoryLevel.enum,parentSchema:schema99.properties.workflow.properties.executionHistoryLevel,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/workflow",schemaPath:"#/properties/workflow/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.workflow.type,parentSchema:schema99.properties.workflow,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.schedule !== undefined){
let data15 = data.schedule;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.cron === undefined){
const err41 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/required",keyword:"required",params:{missingProperty: "cron"},message:"must have required property '"+"cron"+"'",schema:schema99.properties.schedule.required,parentSchema:schema99.properties.schedule,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data15.timeZone === undefined){
const err42 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/required",keyword:"required",params:{missingProperty: "timeZone"},message:"must have required property '"+"timeZone"+"'",schema:schema99.properties.schedule.required,parentSchema:schema99.properties.schedule,data:data15};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data15.data === undefined){
const err43 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'",schema:schema99.properties.schedule.required,parentSchema:schema99.properties.schedule,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data15.runArguments === undefined){
const err44 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/required",keyword:"required",params:{missingProperty: "runArguments"},message:"must have required property '"+"runArguments"+"'",schema:schema99.properties.schedule.required,parentSchema:schema99.properties.schedule,data:data15};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key3 in data15){
if(!((((key3 === "cron") || (key3 === "timeZone")) || (key3 === "data")) || (key3 === "runArguments"))){
const err45 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.schedule,data:data15};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data15.cron !== undefined){
let data16 = data15.cron;
if(typeof data16 === "string"){
if(!pattern38.test(data16)){
const err46 = {instancePath:instancePath+"/schedule/cron",schemaPath:"#/properties/schedule/properties/cron/pattern",keyword:"pattern",params:{pattern: "^\\S+( \\S+){4}$"},message:"must match pattern \""+"^\\S+( \\S+){4}$"+"\"",schema:"^\\S+( \\S+){4}$",parentSchema:schema99.properties.schedule.properties.cron,data:data16};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/schedule/cron",schemaPath:"#/properties/schedule/properties/cron/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.schedule.properties.cron.type,parentSchema:schema99.properties.schedule.properties.cron,data:data16};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data15.timeZone !== undefined){
let data17 = data15.timeZone;
if(typeof data17 === "string"){
if(!pattern39.test(data17)){
const err48 = {instancePath:instancePath+"/schedule/timeZone",schemaPath:"#/properties/schedule/properties/timeZone/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$"},message:"must match pattern \""+"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$"+"\"",schema:"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",parentSchema:schema99.properties.schedule.properties.timeZone,data:data17};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/schedule/timeZone",schemaPath:"#/properties/schedule/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.schedule.properties.timeZone.type,parentSchema:schema99.properties.schedule.properties.timeZone,data:data17};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data15.data !== undefined){
let data18 = data15.data;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.train === undefined){
const err50 = {instancePath:instancePath+"/schedule/data",schemaPath:"#/properties/schedule/properties/data/required",keyword:"required",params:{missingProperty: "train"},message:"must have required property '"+"train"+"'",schema:schema99.properties.schedule.properties.data.required,parentSchema:schema99.properties.schedule.properties.data,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data18.eval === undefined){
const err51 = {instancePath:instancePath+"/schedule/data",schemaPath:"#/properties/schedule/properties/data/required",keyword:"required",params:{missingProperty: "eval"},message:"must have required property '"+"eval"+"'",schema:schema99.properties.schedule.properties.data.required,parentSchema:schema99.properties.schedule.properties.data,data:data18};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
for(const key4 in data18){
if(!((key4 === "train") || (key4 === "eval"))){
const err52 = {instancePath:instancePath+"/schedule/data",schemaPath:"#/properties/schedule/properties/data/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.schedule.properties.data,data:data18};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data18.train !== undefined){
let data19 = data18.train;
if(typeof data19 === "string"){
if(!pattern40.test(data19)){
const err53 = {instancePath:instancePath+"/schedule/data/train",schemaPath:"#/properties/schedule/properties/data/properties/train/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"},message:"must match pattern \""+"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"+"\"",schema:"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$",parentSchema:schema99.properties.schedule.properties.data.properties.train,data:data19};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/schedule/data/train",schemaPath:"#/properties/schedule/properties/data/properties/train/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.schedule.properties.data.properties.train.type,parentSchema:schema99.properties.schedule.properties.data.properties.train,data:data19};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data18.eval !== undefined){
let data20 = data18.eval;
if(typeof data20 === "string"){
if(!pattern40.test(data20)){
const err55 = {instancePath:instancePath+"/schedule/data/eval",schemaPath:"#/properties/schedule/properties/data/properties/eval/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"},message:"must match pattern \""+"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"+"\"",schema:"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$",parentSchema:schema99.properties.schedule.properties.data.properties.eval,data:data20};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
else {
const err56 = {instancePath:instancePath+"/schedule/data/eval",schemaPath:"#/properties/schedule/properties/data/properties/eval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.schedule.properties.data.properties.eval.type,parentSchema:schema99.properties.schedule.properties.data.properties.eval,data:data20};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/schedule/data",schemaPath:"#/properties/schedule/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.schedule.properties.data.type,parentSchema:schema99.properties.schedule.properties.data,data:data18};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data15.runArguments !== undefined){
let data21 = data15.runArguments;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
}
else {
const err58 = {instancePath:instancePath+"/schedule/runArguments",schemaPath:"#/properties/schedule/properties/runArguments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.schedule.properties.runArguments.type,parentSchema:schema99.properties.schedule.properties.runArguments,data:data21};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.schedule.type,parentSchema:schema99.properties.schedule,data:data15};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.eventTrigger !== undefined){
let data22 = data.eventTrigger;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
if(data22.prefix === undefined){
const err60 = {instancePath:instancePath+"/eventTrigger",schemaPath:"#/properties/eventTrigger/required",keyword:"required",params:{missingProperty: "prefix"},message:"must have required property '"+"prefix"+"'",schema:schema99.properties.eventTrigger.required,parentSchema:schema99.properties.eventTrigger,data:data22};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data22.auditLogs === undefined){
const err61 = {instancePath:instancePath+"/eventTrigger",schemaPath:"#/properties/eventTrigger/required",keyword:"required",params:{missingProperty: "auditLogs"},message:"must have required property '"+"auditLogs"+"'",schema:schema99.properties.eventTrigger.required,parentSchema:schema99.properties.eventTrigger,data:data22};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data22.data === undefined){
const err62 = {instancePath:instancePath+"/eventTrigger",schemaPath:"#/properties/eventTrigger/required",keyword:"required",params:{missingProperty: "data"},message:"must have required property '"+"data"+"'",schema:schema99.properties.eventTrigger.required,parentSchema:schema99.properties.eventTrigger,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(data22.runArguments === undefined){
const err63 = {instancePath:instancePath+"/eventTrigger",schemaPath:"#/properties/eventTrigger/required",keyword:"required",params:{missingProperty: "runArguments"},message:"must have required property '"+"runArguments"+"'",schema:schema99.properties.eventTrigger.required,parentSchema:schema99.properties.eventTrigger,data:data22};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
for(const key5 in data22){
if(!((((key5 === "prefix") || (key5 === "auditLogs")) || (key5 === "data")) || (key5 === "runArguments"))){
const err64 = {instancePath:instancePath+"/eventTrigger",schemaPath:"#/properties/eventTrigger/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.eventTrigger,data:data22};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data22.prefix !== undefined){
let data23 = data22.prefix;
if(typeof data23 === "string"){
if(!pattern42.test(data23)){
const err65 = {instancePath:instancePath+"/eventTrigger/prefix",schemaPath:"#/properties/eventTrigger/properties/prefix/pattern",keyword:"pattern",params:{pattern: "^([A-Za-z0-9._-]+/)+$"},message:"must match pattern \""+"^([A-Za-z0-9._-]+/)+$"+"\"",schema:"^([A-Za-z0-9._-]+/)+$",parentSchema:schema99.properties.eventTrigger.properties.prefix,data:data23};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/eventTrigger/prefix",schemaPath:"#/properties/eventTrigger/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.eventTrigger.properties.prefix.type,parentSchema:schema99.properties.eventTrigger.properties.prefix,data:data23};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data22.auditLogs !== undefined){
let data24 = data22.auditLogs;
if(typeof data24 !== "string"){
const err67 = {instancePath:instancePath+"/eventTrigger/auditLogs",schemaPath:"#/properties/eventTrigger/properties/auditLogs/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.eventTrigger.properties.auditLogs.type,parentSchema:schema99.properties.eventTrigger.properties.auditLogs,data:data24};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!((data24 === "enable-for-storage") || (data24 === "already-enabled"))){
const err68 = {instancePath:instancePath+"/eventTrigger/auditLogs",schemaPath:"#/properties/eventTrigger/properties/auditLogs/enum",keyword:"enum",params:{allowedValues: schema99.properties.eventTrigger.properties.auditLogs.enum},message:"must be equal to one of the allowed values",schema:schema99.properties.eventTrigger.properties.auditLogs.enum,parentSchema:schema99.properties.eventTrigger.properties.auditLogs,data:data24};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data22.data !== undefined){
let data25 = data22.data;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.train === undefined){
const err69 = {instancePath:instancePath+"/eventTrigger/data",schemaPath:"#/properties/eventTrigger/properties/data/required",keyword:"required",params:{missingProperty: "train"},message:"must have required property '"+"train"+"'",schema:schema99.properties.eventTrigger.properties.data.required,parentSchema:schema99.properties.eventTrigger.properties.data,data:data25};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(data25.eval === undefined){
const err70 = {instancePath:instancePath+"/eventTrigger/data",schemaPath:"#/properties/eventTrigger/properties/data/required",keyword:"required",params:{missingProperty: "eval"},message:"must have required property '"+"eval"+"'",schema:schema99.properties.eventTrigger.properties.data.required,parentSchema:schema99.properties.eventTrigger.properties.data,data:data25};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
for(const key6 in data25){
if(!((key6 === "train") || (key6 === "eval"))){
const err71 = {instancePath:instancePath+"/eventTrigger/data",schemaPath:"#/properties/eventTrigger/properties/data/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.eventTrigger.properties.data,data:data25};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data25.train !== undefined){
let data26 = data25.train;
if(typeof data26 === "string"){
if(!pattern40.test(data26)){
const err72 = {instancePath:instancePath+"/eventTrigger/data/train",schemaPath:"#/properties/eventTrigger/properties/data/properties/train/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"},message:"must match pattern \""+"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"+"\"",schema:"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$",parentSchema:schema99.properties.eventTrigger.properties.data.properties.train,data:data26};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/eventTrigger/data/train",schemaPath:"#/properties/eventTrigger/properties/data/properties/train/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.eventTrigger.properties.data.properties.train.type,parentSchema:schema99.properties.eventTrigger.properties.data.properties.train,data:data26};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data25.eval !== undefined){
let data27 = data25.eval;
if(typeof data27 === "string"){
if(!pattern40.test(data27)){
const err74 = {instancePath:instancePath+"/eventTrigger/data/eval",schemaPath:"#/properties/eventTrigger/properties/data/properties/eval/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"},message:"must match pattern \""+"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$"+"\"",schema:"^[A-Za-z0-9._/-]+(\\*[A-Za-z0-9._/-]*)?$",parentSchema:schema99.properties.eventTrigger.properties.data.properties.eval,data:data27};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/eventTrigger/data/eval",schemaPath:"#/properties/eventTrigger/properties/data/properties/eval/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.eventTrigger.properties.data.properties.eval.type,parentSchema:schema99.properties.eventTrigger.properties.data.properties.eval,data:data27};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
else {
const err76 = {instancePath:instancePath+"/eventTrigger/data",schemaPath:"#/properties/eventTrigger/properties/data/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.eventTrigger.properties.data.type,parentSchema:schema99.properties.eventTrigger.properties.data,data:data25};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data22.runArguments !== undefined){
let data28 = data22.runArguments;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
}
else {
const err77 = {instancePath:instancePath+"/eventTrigger/runArguments",schemaPath:"#/properties/eventTrigger/properties/runArguments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.eventTrigger.properties.runArguments.type,parentSchema:schema99.properties.eventTrigger.properties.runArguments,data:data28};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
else {
const err78 = {instancePath:instancePath+"/eventTrigger",schemaPath:"#/properties/eventTrigger/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.eventTrigger.type,parentSchema:schema99.properties.eventTrigger,data:data22};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data.labels !== undefined){
let data29 = data.labels;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key7 in data29){
const _errs72 = errors;
if(typeof key7 === "string"){
if(!pattern45.test(key7)){
const err79 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema99.properties.labels.propertyNames,data:key7,propertyName:key7};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
var valid9 = _errs72 === errors;
if(!valid9){
const err80 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/propertyNames",keyword:"propertyNames",params:{propertyName: key7},message:"property name must be valid",schema:schema99.properties.labels.propertyNames,parentSchema:schema99.properties.labels,data:data29};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
for(const key8 in data29){
let data30 = data29[key8];
if(typeof data30 === "string"){
if(!pattern46.test(data30)){
const err81 = {instancePath:instancePath+"/labels/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/labels/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_-]{0,63}$"},message:"must match pattern \""+"^[a-z0-9_-]{0,63}$"+"\"",schema:"^[a-z0-9_-]{0,63}$",parentSchema:schema99.properties.labels.additionalProperties,data:data30};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/labels/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/labels/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.labels.additionalProperties.type,parentSchema:schema99.properties.labels.additionalProperties,data:data30};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
}
else {
const err83 = {instancePath:instancePath+"/labels",schemaPath:"#/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.labels.type,parentSchema:schema99.properties.labels,data:data29};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data.predict !== undefined){
let data31 = data.predict;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key9 in data31){
if(!((key9 === "sourceDatasets") || (key9 === "schedule"))){
const err84 = {instancePath:instancePath+"/predict",schemaPath:"#/properties/predict/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.predict,data:data31};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data31.sourceDatasets !== undefined){
let data32 = data31.sourceDatasets;
if(Array.isArray(data32)){
const len0 = data32.length;
for(let i0=0; i0<len0; i0++){
let data33 = data32[i0];
if(typeof data33 === "string"){
if(!pattern47.test(data33)){
const err85 = {instancePath:instancePath+"/predict/sourceDatasets/" + i0,schemaPath:"#/properties/predict/properties/sourceDatasets/items/pattern",keyword:"pattern",params:{pattern: "^([a-z][a-z0-9-]{4,28}[a-z0-9]\\.)?[A-Za-z0-9_]{1,1024}$"},message:"must match pattern \""+"^([a-z][a-z0-9-]{4,28}[a-z0-9]\\.)?[A-Za-z0-9_]{1,1024}$"+"\"",schema:"^([a-z][a-z0-9-]{4,28}[a-z0-9]\\.)?[A-Za-z0-9_]{1,1024}$",parentSchema:schema99.properties.predict.properties.sourceDatasets.items,data:data33};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/predict/sourceDatasets/" + i0,schemaPath:"#/properties/predict/properties/sourceDatasets/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.predict.properties.sourceDatasets.items.type,parentSchema:schema99.properties.predict.properties.sourceDatasets.items,data:data33};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
let i1 = data32.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data32[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err87 = {instancePath:instancePath+"/predict/sourceDatasets",schemaPath:"#/properties/predict/properties/sourceDatasets/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema99.properties.predict.properties.sourceDatasets,data:data32};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err88 = {instancePath:instancePath+"/predict/sourceDatasets",schemaPath:"#/properties/predict/properties/sourceDatasets/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema99.properties.predict.properties.sourceDatasets.type,parentSchema:schema99.properties.predict.properties.sourceDatasets,data:data32};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data31.schedule !== undefined){
let data34 = data31.schedule;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
if(data34.cron === undefined){
const err89 = {instancePath:instancePath+"/predict/schedule",schemaPath:"#/properties/predict/properties/schedule/required",keyword:"required",params:{missingProperty: "cron"},message:"must have required property '"+"cron"+"'",schema:schema99.properties.predict.properties.schedule.required,parentSchema:schema99.properties.predict.properties.schedule,data:data34};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if(data34.timeZone === undefined){
const err90 = {instancePath:instancePath+"/predict/schedule",schemaPath:"#/properties/predict/properties/schedule/required",keyword:"required",params:{missingProperty: "timeZone"},message:"must have required property '"+"timeZone"+"'",schema:schema99.properties.predict.properties.schedule.required,parentSchema:schema99.properties.predict.properties.schedule,data:data34};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data34.arguments === undefined){
const err91 = {instancePath:instancePath+"/predict/schedule",schemaPath:"#/properties/predict/properties/schedule/required",keyword:"required",params:{missingProperty: "arguments"},message:"must have required property '"+"arguments"+"'",schema:schema99.properties.predict.properties.schedule.required,parentSchema:schema99.properties.predict.properties.schedule,data:data34};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
for(const key10 in data34){
if(!(((key10 === "cron") || (key10 === "timeZone")) || (key10 === "arguments"))){
const err92 = {instancePath:instancePath+"/predict/schedule",schemaPath:"#/properties/predict/properties/schedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema99.properties.predict.properties.schedule,data:data34};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data34.cron !== undefined){
let data35 = data34.cron;
if(typeof data35 === "string"){
if(!pattern38.test(data35)){
const err93 = {instancePath:instancePath+"/predict/schedule/cron",schemaPath:"#/properties/predict/properties/schedule/properties/cron/pattern",keyword:"pattern",params:{pattern: "^\\S+( \\S+){4}$"},message:"must match pattern \""+"^\\S+( \\S+){4}$"+"\"",schema:"^\\S+( \\S+){4}$",parentSchema:schema99.properties.predict.properties.schedule.properties.cron,data:data35};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
else {
const err94 = {instancePath:instancePath+"/predict/schedule/cron",schemaPath:"#/properties/predict/properties/schedule/properties/cron/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.predict.properties.schedule.properties.cron.type,parentSchema:schema99.properties.predict.properties.schedule.properties.cron,data:data35};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data34.timeZone !== undefined){
let data36 = data34.timeZone;
if(typeof data36 === "string"){
if(!pattern39.test(data36)){
const err95 = {instancePath:instancePath+"/predict/schedule/timeZone",schemaPath:"#/properties/predict/properties/schedule/properties/timeZone/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$"},message:"must match pattern \""+"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$"+"\"",schema:"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",parentSchema:schema99.properties.predict.properties.schedule.properties.timeZone,data:data36};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/predict/schedule/timeZone",schemaPath:"#/properties/predict/properties/schedule/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema99.properties.predict.properties.schedule.properties.timeZone.type,parentSchema:schema99.properties.predict.properties.schedule.properties.timeZone,data:data36};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data34.arguments !== undefined){
let data37 = data34.arguments;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
}
else {
const err97 = {instancePath:instancePath+"/predict/schedule/arguments",schemaPath:"#/properties/predict/properties/schedule/properties/arguments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.predict.properties.schedule.properties.arguments.type,parentSchema:schema99.properties.predict.properties.schedule.properties.arguments,data:data37};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/predict/schedule",schemaPath:"#/properties/predict/properties/schedule/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.predict.properties.schedule.type,parentSchema:schema99.properties.predict.properties.schedule,data:data34};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/predict",schemaPath:"#/properties/predict/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.properties.predict.type,parentSchema:schema99.properties.predict,data:data31};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema99.type,parentSchema:schema99,data};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
validate51.errors = vErrors;
return errors === 0;
}
validate51.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export {};
