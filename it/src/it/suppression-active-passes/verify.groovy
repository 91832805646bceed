evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('Cloud audit PASSED') && log.contains('1 suppressed')
def report = findings()
def exposed = findingsOf(report, 'db-exposed')
assert exposed.size() == 1 && exposed[0].suppressed : 'the suppressed finding must stay in the report, marked'
assert exposed[0].suppression.justification.contains('NET-482')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cloud-audit/findings.sarif'))
def result = sarif.runs[0].results.find { it.ruleId == 'db-exposed' }
assert result.suppressions[0].justification.contains('NET-482')
