evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE')
assertNoStackTrace(log)
def report = findings()
def legacy = report.resources.find { it.name == 'legacy-crm-db' }
assert legacy : 'the EC2 instance from describe-instances must be audited'
assert legacy.hostsDatabase : 'SQL Server image and port 1433 are database evidence'
assert legacy.os.label.contains('2012 R2') : "the OS comes from describe-images, got ${legacy.os}"
assert findingsOf(report, 'legacy-os').any { it.server.name == 'legacy-crm-db' }
assert findingsOf(report, 'db-exposed').collect { it.server.id }.containsAll(['billing-mysql', legacy.id])
assert findingsOf(report, 'legacy-db-engine').any { it.server.id == 'billing-mysql' }
def noGuardDuty = findingsOf(report, 'monitoring-no-threat-detection').findAll { it.verified }
assert noGuardDuty.collect { it.server.region }.unique() == ['us-east-1'] : 'GuardDuty is on in eu-north-1 and off in us-east-1'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cloud-audit/findings.sarif'))
def names = sarif.runs[0].results*.locations*.getAt(0)*.logicalLocations*.getAt(0)*.fullyQualifiedName
assert names.contains(legacy.id) : 'SARIF locations carry the cloud id of the instance'
