evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD SUCCESS') : 'failOnSeverity NONE never fails the build'
assert log.contains('GuardDuty reports cryptocurrency mining on crm-legacy-db-01') : 'the build log stays English'
assertNoStackTrace(log)

def report = findings()
assert findingsOf(report, 'threat-cryptomining')[0].message.startsWith('GuardDuty reports cryptocurrency mining on crm-legacy-db-01') \
        : 'findings.json keeps the English message'

def html = new File(basedir, 'target/cloud-audit/report.html').getText('UTF-8')
assert html.contains('GuardDuty rapporterer utvinning av kryptovaluta på crm-legacy-db-01') : 'the report tells the finding in Norwegian'
assert html.contains('for 7 år og 207 dager siden') : 'ages read in Norwegian with their plurals'
assert html.contains('ble nektet (AccessDenied): serverne der ble ikke revidert') : 'the audit says in Norwegian what it could not see'
assert !html.contains('reports cryptocurrency mining on') && !html.contains('years and') : 'no English message is left'

def summary = new File(basedir, 'target/cloud-audit/summary.md').getText('UTF-8')
assert summary.contains('ikke et kjent inventarformat') : "the demo's README.md is skipped, said in Norwegian"
assert !summary.contains('not a recognized inventory format')
