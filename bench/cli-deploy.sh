#!/usr/bin/env bash
# The baseline the benchmark compares the action with: the deploy script users write
# today with the AWS CLI. One command at a time, each a new CLI process:
#   CloudFront Function:  describe-function -> create-function | update-function (If-Match)
#                         -> publish-function (If-Match)
#   Connection Function:  list-connection-functions (name -> Id) -> describe-connection-function
#                         -> create-connection-function | update-connection-function (If-Match)
#                         -> publish-connection-function (If-Match)
# A publish of content that is already LIVE fails with PreconditionFailed; like most such
# scripts, this one then checks LIVE and carries on when it already serves the new ETag.
#
# Usage: cli-deploy.sh <function|connection-function> <name> <code-file> [comment]
# The endpoint comes from the CLI's usual configuration (AWS_ENDPOINT_URL_CLOUDFRONT in the
# benchmark), the credentials from the environment.
set -euo pipefail

kind=$1
name=$2
code=$3
comment=${4:-}
config=$(printf '{"Comment":"%s","Runtime":"cloudfront-js-2.0"}' "$comment")
cf() { aws cloudfront "$@"; }

if [[ $kind == function ]]; then
  if etag=$(cf describe-function --name "$name" --query ETag --output text 2>/tmp/cli-deploy.$$); then
    etag=$(cf update-function --name "$name" --if-match "$etag" \
      --function-config "$config" --function-code "fileb://$code" --query ETag --output text)
    # The API model names this response header ETtag: when the CLI finds no ETag, ask again.
    if [[ $etag == None || -z $etag ]]; then
      etag=$(cf describe-function --name "$name" --query ETag --output text)
    fi
    echo "updated $name ($etag)"
  elif grep -q NoSuchFunctionExists /tmp/cli-deploy.$$; then
    etag=$(cf create-function --name "$name" \
      --function-config "$config" --function-code "fileb://$code" --query ETag --output text)
    echo "created $name ($etag)"
  else
    cat /tmp/cli-deploy.$$ >&2
    rm -f /tmp/cli-deploy.$$
    exit 1
  fi
  rm -f /tmp/cli-deploy.$$
  if cf publish-function --name "$name" --if-match "$etag" --output text >/dev/null 2>&1; then
    echo "published $name"
  elif [[ $(cf describe-function --name "$name" --stage LIVE --query ETag --output text) == "$etag" ]]; then
    echo "$name is already live"
  else
    echo "publishing $name failed" >&2
    exit 1
  fi
elif [[ $kind == connection-function ]]; then
  id=$(cf list-connection-functions \
    --query "ConnectionFunctions[?Name=='$name'] | [0].Id" --output text)
  if [[ $id != None && -n $id ]]; then
    etag=$(cf describe-connection-function --identifier "$id" --query ETag --output text)
    etag=$(cf update-connection-function --id "$id" --if-match "$etag" \
      --connection-function-config "$config" --connection-function-code "fileb://$code" \
      --query ETag --output text)
    echo "updated $name $id ($etag)"
  else
    read -r id etag < <(cf create-connection-function --name "$name" \
      --connection-function-config "$config" --connection-function-code "fileb://$code" \
      --query '[ConnectionFunctionSummary.Id, ETag]' --output text)
    echo "created $name $id ($etag)"
  fi
  if cf publish-connection-function --id "$id" --if-match "$etag" --output text >/dev/null 2>&1; then
    echo "published $name"
  elif [[ $(cf describe-connection-function --identifier "$id" --stage LIVE \
    --query ETag --output text) == "$etag" ]]; then
    echo "$name is already live"
  else
    echo "publishing $name failed" >&2
    exit 1
  fi
else
  echo "usage: $0 <function|connection-function> <name> <code-file> [comment]" >&2
  exit 2
fi
