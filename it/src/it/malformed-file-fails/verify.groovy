evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE') || log.contains('BUILD ERROR') || log.contains('[ERROR]')
assert log =~ /Cannot read .*ec2-describe-instances\.json:8:\d+: / : 'the error must name the file, line and column'
assert !log.contains('Cloud audit PASSED') : 'unreadable input must never pass'
assertNoStackTrace(log)
assert !new File(basedir, 'target/cloud-audit/findings.json').exists() : 'no report may claim an all-clear for unreadable input'
