evaluate(new File(basedir, "../../../src/verify-support.groovy"))

def log = buildLog()
assert log.contains('BUILD FAILURE')
assert log.contains('expired on 2026-06-30') : 'the expired suppression is reported'
assert log.contains('1 suppression(s) expired (failOnExpiredSuppressions)') : 'the failure says why'
assert log.contains('Suppression matched no finding') && log.contains('orphan-no-owner on decommissioned-*') : 'the unused suppression is named'
assertNoStackTrace(log)
def report = findings()
assert findingsOf(report, 'db-exposed')[0].suppressed : 'the suppression scoped by account and tag applies'
assert findingsOf(report, 'db-exposed')[0].suppression.ticket == 'NET-482'
assert report.unusedSuppressions*.rule == ['orphan-no-owner']
