import { PolicyPack } from '@pulumi/policy';
import { policies } from './policies';

new PolicyPack('bqtune-guardrails', { policies });
