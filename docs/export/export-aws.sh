#!/usr/bin/env bash
# Exports what cloud-audit reads from every enabled region of one or more AWS accounts, in the layout the plugin
# expects: OUT/ACCOUNT/REGION/*.json. Only read calls (describe, list, get). Needs the AWS CLI v2 and jq.
#
#   export-aws.sh [-o OUT] [-d DAYS] [-R REGIONS] [-p PROFILE]... [-r ROLE]
#
#   -o OUT      where to write (default: inventory/aws)
#   -d DAYS     days of CPU history to export (default: 14)
#   -R REGIONS  only these regions, space-separated (default: every region the account has enabled)
#   -p PROFILE  an AWS CLI profile per account; repeat for several accounts (default: the current credentials)
#   -r ROLE     also every active account of the AWS Organization, by assuming this role in each
#               (a read-only audit role; the caller must be allowed to list the organization's accounts)
#
# Then: mvn cloud-audit:audit -Dcloudaudit.inventory=OUT
set -euo pipefail

out=inventory/aws
days=14
regions=
profiles=()
role=
while getopts "o:d:R:p:r:" option; do
  case $option in
    o) out=$OPTARG ;;
    d) days=$OPTARG ;;
    R) regions=$OPTARG ;;
    p) profiles+=("$OPTARG") ;;
    r) role=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done

# One file per command and region. A failed call (access denied, service not enabled) prints its error and leaves
# no file: the audit then treats what it lacks as unknown, never as fine.
save() {
  local file=$1; shift
  if ! aws "$@" --output json > "$file.tmp" 2> "$file.err"; then
    echo "  could not export $(basename "$file"): $(grep -v '^[[:space:]]*$' "$file.err" | tail -1)" >&2
    rm -f "$file.tmp" "$file.err"
    return 0
  fi
  mv "$file.tmp" "$file"
  rm -f "$file.err"
}

# CPUUtilization averages per hour, one query per server, labelled with its id (at most 500 queries a call).
export_cpu() {
  local region=$1 dir=$2 namespace=$3 dimension=$4 name=$5 ids_file=$6
  local start end
  start=$(date -u -d "$days days ago" +%FT%TZ 2>/dev/null || date -u -v-"$days"d +%FT%TZ)
  end=$(date -u +%FT%TZ)
  split -l 500 "$ids_file" "$ids_file.part-"
  for part in "$ids_file".part-*; do
    local queries
    queries=$(jq -R -s -c --arg ns "$namespace" --arg dim "$dimension" 'split("\n") | map(select(length > 0))
      | to_entries | map({Id: ("q" + (.key | tostring)), Label: .value,
          MetricStat: {Metric: {Namespace: $ns, MetricName: "CPUUtilization", Dimensions: [{Name: $dim, Value: .value}]},
                       Period: 3600, Stat: "Average"}})' "$part")
    save "$dir/cpu-$name-${part##*.part-}.json" cloudwatch get-metric-data --region "$region" \
      --start-time "$start" --end-time "$end" --metric-data-queries "$queries"
    rm -f "$part"
  done
}

export_region() {
  local account=$1 region=$2
  local dir=$out/$account/$region
  mkdir -p "$dir"
  echo "$account $region"
  save "$dir/ec2-instances.json" ec2 describe-instances --region "$region"
  local images
  images=$(jq -r '[.Reservations[]?.Instances[]?.ImageId] | unique | join(" ")' "$dir/ec2-instances.json" 2>/dev/null || true)
  if [ -n "$images" ]; then
    # shellcheck disable=SC2086 # one argument per image id
    save "$dir/ec2-images.json" ec2 describe-images --region "$region" --image-ids $images
  fi
  save "$dir/ec2-security-groups.json" ec2 describe-security-groups --region "$region"
  save "$dir/ec2-volumes.json" ec2 describe-volumes --region "$region"
  save "$dir/ec2-flow-logs.json" ec2 describe-flow-logs --region "$region"
  save "$dir/rds-instances.json" rds describe-db-instances --region "$region"
  save "$dir/rds-clusters.json" rds describe-db-clusters --region "$region"
  save "$dir/cloudwatch-alarms.json" cloudwatch describe-alarms --region "$region"
  save "$dir/ssm-instances.json" ssm describe-instance-information --region "$region"
  save "$dir/cloudtrail-trails.json" cloudtrail describe-trails --region "$region"
  save "$dir/guardduty-detectors.json" guardduty list-detectors --region "$region"

  # GuardDuty's findings that are not archived (the mining signal), at most 50 ids a call.
  local detector
  for detector in $(jq -r '.DetectorIds[]?' "$dir/guardduty-detectors.json" 2>/dev/null); do
    aws guardduty list-findings --region "$region" --detector-id "$detector" \
        --finding-criteria '{"Criterion":{"service.archived":{"Eq":["false"]}}}' \
        --query 'FindingIds[]' --output text | tr '\t' '\n' | sed '/^$/d' > "$dir/.finding-ids" || true
    split -l 50 "$dir/.finding-ids" "$dir/.finding-ids.part-"
    for part in "$dir"/.finding-ids.part-*; do
      [ -e "$part" ] || continue
      # shellcheck disable=SC2046 # one argument per finding id
      save "$dir/guardduty-findings-$detector-${part##*.part-}.json" guardduty get-findings --region "$region" \
        --detector-id "$detector" --finding-ids $(cat "$part")
      rm -f "$part"
    done
    rm -f "$dir/.finding-ids"
  done

  # CPU of every instance and database (the mining signature).
  jq -r '.Reservations[]?.Instances[]?.InstanceId' "$dir/ec2-instances.json" 2>/dev/null > "$dir/.instances" || true
  [ -s "$dir/.instances" ] && export_cpu "$region" "$dir" AWS/EC2 InstanceId ec2 "$dir/.instances"
  jq -r '.DBInstances[]?.DBInstanceIdentifier' "$dir/rds-instances.json" 2>/dev/null > "$dir/.databases" || true
  [ -s "$dir/.databases" ] && export_cpu "$region" "$dir" AWS/RDS DBInstanceIdentifier rds "$dir/.databases"
  rm -f "$dir/.instances" "$dir/.databases"
}

# Every region the account has enabled, or the regions asked for.
export_account() {
  local account
  account=$(aws sts get-caller-identity --query Account --output text)
  local region
  for region in ${regions:-$(aws ec2 describe-regions --query 'Regions[].RegionName' --output text)}; do
    export_region "$account" "$region"
  done
}

if [ ${#profiles[@]} -eq 0 ]; then
  export_account
else
  for profile in "${profiles[@]}"; do
    AWS_PROFILE=$profile export_account
  done
fi

if [ -n "$role" ]; then
  for account in $(aws organizations list-accounts --query "Accounts[?Status=='ACTIVE'].Id" --output text); do
    credentials=$(aws sts assume-role --role-arn "arn:aws:iam::$account:role/$role" \
      --role-session-name cloud-audit-export --query Credentials --output json) || {
      echo "could not assume $role in $account: skipped, the audit will not see it" >&2
      continue
    }
    (
      AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId <<< "$credentials")
      AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey <<< "$credentials")
      AWS_SESSION_TOKEN=$(jq -r .SessionToken <<< "$credentials")
      export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
      unset AWS_PROFILE
      export_account
    )
  done
fi
echo "Exported to $out"
