evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def baseline = new File(basedir, 'cloud-audit-baseline.yml').getText('UTF-8')
assert baseline.contains('partner-portal-pg') && !baseline.contains('reporting-replica-pg') : 'the baseline holds what was accepted'

def log = buildLog()
assert log.contains('BUILD FAILURE')
def failure = log.substring(log.indexOf('Cloud audit failed'))
assert failure.contains('1 new unsuppressed finding(s)') : 'the failure counts only the new finding'
assert failure.contains('reporting-replica-pg') : 'the failure names the new finding'
def listed = failure.readLines().findAll { it.startsWith('  ') || it.contains('[ERROR]   ') }
assert !listed.any { it.contains('partner-portal-pg') } : "the accepted finding must not be listed: ${listed}"
assertNoStackTrace(log)

def report = findings()
assert report.baseline.new == 1 && report.baseline.existing == 1
assert findingsOf(report, 'db-exposed').find { it.server.id == 'partner-portal-pg' }.baseline == 'existing'
assert findingsOf(report, 'db-exposed').find { it.server.id == 'reporting-replica-pg' }.baseline == 'new'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cloud-audit/findings.sarif'))
assert sarif.runs[0].results*.baselineState.toSet() == ['new', 'unchanged'] as Set
