evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE')
assert log.contains('expired on 2026-06-30') : 'an expired suppression must be reported'
def report = findings()
assert !findingsOf(report, 'db-exposed')[0].suppressed
assert report.expiredSuppressions.size() == 1
