#!/usr/bin/env bash
# Exports what cloud-audit reads from every enabled Azure subscription the signed-in account can see, one folder
# per subscription: OUT/SUBSCRIPTION_ID/*.json. Only read calls (list, show). Needs the Azure CLI (az login first)
# and jq.
#
#   export-azure.sh [-o OUT] [-d DAYS] [-s SUBSCRIPTION]...
#
#   -o OUT           where to write (default: inventory/azure)
#   -d DAYS          days of CPU history to export (default: 14)
#   -s SUBSCRIPTION  only these subscriptions (repeatable; default: every enabled one)
#
# Then: mvn cloud-audit:audit -Dcloudaudit.inventory=OUT
set -euo pipefail

out=inventory/azure
days=14
subscriptions=()
while getopts "o:d:s:" option; do
  case $option in
    o) out=$OPTARG ;;
    d) days=$OPTARG ;;
    s) subscriptions+=("$OPTARG") ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
if [ ${#subscriptions[@]} -eq 0 ]; then
  mapfile -t subscriptions < <(az account list --query "[?state=='Enabled'].id" --output tsv)
fi

# One file per command. A failed call (no permission, provider not registered) prints its error and leaves no file:
# the audit then treats what it lacks as unknown, never as fine.
save() {
  local file=$1; shift
  if ! az "$@" --output json > "$file.tmp" 2> "$file.err"; then
    echo "  could not export $(basename "$file"): $(grep -v '^[[:space:]]*$' "$file.err" | tail -1)" >&2
    rm -f "$file.tmp" "$file.err"
    return 0
  fi
  mv "$file.tmp" "$file"
  rm -f "$file.err"
}

for subscription in "${subscriptions[@]}"; do
  dir=$out/$subscription
  mkdir -p "$dir"
  echo "$subscription"
  save "$dir/vm-list.json" vm list -d --subscription "$subscription"
  save "$dir/sql-server-list.json" sql server list --subscription "$subscription"
  # Databases are listed per SQL server.
  jq -r '.[]? | "\(.resourceGroup) \(.name)"' "$dir/sql-server-list.json" 2>/dev/null | while read -r group server; do
    save "$dir/sql-db-list-$group-$server.json" sql db list --subscription "$subscription" --resource-group "$group" \
      --server "$server"
  done
  save "$dir/postgres-flexible-server-list.json" postgres flexible-server list --subscription "$subscription"
  save "$dir/mysql-flexible-server-list.json" mysql flexible-server list --subscription "$subscription"
  save "$dir/metric-alert-list.json" monitor metrics alert list --subscription "$subscription"
  # Defender for Cloud: which plans are on, and its alerts (the mining signal).
  save "$dir/security-pricing-list.json" security pricing list --subscription "$subscription"
  save "$dir/security-alert-list.json" security alert list --subscription "$subscription"
  # Whether the activity log (who did what) is exported. A subscription without settings prints an empty list,
  # which names no subscription: the audit cannot recognize it, and the audit trail stays unknown.
  save "$dir/diagnostic-settings-subscription-list.json" monitor diagnostic-settings subscription list \
    --subscription "$subscription"
  # Hourly CPU of every VM over the last days (the mining signature), one file per VM.
  jq -r '.[]?.id' "$dir/vm-list.json" 2>/dev/null | while read -r vm; do
    group=$(cut -d/ -f5 <<< "$vm")
    save "$dir/cpu-$group-$(basename "$vm").json" monitor metrics list --resource "$vm" --metric "Percentage CPU" \
      --interval PT1H --aggregation Average Maximum --offset "${days}d"
  done
done
echo "Exported to $out"
