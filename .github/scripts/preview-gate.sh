#!/usr/bin/env bash
# Decides whether this job can preview STACK on Google Cloud, and says why not when it cannot.
# Inputs (environment): STACK, FORK ("true" for a pull request from a fork), and the secrets the preview
# needs, empty when missing: GCP_WORKLOAD_IDENTITY_PROVIDER, GCP_PREVIEW_SERVICE_ACCOUNT, and
# PULUMI_ACCESS_TOKEN or PULUMI_BACKEND_URL. Writes run=true|false to $GITHUB_OUTPUT; never fails the job.
set -euo pipefail

skip() {
  echo "::notice title=pulumi preview ($STACK) skipped::$1"
  echo "run=false" >>"$GITHUB_OUTPUT"
  exit 0
}

if [ "${FORK:-false}" = "true" ]; then
  skip "Pull requests from forks get no repository secrets, so the cloud preview does not run. A maintainer can push the branch to this repository to preview it."
fi
missing=()
[ -n "${GCP_WORKLOAD_IDENTITY_PROVIDER:-}" ] || missing+=(GCP_WORKLOAD_IDENTITY_PROVIDER)
[ -n "${GCP_PREVIEW_SERVICE_ACCOUNT:-}" ] || missing+=(GCP_PREVIEW_SERVICE_ACCOUNT)
[ -n "${PULUMI_ACCESS_TOKEN:-}${PULUMI_BACKEND_URL:-}" ] || missing+=("PULUMI_ACCESS_TOKEN or PULUMI_BACKEND_URL")
if [ "${#missing[@]}" -gt 0 ]; then
  skip "The repository secrets ${missing[*]} are not set (see docs/deploy-to-gcp.md, Pull requests)."
fi
echo "run=true" >>"$GITHUB_OUTPUT"
