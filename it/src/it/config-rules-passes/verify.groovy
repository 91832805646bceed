evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD SUCCESS')
assert log.contains('Cloud audit PASSED')
def report = findings()
assert findingsOf(report, 'db-exposed')*.severity == ['LOW'] : 'the configured severity is the one reported'
assert findingsOf(report, 'orphan-no-owner').isEmpty() : 'a disabled rule reports nothing'
def effective = new File(basedir, 'target/cloud-audit/effective-config.yml').getText('UTF-8')
assert effective.contains('severity: LOW') && effective.contains('maxServerAgeDays: 1095')
// The rule's own entry, not the aws section's enabled: false.
assert effective =~ /(?m)^  orphan-no-owner:\n(?:    .*\n)*?    enabled: false\b/
assert report.audit.configuration == effective
assert new File(basedir, 'target/cloud-audit/report.html').getText('UTF-8').contains('severity: LOW')
