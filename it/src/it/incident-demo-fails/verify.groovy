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
assert forgotten.collect { it.server.name }.contains('crm-legacy-db-01') : "the forgotten database must be found, got ${forgotten.collect { it.server.name }}"
assert forgotten.every { it.severity == 'CRITICAL' }
def mined = findingsOf(report, 'cpu-sustained-high')
assert mined.collect { it.server.name }.contains('crm-legacy-db-01') : 'sustained high CPU on the legacy server must be flagged'
assert findingsOf(report, 'audit-incomplete').size() >= 1
for (rule in ['legacy-os', 'orphan-no-owner', 'monitoring-no-cpu-alarm', 'db-exposed']) {
    assert findingsOf(report, rule).any { it.server.name == 'crm-legacy-db-01' } : "expected ${rule} on crm-legacy-db-01"
}
assert findingsOf(report, 'threat-cryptomining').collect { it.server.name } == ['crm-legacy-db-01'] : 'GuardDuty reports the mining'
assert report.resources[0].name == 'crm-legacy-db-01' && report.resources[0].risk.score == 100 : \
        "the mined, forgotten server must lead findings.json, got ${report.resources[0].name}"
assert !findingsOf(report, 'risk-forgotten-database').any { it.server.id == 'billing-mysql' } : 'billing-mysql is owned and watched'
def firstTop = log.readLines().find { it.startsWith('[INFO]   CRITICAL') || it.startsWith('[WARNING]   CRITICAL') || it.startsWith('[ERROR]   CRITICAL') }
assert firstTop?.contains('crm-legacy-db-01') : "the log's first top finding must be the mined server, got: ${firstTop}"
def story = (new File(basedir, 'target/cloud-audit/report.html').getText('UTF-8') =~ /<span class="story-name">([^<]*)<\/span>/)
assert story.find() && story.group(1) == 'crm-legacy-db-01' : 'the spotlight must open with the mined server'
def healthy = report.resources.findAll { !report.findings.any { f -> f.resource == it.key && f.severity in ['CRITICAL', 'HIGH'] } }
assert healthy.size() >= 3 : 'the healthy demo servers must not all be flagged'
for (file in ['report.html', 'findings.json', 'findings.sarif']) {
    assert new File(basedir, "target/cloud-audit/${file}").isFile() : "${file} missing"
}
