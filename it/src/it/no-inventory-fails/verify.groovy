evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE') : 'an audit of nothing must fail the build'
assert log =~ /Cannot read .*inventory: nothing was audited: no inventory was read/ : 'the error must say nothing was audited'
assert log =~ /README\.md \(not a recognized inventory format/ : 'the error must name what was skipped and why'
assert !log.contains('Cloud audit PASSED') : 'an audit of nothing must never pass'
assertNoStackTrace(log)
assert !new File(basedir, 'target/cloud-audit/findings.json').exists() : 'no report may claim an all-clear for an audit of nothing'
