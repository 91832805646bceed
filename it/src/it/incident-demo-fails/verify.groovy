evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE') : 'findings must fail the build with BUILD FAILURE, not an error'
assert log.contains('Cloud audit failed') && log.contains('risk-forgotten-database') : 'the failure must name the worst findings'
assert log.contains('Cloud audit FAILED but INCOMPLETE') : 'the one-line summary must give the verdict and say the audit is incomplete'
assertNoStackTrace(log)

def report = findings()
assert report.audit.verdict == 'fail'
assert report.audit.incomplete == true : 'the demo has an AccessDenied region: the audit must say it is incomplete'
def forgotten = findingsOf(report, 'risk-forgotten-database')
assert forgotten*.resourceName.contains('crm-legacy-db-01') : "the forgotten database must be found, got ${forgotten*.resourceName}"
assert forgotten.every { it.severity == 'CRITICAL' }
def mined = findingsOf(report, 'cpu-sustained-high')
assert mined*.resourceName.contains('crm-legacy-db-01') : 'sustained high CPU on the legacy server must be flagged'
assert findingsOf(report, 'audit-incomplete').size() >= 1
for (rule in ['legacy-os', 'orphan-no-owner', 'monitoring-no-cpu-alarm', 'db-exposed']) {
    assert findingsOf(report, rule).any { it.resourceName == 'crm-legacy-db-01' } : "expected ${rule} on crm-legacy-db-01"
}
def healthy = report.resources.findAll { !report.findings.any { f -> f.resourceId == it.id && f.severity in ['CRITICAL', 'HIGH'] } }
assert healthy.size() >= 3 : 'the healthy demo servers must not all be flagged'
for (file in ['report.html', 'findings.json', 'findings.sarif']) {
    assert new File(basedir, "target/cloud-audit/${file}").isFile() : "${file} missing"
}
