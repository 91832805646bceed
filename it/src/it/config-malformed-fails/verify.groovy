evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE')
assert log =~ /Invalid configuration file .*cloud-audit\.yml:5:\d+: rules\.stale-server/ : 'the error names the file, the line and where'
assert log.contains('maxServerAgeDay') : 'the error names the misspelled key'
assertNoStackTrace(log)
assert !new File(basedir, 'target/cloud-audit/findings.json').exists() : 'no report claims an all-clear'
