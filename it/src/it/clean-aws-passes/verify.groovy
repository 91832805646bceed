evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('Cloud audit PASSED') : 'expected the one-line summary to say PASSED'
def report = findings()
assert report.audit.verdict == 'pass'
assert report.resources.size() == 1 : "expected the one clean server, got ${report.resources*.name}"
def serious = report.findings.findAll { it.severity in ['CRITICAL', 'HIGH', 'MEDIUM'] }
assert serious.isEmpty() : "a clean server must not have serious findings: ${serious*.ruleId}"
assert report.findings.every { !it.verified } : "the only findings allowed are 'could not verify' ones: ${report.findings*.ruleId}"
assert new File(basedir, 'target/cloud-audit/findings.sarif').isFile()
assert new File(basedir, 'target/cloud-audit/report.html').isFile()
