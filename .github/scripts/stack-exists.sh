#!/usr/bin/env bash
# Whether the Pulumi stack STACK exists in the logged-in backend: a stack nobody has created yet (the
# first pull request of a new project) is skipped with a notice instead of failing the preview.
# Writes exists=true|false to $GITHUB_OUTPUT.
set -euo pipefail

if pulumi stack ls --json | jq -e --arg stack "$STACK" 'any(.[]; .name == $stack or (.name | endswith("/" + $stack)))' >/dev/null; then
  echo "exists=true" >>"$GITHUB_OUTPUT"
else
  echo "::notice title=pulumi preview ($STACK) skipped::The stack $STACK does not exist yet. Create it with \`pulumi stack init $STACK\` (docs/deploy-to-gcp.md, step 3) and the next push previews it."
  echo "exists=false" >>"$GITHUB_OUTPUT"
fi
